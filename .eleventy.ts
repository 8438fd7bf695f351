import { pathToFileURL } from "node:url";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { collectArticles, type ArticleResult } from "./src/lib/article.ts";
import { createMarkdown } from "./src/lib/markdown.ts";
import { PHOTO_EXTENSIONS, relativeUrl } from "./src/lib/urls.ts";

interface CollectionItem {
  data: { article?: ArticleResult };
}

// Eleventy's default config adds this; its published types do not declare it.
interface HtmlTransformer {
  addUrlTransform(extensions: string, transform: (this: { url: string }, url: string) => string): void;
}

export default function (eleventyConfig: UserConfig) {
  // Stories are plain Markdown: nothing an editor types is run as a template.
  eleventyConfig.setLibrary("md", createMarkdown());

  // YAML's own timestamps would turn "2013-09-02" into midnight UTC; the story schema reads dates itself.
  eleventyConfig.setFrontMatterParsingOptions({
    engines: { yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object },
  });

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

  // Throws one error listing every bad story, before any page is written.
  eleventyConfig.addCollection("articles", (collectionApi: { getAll(): CollectionItem[] }) =>
    collectArticles(collectionApi.getAll().flatMap((item) => (item.data.article ? [item.data.article] : []))),
  );

  // Templates link from the site root; pages get relative URLs so one build works anywhere, even from disk.
  const { htmlTransformer } = eleventyConfig as UserConfig & { htmlTransformer: HtmlTransformer };
  htmlTransformer.addUrlTransform("html", function (url) {
    return relativeUrl(url, this.url);
  });

  eleventyConfig.addPassthroughCopy("src/assets");
  eleventyConfig.addPassthroughCopy(`src/news/**/*.{${PHOTO_EXTENSIONS.join(",")}}`);

  return {
    dir: { input: "src", includes: "../_includes", data: "../_data" },
    templateFormats: ["md", "njk"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
