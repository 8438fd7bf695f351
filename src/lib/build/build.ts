/**
 * The build, stage by stage: the one function that decides what happens when. Each stage is a
 * plain function on the values the stages before it made; each is timed, and an error in one is
 * named by the stage it happened in.
 *
 * It writes into a fresh folder and (unless told not to) checks it with every project check before
 * it takes the place of the output folder, so a failed build or a page that fails a check never
 * replaces the last good site, and no page of a deleted or renamed story survives.
 */
import { CacheStore } from "../cache/store.ts";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { EarlyChecker, PROJECT_CHECK_CACHE, validateSite, type ValidateOptions } from "../check/validate.ts";
import type { Report } from "../check/site-problems.ts";
import { renderContext, renderPages, INPUT_DIR, type RenderedFile } from "../eleventy/render.ts";
import { PageCache, planPages, renderRuns, type PlannedSite, type PlannedPage } from "../eleventy/rendered-pages.ts";
import { HOST_LIMITS, hostLimitReport, measureSite, type HostLimitReport, type HostLimitTable } from "../hosts/host-limits.ts";
import { PhotoProcessor } from "../media/photos.ts";
import type { ProgressListener } from "../model/progress.ts";
import type { MediaHost } from "../model/media.ts";
import type { Problem } from "../model/problems.ts";
import { SettingsError } from "../model/settings-error.ts";
import type { StoryReport } from "../model/story-report.ts";
import { buildNewsroom, type Newsroom, type PublishedFile } from "../newsroom/newsroom.ts";
import { editionViews, madeViews, pageViews } from "../newsroom/page-views.ts";
import { SearchIndexCache, type CachedSearchFile } from "../outputs/search-index.ts";
import { collectArticles, readStories } from "../story/collect-stories.ts";
import { StoryCache } from "../story/story-cache.ts";
import { readSettings, SITE_FILES, type ProjectSettings } from "./settings.ts";

/** The stages, in the order they run. */
const STAGES = ["settings", "stories", "newsroom", "page plan", "render", "photos", "check", "size", "swap"] as const;
type Stage = (typeof STAGES)[number];

/** The stages that count what they do as they go: stories read, pages rendered, photos converted, pages checked. */
export type CountedStage = Extract<Stage, "stories" | "render" | "photos" | "check">;

/** Hears how far a counted stage is: `done` of `total`. Stages never print their progress: whoever runs the build decides. */
export type BuildProgress = (stage: CountedStage, done: number, total: number) => void;

interface StageTiming {
  stage: Stage;
  seconds: number;
}

/** An error a stage did not expect (a bug, a disk that failed): named by its stage, the cause kept. */
export class StageError extends Error {
  readonly stage: Stage;
  constructor(stage: Stage, cause: unknown) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(message.startsWith(`${stage}: `) ? message : `${stage}: ${message}`, { cause });
    this.stage = stage;
  }
}

const NEWS_DIR = `${INPUT_DIR}/news`;
/** Kept between builds (ignored by git); the dev server's pages (drafts shown, live reload let in) apart from a build's. */
const CACHES = { store: ".cache", pages: "pages", devPages: "pages-dev" };

/**
 * What a build keeps between builds of one process (the dev server's rebuilds): the story reads,
 * converted photos and rendered pages it has seen, in memory as well as in .cache/.
 */
export class BuildSession {
  readonly store = new CacheStore(CACHES.store);
  readonly storyCache: StoryCache;
  readonly pageCache: PageCache;
  readonly searchIndexes: SearchIndexCache;
  readonly photos: PhotoProcessor;
  /** The dev server's site as its last build left it, which the next patches in place; none after a build that failed. */
  devSite: DevSite | undefined;

  constructor(dev: boolean) {
    // A single build reads each story once: holding every read twice would only cost memory.
    this.storyCache = new StoryCache(this.store, { keepInMemory: dev });
    this.pageCache = new PageCache(this.store, dev ? CACHES.devPages : CACHES.pages);
    this.searchIndexes = new SearchIndexCache(this.store, { keepInMemory: dev });
    // Last, as its figures come last in the cache line: the photos are published last.
    this.photos = new PhotoProcessor(this.store);
  }
}

/**
 * The dev server's site, as the build that wrote it left it: each page's key by its file, and
 * every file it holds. The next rebuild writes only the pages whose key changed and the site's
 * other files, straight into it, and removes what it no longer holds: at 10,000 stories, placing
 * every page anew into a fresh folder was a fifth of a rebuild after an edit. A rebuild that
 * fails leaves none, so the one after it builds a fresh site and swaps it in.
 */
