import { readArticle, type ArticleData, type ArticleResult } from "../lib/article.ts";
import { isShown } from "../lib/publishing.ts";
import type { SiteSettings } from "../lib/site.ts";
import { articleJsonLd, articleMetadata, serializeJsonLd } from "../lib/structured-data.ts";
import { articlePermalink } from "../lib/urls.ts";

type StoryPageData = ArticleData & { article: ArticleResult; site: SiteSettings };

/** Every Markdown file under src/news/ is a story: read through the story contract, laid out as an article. */
export default {
  layout: "layouts/article.njk",
  eleventyComputed: {
    // A draft or embargoed story gets no page in a build; the dev server shows it, marked.
    permalink: (data: StoryPageData) =>
      data.article.valid && !isShown(data.article.state, data.build) ? false : articlePermalink(data.page.fileSlug),
    article: readArticle,
    // The head's canonical URL, Open Graph and Twitter tags, and JSON-LD, for search engines and link previews.
    metadata: ({ article, site }: StoryPageData) => (article.valid ? articleMetadata(article, site) : undefined),
    structuredData: ({ article, site }: StoryPageData) => (article.valid ? serializeJsonLd(articleJsonLd(article, site)) : undefined),
  },
};
