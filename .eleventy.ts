import { fileURLToPath, pathToFileURL } from "node:url";
import { DateTime } from "luxon";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { type ArticleResult } from "./src/lib/story/article.ts";
import { collectArticles } from "./src/lib/story/collect-stories.ts";
import { buildNewsroom } from "./src/lib/newsroom/newsroom.ts";
import { STORY_REPORT_EVENT } from "./src/lib/model/story-report.ts";
import { UrlClaims } from "./src/lib/eleventy/url-claims.ts";
import type { BuildSettings } from "./src/lib/model/publishing.ts";
import type { SiteSettings } from "./src/lib/model/site.ts";
import { parseFrontMatter } from "./src/lib/story/front-matter.ts";
import { createMarkdown } from "./src/lib/story/markdown.ts";
import { PhotoProcessor } from "./src/lib/media/photos.ts";
import { StoryCache } from "./src/lib/story/story-cache.ts";
import { pageLinkUrl } from "./src/lib/model/urls.ts";
import site from "./_data/site.ts";
import assets, { FAVICON_SOURCE, STYLESHEET_SOURCE } from "./_data/assets.ts";

/** Converted photos wait here between builds (kept out of git), so an unchanged photo is never converted twice. */
const PHOTO_CACHE = ".cache/photos";
/** Stories' reads wait here between builds, each under the key of everything it was read from. */
const STORY_CACHE = ".cache/stories";

interface CollectionItem {
  data: { article?: ArticleResult; build: BuildSettings; site: SiteSettings };
}

/** What Eleventy passes to its eleventy.after listeners, as far as the photos need it. */
interface BuildEnd {
  directories: { output: string };
  results: { inputPath: string }[];
}

// Eleventy's default config adds this; its published types do not declare it.
interface HtmlTransformer {
  addUrlTransform(extensions: string, transform: (this: { url: string }, url: string) => string): void;
}

/** Front matter languages Eleventy and gray-matter know, some of which would run a story's code. */
const FRONT_MATTER_LANGUAGES = ["yaml", "json", "javascript", "jsLegacy", "node"];

export default function (eleventyConfig: UserConfig) {
  // Stories are plain Markdown: nothing an editor types is run as a template.
  eleventyConfig.setLibrary("md", createMarkdown());

  // Front matter is read as the story checks read it (YAML core: no timestamps, the schema reads
  // dates itself). Bad YAML yields no fields rather than a stack trace: the story's own read
  // reports it with its line. Every language Eleventy knows (`---js` would run code) gets the same reader.
  const frontMatterEngine = (text: string): object => {
    const parsed = parseFrontMatter(text);
    return parsed.ok ? parsed.frontMatter.fields : {};
  };
  const engines = Object.fromEntries(FRONT_MATTER_LANGUAGES.map((language) => [language, frontMatterEngine]));
  eleventyConfig.setFrontMatterParsingOptions({ engines });

  // Data files may be TypeScript, like the rest of the site code. Eleventy asks for a folder's
  // data file once per story in it; Node would import it once anyway, so the module is kept here
  // rather than looked up through the TypeScript loader for each of thousands of stories.
  const dataModules = new Map<string, Promise<unknown>>();
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: (file: string) => {
      let data = dataModules.get(file);
      if (data === undefined) {
        data = import(pathToFileURL(file).href).then((module: { default: unknown }) => module.default);
        dataModules.set(file, data);
      }
      return data;
    },
  });

  // The story schema reads `date` in its dateline's zone and reports a bad one with every other
  // problem; Eleventy's own UTC parse would otherwise stop the build at the first.
  eleventyConfig.addDateParsing((value: unknown) =>
    typeof value === "string" && !DateTime.fromISO(value, { zone: "utc" }).isValid ? new Date(0) : undefined,
  );

  // Every list page's stories, computed once. Never throws: the report of every story's problems
  // goes to whoever runs the build (scripts/build.ts stops on errors; the dev server shows them).
  eleventyConfig.addCollection("newsroom", async (collectionApi: { getAll(): CollectionItem[] }) => {
    const items = collectionApi.getAll();
    const { build, site } = items[0]?.data ?? {};
    if (!build || !site) throw new Error("the site and build data are missing (expected _data/site.ts and _data/build.ts)");
    const { stories, report } = collectArticles(items.flatMap((item) => (item.data.article ? [item.data.article] : [])), build);
    const newsroom = buildNewsroom(stories, site, build, report);
    await eleventyConfig.emit(STORY_REPORT_EVENT, newsroom.report);
    return newsroom;
  });

  // Templates link from the site root; pages get relative URLs so one build works anywhere, even from disk.
  const { htmlTransformer } = eleventyConfig as UserConfig & { htmlTransformer: HtmlTransformer };
  const basePath = new URL(site.url).pathname;
  htmlTransformer.addUrlTransform("html", function (url) {
    return pageLinkUrl(url, this.url, basePath);
  });

  // Stories read the processor from their data; each build starts it afresh and publishes the
  // photos of the pages it wrote (a draft's photo stays out, like its page).
  const photos = new PhotoProcessor(PHOTO_CACHE);
  eleventyConfig.addGlobalData("photos", () => photos);
  // Kept for the config's life, so the dev server's rebuilds reuse reads from memory too.
  const storyCache = new StoryCache(STORY_CACHE);
  eleventyConfig.addGlobalData("storyCache", () => storyCache);
  const urlClaims = new UrlClaims();
  eleventyConfig.addGlobalData("urlClaims", () => urlClaims);
  eleventyConfig.on("eleventy.before", () => {
    photos.startBuild();
    storyCache.startBuild();
    urlClaims.reset();
  });
  eleventyConfig.on("eleventy.after", async ({ directories, results }: BuildEnd) => {
    await photos.publish(directories.output, results.map((result) => result.inputPath));
    console.log(photos.summary());
    await storyCache.flush();
    console.log(storyCache.summary());
    const cacheWarning = storyCache.warning();
    if (cacheWarning) console.warn(cacheWarning);
  });

  // The stylesheet and icon go out under their contents' hash (the names pages link, from _data/assets.ts).
  eleventyConfig.addPassthroughCopy({
    [fileURLToPath(STYLESHEET_SOURCE)]: assets.stylesheet.slice(1),
    [fileURLToPath(FAVICON_SOURCE)]: assets.favicon.slice(1),
  });

  return {
    dir: { input: "src", includes: "../_includes", data: "../_data" },
    templateFormats: ["md", "njk"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