interface DevSite {
  output: string;
  pages: ReadonlyMap<string, string>;
  /** The hash of what every page was rendered with (the page plan's context). */
  context: string;
  /** The text of each of its other files (feeds, sitemaps, the search index, the hosts' files), by file: one the same again is not written. */
  texts: ReadonlyMap<string, string>;
  files: ReadonlySet<string>;
}

export interface BuildOptions {
  /** The folder the site goes to, relative to the project (replaced only by a build that passed). */
  output: string;
  /**
   * The dev server's build: drafts and embargoed stories get pages, marked, every page shows the
   * stories' problems, and neither those problems nor the check stop it (it is not checked).
   */
  dev?: boolean;
  /** The environment the settings are read from (SITE_URL, BUILD_MOMENT, CI…); process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The caches of earlier builds in this process; a build on its own makes its own. */
  session?: BuildSession;
  onProgress?: BuildProgress;
  /** The hosts' limits the site is measured against: their documented ones (src/lib/hosts/host-limits.ts) unless a test gives its own. */
  hostLimits?: HostLimitTable;
  /** Keep every photo beside its pages, whatever MEDIA_URL says: a site for reading offline (`npm run build -- --media local`). */
  localMedia?: boolean;
}

export interface BuildResult {
  /** Whether the site was swapped into the output folder. */
  ok: boolean;
  /** Why the settings were refused, every problem of them, when they were. */
  settingProblems: Problem[];
  /** Every page, with whether it was rendered or reused and why. */
  pages: PlannedPage[];
  /** Every file the site holds, relative to the output folder, sorted. */
  files: string[];
  report: {
    stories: StoryReport | undefined;
    check: Report | undefined;
    /** The site's size against its host's limits: the line, the warnings, and the problems that fail the build. */
    size: HostLimitReport | undefined;
    /** With a media host, once the site is in place: what the media folder holds for it, and how many of those files this build added. */
    media: (MediaHost & MediaFolderCount) | undefined;
    timings: StageTiming[];
    /** What each cache did, and any trouble with one, for the build log. */
    caches: string[];
    /** The story file of each story's page (a withdrawn story's notice too), by page URL. */
    sources: Record<string, string>;
  };
}

/** Runs each stage, timing it and naming any error it throws after it. */
class StageRunner {
  readonly timings: StageTiming[] = [];

  async run<T>(stage: Stage, work: () => T | Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } catch (error) {
      throw error instanceof StageError ? error : new StageError(stage, error);
    } finally {
      const seconds = (performance.now() - start) / 1000;
      const last = this.timings.at(-1);
      // A stage run in parts (render, then its pages written) is one line.
      if (last?.stage === stage) last.seconds += seconds;
      else this.timings.push({ stage, seconds });
    }
  }
}

/** The build running in this process, if any: the next one waits for it, as the working folder is the process's. */
let running: Promise<unknown> = Promise.resolve();

/**
 * Builds the project in `project` into `options.output`. Paths inside the project are relative to
 * its root (Eleventy, the story reads and the caches name files so, and a report line reads
 * src/news/x.md:3), so the build runs with the project as the working folder and restores the
 * caller's after; callers need not change it. Builds in one process run one after another.
 */
export function build(project: string, options: BuildOptions): Promise<BuildResult> {
  const run = running.then(async () => {
    const caller = process.cwd();
    process.chdir(resolve(project));
    try {
      return await buildHere(options);
    } finally {
      process.chdir(caller);
    }
  });
  running = run.catch(() => undefined);
  return run;
}

