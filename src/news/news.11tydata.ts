import { types } from "node:util";
import { readArticle, type ArticleData, type ArticleResult } from "../lib/article.ts";
import { articlePermalink } from "../lib/urls.ts";

/**
 * Eleventy calls a computed function twice per page: first with a Proxy of the data, to learn
 * which other computed keys it reads, then for real. Reading a story (its date, zone and photo)
 * is most of the build's own work, and it reads no computed key (page.url, permalink) and no
 * collection, so the first call is answered at once. A story that read one would need that call.
 */
function readArticleOnce(data: ArticleData): ArticleResult | undefined {
  return types.isProxy(data) ? undefined : readArticle(data);
}

/** Every Markdown file under src/news/ is a story: read through the story contract, laid out as an article. */
export default {
  layout: "layouts/article.njk",
  eleventyComputed: {
    permalink: (data: ArticleData) => articlePermalink(data.page.fileSlug),
    article: readArticleOnce,
  },
};
