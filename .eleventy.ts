import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { collectArticles, readStories } from "./src/lib/story/collect-stories.ts";
import { codeFingerprint } from "./src/lib/story/code-fingerprint.ts";
import type { DatelinePlaces } from "./src/lib/story/dateline.ts";
import { buildNewsroom, type Newsroom } from "./src/lib/newsroom/newsroom.ts";
import { editionViews, notFoundView, pageViews, type EditionView, type NotFoundView, type PageViews } from "./src/lib/newsroom/page-views.ts";
import { STORY_REPORT_EVENT } from "./src/lib/model/story-report.ts";
import type { BuildSettings } from "./src/lib/model/publishing.ts";
import type { SiteSettings } from "./src/lib/model/site.ts";
import { PhotoProcessor } from "./src/lib/media/photos.ts";
import { StoryCache } from "./src/lib/story/story-cache.ts";
import { RenderedPages } from "./src/lib/eleventy/rendered-pages.ts";
import { nunjucksTemplates } from "./src/lib/eleventy/nunjucks-templates.ts";
import { rewritePageLinks } from "./src/lib/eleventy/relative-links.ts";
import { pageLinkUrl } from "./src/lib/model/urls.ts";
import readSite from "./_data/site.ts";
import assets, { FAVICON_SOURCE, STYLESHEET_SOURCE } from "./_data/assets.ts";

/** Stories are read by the build itself (src/lib/story/), not as Eleventy templates. */
const INPUT_DIR = "src";
const NEWS_DIR = "src/news";
/** Converted photos wait here between builds (kept out of git), so an unchanged photo is never converted twice. */
const PHOTO_CACHE = ".cache/photos";
/** Stories' reads wait here between builds, each under the key of everything it was read from. */
const STORY_CACHE = ".cache/stories";
/** Rendered pages wait here between builds; the dev server's (drafts shown, live reload let in) apart from a build's. */
const PAGE_CACHE = { build: ".cache/pages", serve: ".cache/pages-dev" };

/** The global data every page is rendered with, as the collection finds it: _data/'s files by name. */
interface GlobalData extends Readonly<Record<string, unknown>> {
  build: BuildSettings;
  site: SiteSettings;
  datelinePlaces: DatelinePlaces;
}

const DATA_DIR = "_data";

/** What Eleventy passes to its eleventy.before and eleventy.after listeners, as far as this config needs it. */
interface BuildStart {
  directories: { output: string };
}
interface BuildEnd extends BuildStart {
  results: { outputPath: string | false; content: string }[];
}

/** The code that renders pages: this config and every module it imports, once per process (code cannot change while it runs). */
const renderingCode = codeFingerprint([new URL(import.meta.url)]);

/** What every page prints besides its own view: its edition's words, sections and feeds, and the 404 page's view. */
interface SharedViews {
  editionViews: Record<string, EditionView>;
  notFound: NotFoundView;
}

/**
 * Everything every page is rendered with: the code, the templates as they are now, every global
 * data file's value (the build moment aside: no page prints it, and it changes every build), and
 * the editions and problems every page prints (problems only in the dev server, whose pages show them).
 */
function renderContext(data: GlobalData, newsroom: Newsroom, shared: SharedViews): string {
  const templates = [
    ...readdirSync("_includes", { recursive: true, encoding: "utf8" }).map((name) => join("_includes", name)),
    ...readdirSync(INPUT_DIR).filter((name) => name.endsWith(".njk")).map((name) => join(INPUT_DIR, name)),
  ]
    .filter((file) => file.endsWith(".njk"))
    .sort()
    .map((file) => [file, readFileSync(file, "utf8")]);
  const { moment: _moment, epochMs: _epochMs, ...build } = data.build;
  const globals = readdirSync(DATA_DIR)
    .map((name) => name.replace(/\.[^.]+$/, ""))
    .sort()
    .map((name) => [name, name === "build" ? build : data[name]]);
  // Only the dev server's pages print the stories' problems (base.njk's panel).
  const problems = data.build.showUnpublished ? newsroom.problemGroups : [];
  return JSON.stringify([renderingCode, templates, globals, shared, problems]);
}