async function buildHere({ output, dev = false, env = process.env, session = new BuildSession(dev), onProgress, hostLimits = HOST_LIMITS, localMedia = false }: BuildOptions): Promise<BuildResult> {
  const progressOf = (stage: CountedStage): ProgressListener | undefined => onProgress && ((done, total) => onProgress(stage, done, total));
  const stages = new StageRunner();
  const report: BuildResult["report"] = { stories: undefined, check: undefined, size: undefined, media: undefined, timings: stages.timings, caches: [], sources: {} };
  // A build that ends with a result, passed or not, leaves its folder for the next to start from; one a stage's error stopped does not.
  let ended = false;
  const result = (ok: boolean, more: Partial<BuildResult> = {}): BuildResult => {
    ended = true;
    return { ok, settingProblems: [], pages: [], files: [], report, ...more };
  };
  removeLeftovers();
  const patched = dev && session.devSite?.output === output && existsSync(output) ? session.devSite : undefined;
  session.devSite = undefined;
  // Made as any folder of the user's is, not as mkdtemp makes one (0700): the site folder it becomes
  // is copied to web servers, which could not read it.
  const staging = `${STAGING_PREFIX}${process.pid}-${randomBytes(6).toString("hex")}`;
  // A build starts from the site its last swap replaced, when there is one (see takeSpare).
  const spare = dev ? undefined : takeSpare(output, staging);
  const reused = spare !== undefined;
  if (!patched && !reused) mkdirSync(staging);
  // This build's photos for the media host, apart until the site passes its checks.
  const mediaStaging = `${staging}-media`;
  const checker = new EarlyChecker();
  try {
    const settings = await stages.run("settings", () => readProjectSettings(env, dev, localMedia));
    if (!settings.ok) return result(false, { settingProblems: [...settings.problems] });
    const media = settings.value.media && { url: settings.value.media.url, folder: mediaStaging };
    const site = await renderSite(stages, settings.value, session, { staging: patched ? output : staging, patched, reused, media, dev, checker, progressOf });
    report.stories = site.storyReport;
    report.sources = site.sources;
    if (!site.rendered) return result(false, { pages: site.pages });
    // The dev server's build knows its files (it patches its site by them): at 10,000 stories listing the folder took a tenth of a rebuild.
    const files = site.devSite ? [...site.devSite.files].sort() : keepOnly(staging, site.files, spare);
    if (!dev) {
      report.check = await stages.run("check", () => checkSite(staging, media, settings.value, site.storyReport, { checker, store: session.store, files }, progressOf("check")));
      report.size = await stages.run("size", () => hostLimitReport(measureSite(staging, files), settings.value.deploy, `${output.replace(/\/+$/, "")}/`, hostLimits));
    }
    if ((report.check && report.check.problems.length > 0) || (report.size && report.size.errors.length > 0)) return result(false, { pages: site.pages, files });
    await stages.run("swap", async () => {
      // The photos first: a site in place never names a photo the media folder lacks.
      if (settings.value.media) report.media = { ...settings.value.media, ...keepMedia(mediaStaging, settings.value.media.folder) };
      if (patched) {
        for (const file of patched.files) if (!site.devSite?.files.has(file)) removeWithEmptyFolders(output, file);
      } else await swapIn(staging, output, dev);
    });
    if (dev && site.devSite) session.devSite = { output, ...site.devSite };
    return result(true, { pages: site.pages, files });
  } finally {
    // A build's folder that did not become the site (a problem in a story or a page stopped it) is the next build's to start from.
    if (!dev && ended && existsSync(staging)) keepAsSpare(staging, output);
    rmSync(staging, { recursive: true, force: true });
    rmSync(mediaStaging, { recursive: true, force: true });
    report.caches = cacheLines(session);
    await checker.stop();
  }
}

/**
 * Where `renderSite` writes and what it tells: the staging folder (or the dev server's site it
 * patches), whether the staging folder holds an earlier site (`reused`), the media host's, the dev
 * server's build, progress.
 */
interface RenderTarget {
  staging: string;
  patched: DevSite | undefined;
  reused: boolean;
  media: MediaHost | undefined;
  dev: boolean;
  /** Started once the page plan says how many pages the check will have to check. */
  checker: EarlyChecker;
  progressOf: (stage: CountedStage) => ProgressListener | undefined;
}

/**
 * The stages from the stories to the photos: the site, unchecked, in the staging folder (not
 * rendered when a story stops the build). A function of its own so that what only they need
 * (every story and its HTML, the list pages' views) is let go when it returns, before the check:
 * at 100,000 stories that is about a gigabyte of heap.
 */
