import { formatProblem, sortProblems } from "../model/problems.ts";
import { isShown, type BuildSettings } from "../model/publishing.ts";
import type { StoryReport } from "../model/story-report.ts";
import type { ArticleView } from "../model/story-view.ts";
import { readArticle, type ArticleResult, type InvalidArticle, type ReadContext } from "./article.ts";
import { findStories } from "./find-stories.ts";
import { collisionProblems } from "./collisions.ts";

type ValidArticle = ArticleResult & { valid: true };

/**
 * The stories this build shows, newest first, and the report of all it read: every problem of a
 * story that would be published stops the build; a draft's problems are only warnings.
 */
export function collectArticles(results: readonly ArticleResult[], build: BuildSettings): { stories: ArticleView[]; report: StoryReport } {
  const articles = results.filter((result): result is ValidArticle => result.valid);
  const invalid = results.filter((result): result is InvalidArticle => !result.valid);
  const isDraft = (article: ValidArticle) => article.state === "draft";
  // A clash between a draft and a story that publishes is the draft's (see collisionProblems).
  const clashes = collisionProblems(articles.filter((article) => !isDraft(article)));
  const clashKeys = new Set(clashes.map(formatProblem));
  const draftClashes = collisionProblems(articles).filter((problem) => !clashKeys.has(formatProblem(problem)));
  const withheld = articles.filter((article) => article.state !== "published");
  const [next] = withheld.filter((article) => article.state === "embargoed").sort((a, b) => a.published.epochMs - b.published.epochMs);
  return {
    stories: articles
      .filter((article) => isShown(article.state, build))
      .sort((a, b) => b.published.epochMs - a.published.epochMs || a.url.localeCompare(b.url)),
    report: {
      errors: sortProblems([...invalid.flatMap((result) => (result.draft ? [] : result.problems)), ...clashes]),
      warnings: sortProblems([...invalid.flatMap((result) => (result.draft ? result.problems : [])), ...draftClashes]),
      withheld: withheld.map(({ file, url, headline, state }) => ({ file, url, headline, state: state === "draft" ? "draft" : "embargoed" })),
      nextEmbargo: next && { file: next.file, at: next.published.iso },
    },
  };
}

/** Stories read at once: enough to keep a photo check on each core, few enough that thousands of new photos are not all in memory together. */
const READS_AT_ONCE = 8;

/** Reads every story under `newsDir` (see findStories), in order; never throws for a story's problems. */
export async function readStories(newsDir: string, inputDir: string, context: ReadContext): Promise<ArticleResult[]> {
  const locations = findStories(newsDir, inputDir);
  const results: ArticleResult[] = [];
  let next = 0;
  const reader = async (): Promise<void> => {
    for (let index = next++; index < locations.length; index = next++) results[index] = await readArticle(locations[index]!, context);
  };
  await Promise.all(Array.from({ length: READS_AT_ONCE }, reader));
  return results;
}
