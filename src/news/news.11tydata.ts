import { readArticle, type ArticleData } from "../lib/article.ts";
import { articlePermalink } from "../lib/urls.ts";

/** Every Markdown file under src/news/ is a story: read through the story contract, laid out as an article. */
export default {
  layout: "layouts/article.njk",
  eleventyComputed: {
    permalink: (data: ArticleData) => articlePermalink(data.page.fileSlug),
    article: readArticle,
  },
};