async function renderSite(stages: StageRunner, settings: ProjectSettings, session: BuildSession, { staging, patched, reused, media, dev, checker, progressOf }: RenderTarget) {
  const stories = await stages.run("stories", () => readAllStories(settings, session, progressOf("stories")));
  if (stories.stories.length >= LARGE_ARCHIVE) collectSooner();
  const newsroom = await stages.run("newsroom", () => buildNewsroom(stories, settings.site, settings.build));
  const { plan, runs, data } = await stages.run("page plan", () => planSite(settings, newsroom, session.pageCache, patched?.pages, reused ? staging : undefined));
  const site = { pages: plan.pages, storyReport: newsroom.report, sources: data.sources };
  if (newsroom.report.errors.length > 0 && !dev) return { ...site, rendered: false, files: new Set<string>(), devSite: undefined };
  // A publish's few new pages: their checker loads on the other core while they render.
  if (!dev) checker.start(plan.pages.length, plan.pages.filter((page) => page.rendered).length);
  const writer = new SiteWriter(staging, plan, session.pageCache, { inPlace: patched, reused, keepTexts: dev });
  const counter = renderCounter(plan, progressOf("render"));
  // The search indexes first, written as soon as made, so their memory (at 100,000 stories 0.8 GB
  // of heap) is free again before the render runs need theirs: made after the runs, on top of
  // what those had left, they were the first build's peak, 4.3 GB RSS; made first, it is 3.8 GB.
  // The dev server's patch, a few pages, writes them first: the edited page shows a moment sooner.
  // The feeds, sitemaps and robots.txt with them: the newsroom's text as it is, written rather than
  // run through a template (at 10,000 stories, Eleventy paginating over their 1,100 files was two thirds of a publish's run).
  const writeSearchAndFiles = () =>
    stages.run("render", () => {
      writer.writeSearch(searchFiles(newsroom, session.searchIndexes, reused ? staging : undefined), session.searchIndexes);
      writer.writeFiles(newsroom.files);
    });
  if (!patched) await writeSearchAndFiles();
  // Each run's views are let go once it is rendered, not held to the end of the build with every other run's.
  for (let run = 0, views = runs.shift(); views !== undefined; run += 1, views = runs.shift()) {
    const first = run === 0;
    // The hosts' files with the first run's pages; a later run's are the same files again.
    const rendered = await stages.run("render", () => renderPages(staging, settings.globals, { ...data.render, render: madeViews(views) }, counter));
    await stages.run("render", () => writer.writeRendered(first ? rendered : rendered.filter(({ file }) => writer.isPage(file))));
    // A publish's pages are checked on the other core as soon as they are written, while the build goes on.
    checker.checkAhead(rendered.filter(({ file }) => writer.isPage(file) && file.endsWith(".html")).map(({ file, content }) => ({ page: resolve(staging, file), path: file, source: content })));
  }
  if (patched) await writeSearchAndFiles();
  await stages.run("render", () => writer.finish());
  const published = await stages.run("photos", () => publishMedia(staging, media, session.photos, settings, data.storyFiles, progressOf("photos")));
  const siteFiles = new Set([...writer.written, ...published]);
  // Kept only for the dev server's next rebuild: a build's check, at 100,000 stories, has no memory to spare for it.
  const devSite = dev && { context: plan.context, pages: new Map(plan.pages.map(({ file, key }) => [file, key])), texts: writer.texts, files: siteFiles };
  return { ...site, rendered: true, files: siteFiles, devSite: devSite || undefined };
}

/** The settings, or every problem of them (never a stack trace). */
async function readProjectSettings(env: Readonly<Record<string, string | undefined>>, showUnpublished: boolean, localMedia: boolean): Promise<{ ok: true; value: ProjectSettings } | { ok: false; problems: readonly Problem[] }> {
  try {
    return { ok: true, value: await readSettings(".", env, showUnpublished, { localMedia }) };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { ok: false, problems: error.problems };
  }
}

/** Every story read (or found in the story cache) and checked, then sorted out: shown, withdrawn, and the report. */
async function readAllStories({ site, datelinePlaces, build, media }: ProjectSettings, { photos, store, storyCache }: BuildSession, onProgress: ProgressListener | undefined) {
  photos.startBuild();
  store.startBuild();
  const results = await readStories(NEWS_DIR, INPUT_DIR, { site, datelinePlaces, build, photos, storyCache, ...(media ? { mediaUrl: media.url } : {}) }, onProgress);
  // The reads of deleted stories dropped, whatever the later stages do.
  storyCache.prune();
  return collectArticles(results, build);
}

/**
 * Each page's view, and the plan of which are rendered and which reused from the page cache; the
 * views to render in runs of PAGES_PER_RUN, which the plan itself does not keep.
 */
