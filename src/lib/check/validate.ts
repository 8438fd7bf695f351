/**
 * Checks a built site folder: valid, accessible HTML (html-validate), every internal link and
 * asset resolves to a file (and every #fragment to an id), no executable script, no inline style,
 * and only relative internal URLs, so one build works at a host root, under a prefix and from disk.
 * The command is scripts/validate.ts.
 *
 * Each page is read once and parsed once for all of its own checks (page-check.ts), on one worker
 * per core; what its check finds can be kept between runs (check-cache.ts), as can a feed's or a
 * sitemap's own check. What spans pages (the links between them, what the feeds and sitemaps list,
 * the budget, withheld and withdrawn stories) is checked each time, from what those checks found;
 * only the links of a page the last check passed are not followed again while its site only grows
 * (passed-pages.ts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { extname, join, resolve, sep } from "node:path";
import type { CacheStore } from "../cache/store.ts";
import type { MediaHost } from "../model/media.ts";
import { sortProblems, type Problem } from "../model/problems.ts";
import type { ProgressListener } from "../model/progress.ts";
import type { WithheldStory } from "../model/story-report.ts";
import type { PageChecker, PageRecord, PageTask } from "./page-check.ts";
import { CheckCache } from "./check-cache.ts";
import { passedPage, passedRecord, takeablePages, type PassedPage, type PassedPages } from "./passed-pages.ts";
import { cssReferences } from "./page-references.ts";
import { SiteLinks, sitePath, type LinkSettings } from "./site-links.ts";
import type { Report } from "./site-problems.ts";
import { positionsIn } from "./text-positions.ts";
import { siteBudgetProblems } from "./validate-budget.ts";
import { outputFileProblems, pageOutputProblems, sitemapProblems, translationLinkProblems } from "./validate-outputs.ts";
import { withdrawnProblems } from "./withdrawn-notices.ts";
import type { StorySettings } from "./withheld-stories.ts";
import { withheldProblems } from "./withheld-traces.ts";
import { runInWorkers, startWorkers } from "./worker-pool.ts";

export interface ValidateOptions {
  /** The site's public URL; absolute links to its origin are reported, as they break other copies. */
  siteUrl?: string;
  /**
   * Check the whole site: the feeds, sitemaps, robots.txt and JSON-LD (validate-outputs.ts)
   * against `siteUrl`, and the pages' performance budget (validate-budget.ts).
   */
  outputs?: boolean;
  /**
   * Stories the build must not have published anywhere, or only as a withdrawn story's notice;
   * still being read, they are awaited once the pages are checked.
   */
  withheld?: readonly WithheldStory[] | Promise<readonly WithheldStory[]>;
  /** A folder to keep each page's check in between runs; without one, every page is checked afresh. */
  cacheDir?: string;
  /** The build's cache store, when `cacheDir` is one of its areas: the check shares what it holds in memory. */
  store?: CacheStore;
  /** Every file of the site by its path in it, sorted, when the caller has just listed them (a build, its own folder). */
  files?: readonly string[];
  /** The media host the photos are published on (MEDIA_URL) and the folder they are uploaded from: each photo a page names there must be in it. */
  media?: MediaHost;
  /** Hears how many of the pages are checked (a page found in `cacheDir` counts at once). */
  onProgress?: ProgressListener;
  /** A checker the build started before the check (EarlyChecker), to check the pages the cache does not hold. */
  checker?: EarlyChecker;
}

/** A reason the site could not be checked at all, as opposed to a problem found in it. */
export class SiteError extends Error {}

/** Where the project's own checks keep each page's check between runs (gitignored). */
export const PROJECT_CHECK_CACHE = join(".cache", "check");

/** Fewer pages than this to check are checked in this thread: starting workers would cost more. */
const PAGES_FOR_WORKERS = 200;
/**
 * Pages handed out at a time: about a tenth of a second's work. Small, since a worker holds its
 * next batch too: when the last batch is handed out, no thread is left with much more to do than
 * the others, and this thread answers the workers between its own batches.
 */