export default function (eleventyConfig: UserConfig) {
  // Stories are read by the build (src/lib/story/), so Eleventy does not take them for templates;
  // the dev server still rebuilds when one changes.
  eleventyConfig.ignores.add(`${NEWS_DIR}/**`);
  eleventyConfig.addWatchTarget(`${NEWS_DIR}/`);

  // Data files may be TypeScript, like the rest of the site code.
  eleventyConfig.addDataExtension("ts", {
    read: false,
    // A function is called with no arguments, as Eleventy does for JavaScript data files.
    parser: async (file: string) => {
      const data = ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
      return typeof data === "function" ? (data as () => unknown)() : data;
    },
  });

  // Each template compiled once per build, not once per page it paginates into.
  const templates = nunjucksTemplates("_includes");
  eleventyConfig.addExtension("njk", templates.extension);

  const photos = new PhotoProcessor(PHOTO_CACHE);
  // Made at the first build and kept for the config's life, so the dev server's rebuilds reuse reads
  // and pages from memory too (a single build reads each story once: holding every read twice
  // would only cost memory).
  let storyCache: StoryCache | undefined;
  let pages: RenderedPages | undefined;
  let output = "";
  let storyFiles: string[] = [];
  eleventyConfig.on("eleventy.before", ({ directories }: BuildStart) => {
    output = directories.output;
    templates.startBuild();
    photos.startBuild();
    storyCache?.startBuild();
  });

  // Every story read and checked, the lists built, and each page's view, of which only the changed
  // ones are rendered. Never throws: the report of every story's problems goes to whoever runs
  // the build (scripts/build.ts stops on errors; the dev server shows them).
  eleventyConfig.addCollection("newsroom", async (collectionApi: { getAll(): { data: Partial<GlobalData> }[] }) => {
    const data = collectionApi.getAll()[0]?.data;
    if (!data?.build || !data.site || !data.datelinePlaces) throw new Error("the site and build data are missing (expected _data/site.ts, _data/build.ts and _data/datelinePlaces.json)");
    const global = data as GlobalData;
    const { build, site, datelinePlaces } = global;
    storyCache ??= new StoryCache(STORY_CACHE, { keepInMemory: build.showUnpublished });
    const results = await readStories(NEWS_DIR, INPUT_DIR, { site, datelinePlaces, build, photos, storyCache });
    const newsroom = buildNewsroom(collectArticles(results, build), site, build);
    await eleventyConfig.emit(STORY_REPORT_EVENT, newsroom.report);
    const views = pageViews(newsroom, site);
    const shared: SharedViews = { editionViews: editionViews(newsroom), notFound: notFoundView(newsroom) };
    storyFiles = views.stories.map(({ article }) => article.file);
    pages ??= new RenderedPages(build.showUnpublished ? PAGE_CACHE.serve : PAGE_CACHE.build);
    const render: PageViews = pages.plan(views, newsroom.stories, renderContext(global, newsroom, shared), output);
    return { ...newsroom, ...shared, render };
  });

  // Templates link from the site root; pages get relative URLs so one build works anywhere, even from disk.
  const basePath = new URL(readSite().url).pathname;
  eleventyConfig.addTransform("relative-links", function (this: { page: { url: string | false; outputPath: string | false } }, content: string) {
    const { url, outputPath } = this.page;
    if (typeof url !== "string" || typeof outputPath !== "string" || !outputPath.endsWith(".html")) return content;
    return rewritePageLinks(content, (link) => pageLinkUrl(link, url, basePath));
  });

  eleventyConfig.on("eleventy.after", async ({ directories, results }: BuildEnd) => {
    pages?.finish(directories.output, results.flatMap(({ outputPath, content }) => (outputPath ? [{ file: outputPath, content }] : [])));
    await photos.publish(directories.output, storyFiles);
    await storyCache?.flush();
    await storyCache?.prune();
    for (const line of [photos.summary(), storyCache?.summary(), pages?.summary()]) if (line) console.log(line);
    for (const warning of [storyCache?.warning(), pages?.warning()]) if (warning) console.warn(warning);
  });

  // The stylesheet and icon go out under their contents' hash (the names pages link, from _data/assets.ts).
  eleventyConfig.addPassthroughCopy({
    [fileURLToPath(STYLESHEET_SOURCE)]: assets.stylesheet.slice(1),
    [fileURLToPath(FAVICON_SOURCE)]: assets.favicon.slice(1),
  });

  return {
    dir: { input: INPUT_DIR, includes: "../_includes", data: `../${DATA_DIR}` },
    templateFormats: ["njk"],
  };
}