function planSite(settings: ProjectSettings, newsroom: Newsroom, pageCache: PageCache, inPlace: DevSite["pages"] | undefined, placedIn: string | undefined) {
  const views = pageViews(newsroom, settings.site);
  const shared = { editionViews: editionViews(newsroom) };
  const kept = pageCache.read(placedIn);
  // A page of the dev server's site that its key says is in place already is not placed again: its file is there.
  const placed = new Set(inPlace?.values());
  const cached = {
    ...kept,
    has: (key: string, file: string) => {
      if (!placed.has(key)) return kept.has(key, file);
      pageCache.keepInPlace(key);
      return true;
    },
  };
  const { render, ...plan } = planPages(views, newsroom.stories, renderContext(settings.globals, newsroom, shared), cached, (context, view) => pageCache.key(context, view));
  const storyFiles = views.stories.map(({ article }) => article.file);
  const sources = Object.fromEntries([...views.stories.map(({ url, article }) => [url, article.file]), ...newsroom.withdrawn.map(({ url, file }) => [url, file])]);
  return { plan, runs: renderRuns(render, PAGES_PER_RUN), data: { storyFiles, sources, render: { ...newsroom, ...shared } } };
}

/** Counts the pages the plan renders as Eleventy renders them (the hosts' files are not counted: the plan does not hold them). */
function renderCounter(plan: PlannedSite, onProgress: ProgressListener | undefined): ((file: string) => void) | undefined {
  if (!onProgress) return undefined;
  const planned = new Set(plan.pages.filter((page) => page.rendered).map((page) => page.file));
  let rendered = 0;
  onProgress(rendered, planned.size);
  return (file) => {
    if (planned.has(file)) onProgress((rendered += 1), planned.size);
  };
}

/**
 * Every edition's search index (src/lib/outputs/search-index.ts), made again only for an edition
 * whose stories changed; `placedIn`: the folder an earlier build placed its files in.
 */
function searchFiles(newsroom: Newsroom, cache: SearchIndexCache, placedIn: string | undefined): CachedSearchFile[] {
  const files = newsroom.editions.flatMap(({ edition, stories }) => cache.files(stories, edition.path, placedIn));
  cache.prune();
  return files;
}

/** From this many stories on, a build holds enough that V8's own sizing of its heap costs gigabytes (see collectSooner). */
const LARGE_ARCHIVE = 20_000;

/**
 * Asks V8 to collect once its heap has grown by half of what it held after the last collection.
 * On its own, V8 lets a large heap grow to halfway between what it holds and Node's limit, and
 * keeps the pages it freed for reuse: at 100,000 stories, 1 GB held made a peak of 3.9 GB RSS.
 * Collecting sooner kept that build at 2.6 GB for the same CPU; at 10,000 stories it made a
 * publish 5 % slower, so smaller builds keep V8's sizing (BENCHMARKS.md, "How V8 sizes a large
 * build's heap"). The heap's limit stays Node's default; V8 reads this setting at each collection,
 * and it holds for the rest of the process.
 */
function collectSooner(): void {
  setFlagsFromString("--heap-growing-percent=50");
}

/** Pages Eleventy renders in one run: enough that a run's start is a small part of it, few enough that a run's pages fit in memory. */
const PAGES_PER_RUN = 5000;

/** A cache whose entries are placed into the site as they are: the pages', the search indexes'. */
type EntryPlacer = Pick<PageCache, "place" | "isPlacedAt">;

/**
 * The one writer of pages and files into the staging folder. Each run's newly rendered pages are
 * kept in the page cache first, then placed from it (a second name for its entry, no copy: the
 * check knows such a page's hash without reading it), as the search indexes' files are from the
 * search area; the rest (the newsroom's feeds and sitemaps, the hosts' files, a file a cache could not
 * keep, the dev server's search files) is written; at the end, every page the plan reuses. In a folder
 * that holds an earlier site, a placed file whose file there is its entry, unchanged, is left in
 * place, and every file written replaces what is there.
 */
class SiteWriter {
  readonly #staging: string;
  readonly #plan: PlannedSite;
  readonly #cache: PageCache;
  readonly #keys: Map<string, string>;
  /** The dev server's site this writer patches: a page whose key is unchanged, or another file whose text is, is in place. */
  readonly #inPlace: DevSite | undefined;
  /** Whether the folder holds an earlier site, whose files are replaced, or kept where they are the pages' entries. */
  readonly #reused: boolean;
  // Each folder made once: at 10,000 stories asking again for every page's folder cost most of a second.
  readonly #folders = new Set<string>();
  /** Every file of the site, written or in place, relative to its folder. */
  readonly written = new Set<string>();
  /** The texts of the files besides pages, kept for the dev server's next rebuild (`keepTexts`). */
  readonly texts = new Map<string, string>();
  readonly #keepTexts: boolean;