const PAGES_PER_BATCH = 20;
/**
 * Pages from which looking up the kept checks takes about as long as loading the checker (half a
 * second or more), so a worker loading it meanwhile saves that much; on a smaller site the worker
 * would cost more than it saves.
 */
const EARLY_CHECKER_PAGES = 4000;
const PAGE_WORKER = new URL("./validate-worker.ts", import.meta.url);
const WITHHELD_WORKER = new URL("./withheld-worker.ts", import.meta.url);
const startEarlyWorker = (): Worker[] => startWorkers(PAGE_WORKER, undefined, Math.min(1, availableParallelism() - 1));

/** A page a build sent ahead of the check (EarlyChecker.checkAhead): the text that was checked, and its record. */
interface CheckedAhead {
  source: string;
  record: PageRecord;
}

/** What the check takes of an EarlyChecker: its worker, and the records of the pages it was sent ahead, by site path. */
interface EarlyCheck {
  workers: Worker[];
  ahead: Promise<ReadonlyMap<string, CheckedAhead>> | undefined;
}

/**
 * The page checker's worker started before the check, when a build knows that only a few pages of
 * a large site will need checking (a publish's dozen, which its page plan renders): html-validate
 * then loads on the other core while the pages render, not while the check waits for it, and the
 * pages are checked as soon as they are written (`checkAhead`). The check takes the worker and
 * those records (`validateSite`'s `checker`), each only for a page whose bytes are still the ones
 * checked; a build that ends before its check stops the worker.
 */
export class EarlyChecker {
  #workers: Worker[] = [];
  /** Each batch sent ahead, with its records once the worker answers (it answers in order). */
  #batches: { tasks: readonly (PageTask & { source: string })[]; records: Promise<PageRecord[]> }[] = [];
  /** The answers awaited, oldest first. */
  #awaited: { resolve: (records: PageRecord[]) => void; reject: (error: unknown) => void }[] = [];
  #stopListening: (() => void) | undefined;

