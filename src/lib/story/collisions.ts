import type { ArticleView } from "../model/story-view.ts";
import type { Problem } from "../model/problems.ts";

/** What a story takes in the built site: its address, and the image files it publishes (a withdrawn story's notice shows none). */
export type AddressClaim = Pick<ArticleView, "url" | "file"> & { state: ArticleView["state"] | "withdrawn"; images?: ArticleView["images"] };

/**
 * Two stories that would publish to one URL, or show one image file: a renamed copy left behind,
 * a date prefix added to a slug that exists, two names the slug rule makes one ("Café Müller
 * reopens.md" and "cafe-muller-reopens.md"), a photo saved over another story's. Each later story
 * is reported with the first one's file. Addresses are all lower case (addressSlug), so no
 * case-blind file system or host merges two that differ here.
 */
export function collisionProblems(articles: readonly AddressClaim[]): Problem[] {
  const problems: Problem[] = [];
  const pageOwners = new Map<string, AddressClaim>();
  const imageOwners = new Map<string, AddressClaim>();
  // Drafts come last, so a clash between a draft and a story that publishes is reported on the draft.
  const order = (article: AddressClaim) => (article.state === "draft" ? 1 : 0);
  for (const article of [...articles].sort((a, b) => order(a) - order(b) || a.file.localeCompare(b.file))) {
    const first = pageOwners.get(article.url);
    if (first) {
      problems.push({
        file: article.file,
        line: 1,
        field: "url",
        code: "WD150",
        message: `publishes to ${article.url.slice(1)}, as ${first.file} does: both names make that address on that day (expected one story per address: rename one of the two files)`,
      });
    } else pageOwners.set(article.url, article);

    for (const image of new Map((article.images ?? []).map((found) => [found.path, found])).values()) {
      const owner = imageOwners.get(image.path);
      if (owner && owner !== article) {
        problems.push({
          file: image.file,
          line: image.line,
          field: image.field,
          code: "WD151",
          message: `${image.path} is also shown by ${owner.file} (expected an image of this story's own: give each story its folder)`,
        });
      } else imageOwners.set(image.path, article);
    }
  }
  return problems;
}