  constructor(staging: string, plan: PlannedSite, cache: PageCache, { inPlace, reused, keepTexts }: { inPlace: DevSite | undefined; reused: boolean; keepTexts: boolean }) {
    this.#staging = staging;
    this.#plan = plan;
    this.#cache = cache;
    this.#keys = new Map(plan.pages.map(({ file, key }) => [file, key]));
    this.#inPlace = inPlace;
    this.#reused = reused;
    this.#keepTexts = keepTexts;
  }

  /**
   * The newsroom's files (feeds, sitemaps, robots.txt): each at its URL, its text and a line end,
   * as the site has published them from the start (the template that once wrote them ended so).
   */
  writeFiles(files: readonly PublishedFile[]): void {
    const texts = files.map(({ url, text }): RenderedFile => ({ file: url.slice(1), content: `${text}\n` }));
    // The URL table gives files and pages addresses of their own kinds; one at a page's would be kept as that page.
    const atPage = texts.find(({ file }) => this.isPage(file));
    if (atPage) throw new Error(`the newsroom's file ${atPage.file} is at a page's address`);
    this.writeRendered(texts);
  }

  /** Whether `file` is a page of the plan (else a file of the site's own: a feed, a sitemap, a host's file). */
  isPage(file: string): boolean {
    return this.#keys.has(file);
  }