  /** Starts the worker, if `toCheck` of the site's `pages` are too few to share out and the site large enough to gain. */
  start(pages: number, toCheck: number): void {
    if (this.#workers.length === 0 && pages >= EARLY_CHECKER_PAGES && toCheck > 0 && toCheck < PAGES_FOR_WORKERS) this.#workers = startEarlyWorker();
  }

  /** Sends pages just written, with their texts, to the started worker to check now; without a worker, the check checks them. */
  checkAhead(tasks: readonly (PageTask & { source: string })[]): void {
    const [worker] = this.#workers;
    if (worker === undefined || tasks.length === 0) return;
    this.#stopListening ??= this.#listen(worker);
    const records = new Promise<PageRecord[]>((resolve, reject) => this.#awaited.push({ resolve, reject }));
    records.catch(() => undefined); // a failure is the check's to report, when it takes the records
    this.#batches.push({ tasks, records });
    worker.postMessage(tasks);
  }

  /** The worker, if one was started, and the records of the pages sent ahead, for the check to use and stop. */
  take(): EarlyCheck {
    const workers = this.#workers;
    const batches = this.#batches;
    const stopListening = this.#stopListening;
    this.#workers = [];
    this.#batches = [];
    this.#stopListening = undefined;
    if (batches.length === 0) return { workers, ahead: undefined };
    const ahead = Promise.all(batches.map(async ({ tasks, records }) => {
      const checked = await records;
      return tasks.map(({ path, source }, index): [string, CheckedAhead] => [path, { source, record: checked[index]! }]);
    })).then((batch) => new Map(batch.flat()));
    // The worker answers the check's own batches after these, to the check's listener alone.
    void ahead.finally(() => stopListening?.()).catch(() => undefined);
    return { workers, ahead };
  }

  /** Stops a worker no check took. */
  async stop(): Promise<void> {
    await Promise.all(this.take().workers.map((worker) => worker.terminate()));
  }

  /** Hears the worker's answers to the batches sent ahead, and its failure; returns how to stop. */
  #listen(worker: Worker): () => void {
    const answer = (records: PageRecord[]) => this.#awaited.shift()?.resolve(records);
    const fail = (error: unknown) => this.#awaited.splice(0).forEach(({ reject }) => reject(error));
    const exit = (code: number) => fail(new Error(`the page checker stopped with exit code ${code} before its pages were checked`));
    worker.on("message", answer);
    worker.on("error", fail);
    worker.on("exit", exit);
    return () => {
      worker.off("message", answer);
      worker.off("error", fail);
      worker.off("exit", exit);
    };
  }
}

export async function validateSite(dir: string, options: ValidateOptions = {}): Promise<Report> {
  const withheld = Promise.resolve(options.withheld ?? []);
  withheld.catch(() => undefined); // a failure is for the await below to report, not for the process
  const siteDir = resolve(dir);
  // Paths in the site taken from the build's list as they are, not asked of path.relative again for each file's absolute path (25,000 calls at 10,000 stories).
  const sitePaths = options.files?.map((file) => file.split(sep).join("/")) ?? listFiles(siteDir);
  const files = sitePaths.map((path) => join(siteDir, path));
  const pages = files.filter((file) => extname(file) === ".html");
  const paths = sitePaths.filter((path) => extname(path) === ".html");
  const stylesheets = files.filter((file) => extname(file) === ".css");
  if (pages.length === 0) throw new SiteError(`no .html pages in ${siteDir}`);

  const settings: LinkSettings = {
    siteDir,
    siteRoot: siteRootOf(options.siteUrl),
    basePath: options.siteUrl ? new URL(options.siteUrl).pathname.replace(/\/?$/, "/") : "/",
    ...(options.media ? { media: { url: options.media.url, folder: resolve(options.media.folder) } } : {}),
  };
  const siteUrl = options.outputs ? options.siteUrl : undefined;
  const cache = options.cacheDir === undefined ? undefined : new CheckCache(options.cacheDir, options.store);
  // What a link leads to hangs on these besides the site's files: the pages passed under others are not this check's to take.
  const linkSettings = JSON.stringify({ siteRoot: settings.siteRoot?.href, basePath: settings.basePath, media: settings.media });
  const passed = takeablePages(cache?.passedPages(linkSettings), sitePaths, settings.media);
  const checking = checkPages(pages, paths, cache, passed, options.checker?.take() ?? { workers: [], ahead: undefined }, options.onProgress);
  checking.catch(() => undefined); // as with `withheld`: the await below reports a failure
  // The feeds, sitemaps and robots.txt need no page's check: this thread reads them while the
  // workers check pages, and takes fewer pages itself.
  const outputFiles = siteUrl === undefined ? undefined : outputFileProblems(siteDir, siteUrl, sitePaths, cache && ((file, source, check) => cache.outputFile(file, source, check)));
  const { records, keys, taken } = await checking;

  const links = new SiteLinks(settings, files, new Map(pages.map((page, index) => [page, new Set(recordAt(records, index).anchors)])));
  const eachPage = pages.map((page, index) => pageProblems(links, page, paths[index] ?? "", recordAt(records, index)));
  const problems = [...eachPage.flat(), ...stylesheets.flatMap((stylesheet) => stylesheetProblems(links, siteDir, stylesheet))];
  if (cache) {
    const passedNow: PassedPages = { files: sitePaths, pages: {} };
    paths.forEach((path, index) => {
      const key = keys[index];
      const record = recordAt(records, index);
      const kept = taken[index] ?? (key !== undefined && eachPage[index]?.length === 0 ? passedPage(key, record, links.relianceOf(record.links)) : undefined);
      if (kept) passedNow.pages[path] = kept;
    });
    cache.keepPassedPages(linkSettings, passedNow);
    cache.save();
    const notice = cache.notice();
    if (notice) console.warn(notice);
  }
  if (siteUrl !== undefined && outputFiles !== undefined) {
    const outputPages = paths.map((path, index) => ({ path, facts: recordAt(records, index).outputs }));
    const stories = await withheld;
    problems.push(
      ...pageOutputProblems(siteUrl, sitePaths, outputPages),
      ...outputFiles.problems,
      ...sitemapProblems(siteUrl, sitePaths, outputFiles, outputPages),
      ...translationLinkProblems(siteUrl, outputPages),
      ...withheldProblems(siteDir, siteUrl, sitePaths, stories),
      ...withdrawnProblems(stories, { root: siteDir, siteUrl, files: sitePaths, pages: outputPages, listings: outputFiles.listings }),
    );
  }
  if (options.outputs) {
    problems.push(...siteBudgetProblems(siteDir, pages.map((file, index) => ({ file, path: paths[index] ?? "", facts: recordAt(records, index).budget }))));
  }
  return { pages: pages.length, stylesheets: stylesheets.length, problems: sortProblems(problems) };
}

const recordAt = (records: readonly PageRecord[], index: number): PageRecord => {
  const record = records[index];
  if (!record) throw new Error(`no check of page ${index}`);
  return record;
};

/** What the page's own check found, then what is wrong with the URLs it names. */
function pageProblems(links: SiteLinks, page: string, path: string, record: PageRecord): Problem[] {
  const linkProblems = links.checkerFor(page);
  return [
    ...record.problems.map((problem) => ({ file: path, ...problem })),
    ...record.links.flatMap(({ url, line, column, image }) => linkProblems(url, image).map((found) => ({ file: path, line, column, ...found }))),
  ];
}

function stylesheetProblems(links: SiteLinks, siteDir: string, stylesheet: string): Problem[] {
  const source = readFileSync(stylesheet, "utf8");
  const position = positionsIn(source);
  const file = sitePath(siteDir, stylesheet);
  const linkProblems = links.checkerFor(stylesheet);
  return cssReferences(source).flatMap(({ url, offset }) => linkProblems(url).map((found) => ({ file, ...position(offset), ...found })));
}

/**
 * Each page's record, in the order of `pages` (whose site paths are `paths`): a page the last check
 * passed unchanged as it was (`taken`, with no links to follow), else from the cache, or checked
 * ahead (`started`) with the bytes it has, or checked now (and kept in the cache); and each page's
 * key in the cache.
 */
async function checkPages(pages: readonly string[], paths: readonly string[], cache: CheckCache | undefined, passed: ReadonlyMap<string, PassedPage>, started: EarlyCheck, onProgress: ProgressListener | undefined) {
  const records: PageRecord[] = new Array<PageRecord>(pages.length);
  const taken: (PassedPage | undefined)[] = new Array<PassedPage | undefined>(pages.length);
  let unchecked: (PageTask & { index: number; key: string | undefined })[] = [];
  let early = started.workers;
  let keys: (string | undefined)[] = [];
  try {
    keys = pages.map((page, index) => cache?.key(page, paths[index] ?? "", () => readFileSync(page)));
    // Pages with no kept check on a large site (a publish's dozen new pages): a worker loads the checker
    // while this thread reads the kept records, as html-validate takes longer to load than to check them.
    const toCheck = keys.filter((key) => key === undefined || cache?.lists(key) !== true).length;
    if (early.length === 0 && toCheck > 0 && pages.length >= EARLY_CHECKER_PAGES) early = startEarlyWorker();
    for (const [index, page] of pages.entries()) {
      const key = keys[index];
      const before = passed.get(paths[index] ?? "");
      if (key !== undefined && before?.key === key) {
        records[index] = passedRecord(before);
        taken[index] = before;
        cache?.reach(key);
        continue;
      }
      const record = key === undefined ? undefined : cache?.get(key);
      if (record) records[index] = record;
      else unchecked.push({ index, key, page, path: paths[index] ?? "" });
    }
    const ahead = await started.ahead;
    unchecked = unchecked.filter(({ index, key, path }) => {
      const checked = ahead?.get(path);
      if (checked === undefined || key === undefined || cache?.sourceKey(path, checked.source) !== key) return true;
      records[index] = checked.record;
      cache.set(key, checked.record);
      return false;
    });
  } catch (error) {
    // An error no check expected: the worker, which keeps the process alive, stops too.
    await Promise.all(early.map((worker) => worker.terminate()));
    throw error;
  }

  const ready = pages.length - unchecked.length;
  onProgress?.(ready, pages.length);
  const checked = await checkEach(unchecked, early, onProgress && ((done) => onProgress(ready + done, pages.length)));
  unchecked.forEach(({ index, key }, at) => {
    const record = checked[at];
    if (!record) throw new Error(`no check of ${pages[index]}`);
    records[index] = record;
    if (key !== undefined) cache?.set(key, record);
  });
  return { records, keys, taken };
}

/**
 * Checks pages in batches on this thread and one worker per other core, or only here when there
 * are few. html-validate is loaded only where pages are checked: a run that finds every page in
 * the cache needs none. A worker started `early` takes them first; it alone checks a few pages,
 * as loading html-validate here too would cost more than their check.
 */
async function checkEach(tasks: readonly PageTask[], early: readonly Worker[], onChecked?: (done: number) => void): Promise<PageRecord[]> {
  let checker: Promise<PageChecker> | undefined;
  // A copy, as a worker's records arrive: a record made here holds slices of its page's source
  // (V8 keeps the whole page for each id or URL cut from it), 100 MB at 10,000 stories.
  const checkHere = async (batch: readonly PageTask[]) => structuredClone(await (await (checker ??= import("./page-check.ts").then((module) => new module.PageChecker()))).checkAll(batch));
  const workers = availableParallelism() - 1;
  const few = tasks.length < PAGES_FOR_WORKERS;
  if (tasks.length > 0 && ((few && early.length === 0) || workers === 0)) {
    await Promise.all(early.map((worker) => worker.terminate()));
    const records = await checkHere(tasks);
    onChecked?.(tasks.length);
    return records;
  }
  const batches: PageTask[][] = [];
  for (let start = 0; start < tasks.length; start += PAGES_PER_BATCH) {
    batches.push(tasks.slice(start, start + PAGES_PER_BATCH).map(({ page, path }) => ({ page, path })));
  }
  // The workers start first; this thread loads its checker while they do.
  let checked = 0;
  const onBatch = onChecked && ((records: PageRecord[]) => onChecked((checked += records.length)));
  // A few pages go to the early worker alone: another worker would only start loading the checker.
  return (await runInWorkers<PageTask[], PageRecord[]>(PAGE_WORKER, undefined, batches, few ? early.length : workers, few ? undefined : checkHere, onBatch, early)).flat();
}

/** Every file in the site, by its path in it, sorted. */
function listFiles(siteDir: string): string[] {
  if (!statSync(siteDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new SiteError(`no site folder at ${siteDir}`);
  }
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => sitePath(siteDir, join(entry.parentPath, entry.name)))
    .sort();
}

function siteRootOf(siteUrl: string | undefined): URL | undefined {
  if (!siteUrl) return undefined;
  try {
    const root = new URL(siteUrl);
    root.pathname = root.pathname.replace(/\/?$/, "/");
    return root;
  } catch {
    throw new SiteError(`SITE_URL is not a URL: ${siteUrl}`);
  }
}

/**
 * Every check of this project's own build: the site's URL as the build used it, its feeds and
 * sitemaps, and the stories it must not have published (read from the sources with `settings`
 * unless the build gives them); each page's check is kept in .cache/check.
 */
export function projectChecks(settings: StorySettings & { site: { url: string } }, withheld?: readonly WithheldStory[]): ValidateOptions {
  return { siteUrl: settings.site.url, outputs: true, withheld: withheld ?? withheldStoriesAside(settings), cacheDir: PROJECT_CHECK_CACHE };
}

/** The stories withheld from the project's sources, read on a thread of their own while the pages are checked. */
async function withheldStoriesAside(settings: StorySettings): Promise<WithheldStory[]> {
  const task = { projectDir: process.cwd(), settings };
  const [stories = []] = await runInWorkers<typeof task, WithheldStory[]>(WITHHELD_WORKER, undefined, [task], 1);
  return stories;
}
