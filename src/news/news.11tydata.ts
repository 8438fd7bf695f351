import { types } from "node:util";
import { readArticle, type ArticleData, type ArticleResult } from "../lib/story/article.ts";
import { isShown } from "../lib/model/publishing.ts";
import type { SiteSettings } from "../lib/model/site.ts";
import type { UrlClaims } from "../lib/eleventy/url-claims.ts";
import { articleJsonLd, articleMetadata, serializeJsonLd } from "../lib/outputs/structured-data.ts";

type StoryPageData = ArticleData & { article?: ArticleResult; site: SiteSettings; urlClaims: UrlClaims };

/**
 * Eleventy calls a computed function twice per page: first with a Proxy of the data, to learn
 * which other computed keys it reads, then for real. Reading a story (its file, date, zone and
 * photo) is most of the build's own work, and it reads no computed key (page.url, permalink) and
 * no collection, so the first call is answered at once. A story that read one would need that call.
 */
function readArticleOnce(data: ArticleData): Promise<ArticleResult> | undefined {
  return types.isProxy(data) ? undefined : readArticle(data);
}

/** Every Markdown file under src/news/ is a story: read through the story contract, laid out as an article. */
export default {
  layout: "layouts/article.njk",
  eleventyComputed: {
    // A story with problems gets no page (the build, or the dev server's banner, reports them), nor
    // does the second story on one URL; a draft or embargoed story gets none in a build, and the
    // dev server shows it, marked.
    permalink: ({ article, build, urlClaims }: StoryPageData) =>
      article?.valid && isShown(article.state, build) && urlClaims.claim(article.url, article.file) ? article.url.slice(1) : false,
    article: readArticleOnce,
    // The head's canonical URL, Open Graph and Twitter tags, and JSON-LD, for search engines and link previews.
    metadata: ({ article, site }: StoryPageData) => (article?.valid ? articleMetadata(article, site) : undefined),
    structuredData: ({ article, site }: StoryPageData) =>
      article?.valid ? serializeJsonLd(articleJsonLd(article, site)) : undefined,
  },
};