  writeRendered(rendered: readonly RenderedFile[]): void {
    for (const { file, content } of rendered) {
      const key = this.#keys.get(file);
      if (key === undefined && this.#keepTexts) this.texts.set(file, content);
      if (key === undefined && (this.#inPlace?.texts.get(file) === content || (this.#reused && this.#sameInSpare(file, content)))) {
        this.written.add(file);
        continue;
      }
      if (key !== undefined) this.#cache.keep(key, content);
      this.#place(file, (target) => {
        if (key === undefined || !this.#cache.placeKept(key, target)) writeFileSync(target, content);
      });
    }
  }

  /** The search indexes' files: those kept in the search area placed from it, as reused pages are; the others written. */
  writeSearch(files: readonly CachedSearchFile[], cache: EntryPlacer): void {
    const texts: RenderedFile[] = [];
    for (const file of files) {
      if ("key" in file) this.#placeEntry(file.url.slice(1), file.key, cache);
      else texts.push({ file: file.url.slice(1), content: file.text });
    }
    this.writeRendered(texts);
  }

  /**
   * Whether the earlier site holds `file` with exactly `content`, under no other name (through a
   * hard link's other name it could change after the build): then it stays. At 10,000 stories a
   * publish changes a few of the 1,400 search index files, feeds and sitemaps, and writing each
   * again under a name of its own and renaming it took a third of a second.
   */
  #sameInSpare(file: string, content: string): boolean {
    const target = join(this.#staging, file);
    try {
      const stats = lstatSync(target);
      if (!stats.isFile() || stats.nlink !== 1 || stats.size !== Buffer.byteLength(content)) return false;
      return readFileSync(target).equals(Buffer.from(content));
    } catch {
      return false;
    }
  }

  /**
   * Places every reused page (none that is in place already: in the dev server's site by its key,
   * in an earlier site by its file's identity), then has the page cache record the plan.
   */
  finish(): void {
    for (const page of this.#plan.pages) {
      if (page.rendered) continue;
      if (this.#inPlace?.pages.get(page.file) === page.key) this.written.add(page.file);
      else this.#placeEntry(page.file, page.key, this.#cache);
    }
    this.#cache.finish(this.#plan);
  }

  /** Places the entry `cache` keeps under `key` as `file`, unless the earlier site in the folder has it there already. */
  #placeEntry(file: string, key: string, cache: EntryPlacer): void {
    if (this.#reused && cache.isPlacedAt(key, join(this.#staging, file))) this.written.add(file);
    else this.#place(file, (target) => cache.place(key, target));
  }

  /**
   * Writes `file` with `write`; into a site being patched, or a folder holding an earlier site,
   * under a name of its own first and then over the old file at once, so the dev server never
   * serves half a page.
   */
  #place(file: string, write: (target: string) => void): void {
    const target = join(this.#staging, file);
    const folder = dirname(target);
    if (!this.#folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#folders.add(folder);
    }
    this.written.add(file);
    if (this.#inPlace === undefined && !this.#reused) return write(target);
    const fresh = `${target}.${process.pid}.new`;
    rmSync(fresh, { force: true });
    write(fresh);
    renameSync(fresh, target);
  }
}

/**
 * The photos of the stories that have pages (the photos area pruned of what no story uses), in the
 * site or, with a media host, in `media.folder`; and the site's own files (stylesheet, icon, the
 * search page's scripts) under their hashed names.
 */
async function publishMedia(staging: string, media: MediaHost | undefined, photos: PhotoProcessor, { globals }: ProjectSettings, storyFiles: readonly string[], onProgress: ProgressListener | undefined): Promise<string[]> {
  const published = await photos.publish(staging, storyFiles, onProgress, media);
  for (const [name, source] of Object.entries(SITE_FILES)) {
    const url = globals.assets[name as keyof typeof SITE_FILES];
    const target = join(staging, url.slice(1));
    mkdirSync(dirname(target), { recursive: true });
    // Never written through a file already there (a site reused), which may be a second name of another.
    rmSync(target, { force: true });
    copyFileSync(source, target);
    published.push(url.slice(1));
  }
  return published;
}

/** Every project check of the built site: its pages, feeds and sitemaps, the photos it names on the media host, and the stories it must not have published. */
function checkSite(staging: string, media: MediaHost | undefined, { site }: ProjectSettings, report: StoryReport, shared: Pick<ValidateOptions, "checker" | "store" | "files">, onProgress: ProgressListener | undefined): Promise<Report> {
  return validateSite(staging, { siteUrl: site.url, outputs: true, withheld: report.withheld, cacheDir: PROJECT_CHECK_CACHE, ...shared, ...(media ? { media } : {}), ...(onProgress ? { onProgress } : {}) });
}

/**
 * Adds this build's photos to the media folder: a file already there is kept (its name is its
 * contents' hash, so it is the same file), and none is ever removed, as pages still on the host
 * or in readers' caches may name it.
 */
function keepMedia(staged: string, folder: string): MediaFolderCount {
  if (!existsSync(staged)) return { files: existsSync(folder) ? readdirSync(folder).length : 0, added: 0 };
  mkdirSync(folder, { recursive: true });
  let added = 0;
  for (const name of readdirSync(staged)) {
    const target = join(folder, name);
    if (existsSync(target)) continue;
    renameSync(join(staged, name), target);
    added += 1;
  }
  return { files: readdirSync(folder).length, added };
}

/** Removes `file` from the site in `folder`, and each folder of its that this leaves empty (a deleted story's photos' folder). */
function removeWithEmptyFolders(folder: string, file: string): void {
  rmSync(join(folder, file), { force: true });
  for (let parent = dirname(file); parent !== "."; parent = dirname(parent)) {
    try {
      rmdirSync(join(folder, parent));
    } catch {
      return;
    }
  }
}

/**
 * Leaves in `folder` only the files `keep` names (relative to it), every one of which the build
 * wrote or left there, and the folders that hold them; returns them, sorted. A fresh folder holds
 * only those; one that held an earlier site (`spare`, as takeSpare found it: nothing else writes
 * into a build's folder) loses what that site had and this one has not (a deleted story's page).
 */
function keepOnly(folder: string, keep: ReadonlySet<string>, spare: SpareListing | undefined): string[] {
  const kept = [...keep].sort();
  if (spare === undefined) return kept;
  for (const path of spare.files) if (!keep.has(path)) rmSync(join(folder, path), { force: true });
  const needed = new Set<string>();
  for (const path of kept) for (let parent = dirname(path); parent !== "." && !needed.has(parent); parent = dirname(parent)) needed.add(parent);
  for (const path of spare.folders) if (!needed.has(path)) rmSync(join(folder, path), { recursive: true, force: true });
  return kept;
}

/** The files the media folder holds, and how many of them a build added. */
interface MediaFolderCount {
  files: number;
  added: number;
}

/**
 * A build's folders in the project: `.site-build-<pid>-<random>`, its `-media` and, after a swap,
 * its `-previous`; and `.site-build-spare-<output>`, the site the last swap replaced (see takeSpare).
 */
const STAGING_PREFIX = ".site-build-";
/** What a swap leaves of the site it replaced, until it is removed. */
const PREVIOUS_SITE = /^\.site-build-(?!spare-).+-previous$/;
const BUILD_FOLDER = /^\.site-build-(\d+)-/;

/**
 * Removes what builds that are no longer running left in the project: a replaced site that a
 * stopped dev server had not removed yet, and the folders of a build that died (killed, out of
 * memory, the machine stopped), which no `finally` removed. A folder of a build still running in
 * another process (its process is alive) is left alone.
 */
function removeLeftovers(): void {
  for (const name of readdirSync(".")) {
    const pid = BUILD_FOLDER.exec(name)?.[1];
    const stopped = pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid));
    if (stopped || (PREVIOUS_SITE.test(name) && pid === undefined)) rmSync(name, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user's is running under that number.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The staging folder takes the output folder's place; the old one goes only once the new one is
 * in. A build keeps it for the next one to start from (see takeSpare). The dev server's reader
 * waits for the new pages, not for the old ones to go (at 10,000 stories that takes seconds), so
 * there it goes in the background; what a stopped server left goes at its next build.
 */
async function swapIn(staging: string, output: string, dev: boolean): Promise<void> {
  const previous = `${staging}-previous`;
  if (existsSync(output)) renameSync(output, previous);
  renameSync(staging, output);
  if (!dev && existsSync(previous)) keepAsSpare(previous, output);
  const leftovers = readdirSync(".").filter((name) => PREVIOUS_SITE.test(name));
  const removal = Promise.all(leftovers.map((name) => rm(name, { recursive: true, force: true })));
  if (!dev) await removal;
  else removal.catch(() => undefined);
}

/** The folder a build of `output` keeps between builds: the site its swap replaced, or what a build stopped by a problem wrote. */
const spareOf = (output: string): string => `${STAGING_PREFIX}spare-${output.replace(/[^A-Za-z0-9_.-]+/g, "_")}`;

/**
 * Makes the spare folder of `output`, if there is one, the build's staging folder; says whether it
 * did. The next site is mostly the last one: at 10,000 stories, placing every page into a fresh
 * folder and removing the old site took a second of a two-second change. Whatever the spare holds
 * (an earlier site, half a site, anything) is safe to start from: every file a build writes
 * replaces the file there, a reused page's file is kept only when it is the page's cache entry
 * itself, unchanged (its identity), and everything else is removed (keepOnly).
 */
function takeSpare(output: string, staging: string): SpareListing | undefined {
  const spare = spareOf(output);
  // A link in its place (the replaced site was one) is no folder to write into: it goes, not what it names.
  const found = lstatSync(spare, { throwIfNoEntry: false });
  if (found !== undefined && !found.isDirectory()) rmSync(spare, { force: true });
  if (!found?.isDirectory()) return undefined;
  try {
    renameSync(spare, staging);
  } catch {
    return undefined;
  }
  try {
    const listing: SpareListing = { files: [], folders: [] };
    listSpare(staging, "", listing);
    return listing;
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return undefined;
  }
}

/** The files and folders a spare held when a build took it, by their paths in it (with forward slashes). */
interface SpareListing {
  files: string[];
  folders: string[];
}

/**
 * Lists the spare's files and folders under `path` into `listing`, removing every entry that is
 * neither a file nor a folder: a symbolic link (made by hand in a spare) would have the build write
 * through it, out of the folder, and a folder's listing follow it. A folder at a time, by the
 * entries' types: Node's recursive listing asks the disk of every file whether it is a folder.
 */
function listSpare(root: string, path: string, listing: SpareListing): void {
  for (const entry of readdirSync(path === "" ? root : join(root, path), { withFileTypes: true })) {
    const inner = path === "" ? entry.name : `${path}/${entry.name}`;
    if (entry.isDirectory()) {
      listing.folders.push(inner);
      listSpare(root, inner, listing);
    } else if (entry.isFile()) listing.files.push(inner);
    else rmSync(join(root, inner), { force: true });
  }
}

/** Keeps `folder` as the spare of `output`; when another build's spare is there, it stays and `folder` goes. */
function keepAsSpare(folder: string, output: string): void {
  try {
    renameSync(folder, spareOf(output));
  } catch {
    rmSync(folder, { recursive: true, force: true });
  }
}

function cacheLines({ store }: BuildSession): string[] {
  return [store.summary()];
}
