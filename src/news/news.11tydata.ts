import { readArticle, type ArticleData, type ArticleResult } from "../lib/article.ts";
import { isShown } from "../lib/publishing.ts";
import { articlePermalink } from "../lib/urls.ts";

/** Every Markdown file under src/news/ is a story: read through the story contract, laid out as an article. */
export default {
  layout: "layouts/article.njk",
  eleventyComputed: {
    // A draft or embargoed story gets no page in a build; the dev server shows it, marked.
    permalink: (data: ArticleData & { article: ArticleResult }) =>
      data.article.valid && !isShown(data.article.state, data.build) ? false : articlePermalink(data.page.fileSlug),
    article: readArticle,
  },
};
