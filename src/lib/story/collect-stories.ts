import { basename, extname } from "node:path";
import { inTurns } from "../model/in-turns.ts";
import { formatProblem, sortProblems } from "../model/problems.ts";
import type { ProgressListener } from "../model/progress.ts";
import { isShown, type BuildSettings } from "../model/publishing.ts";
import type { StoryReport } from "../model/story-report.ts";
import type { ArticleView, WithdrawnView } from "../model/story-view.ts";
import { readArticle, type ArticleResult, type InvalidArticle, type ReadContext, type ValidArticle, type WithdrawnArticle } from "./article.ts";
import { findStoryFiles } from "./find-stories.ts";
import { collisionProblems } from "./collisions.ts";
import { translationProblems } from "./translations.ts";

/** A build's stories, sorted out: the ones it shows, newest first, the withdrawn ones, and the report of all it read. */
export interface CollectedStories {
  stories: ArticleView[];
  withdrawn: WithdrawnView[];
  report: StoryReport;
}

/**
 * The stories this build shows, newest first, the notices of withdrawn ones, and the report of
 * all it read: every problem of a story that would be published stops the build; a draft's
 * problems are only warnings.
 */
export function collectArticles(results: readonly ArticleResult[], build: BuildSettings): CollectedStories {
  const withdrawn = results.filter((result): result is WithdrawnArticle => result.valid && result.state === "withdrawn");
  // A story killed under embargo has its notice only from its date: before then its address, which names its headline, holds nothing.
  const noticeDue = (story: WithdrawnArticle) => story.noticeFrom === undefined || story.noticeFrom <= build.epochMs;
  const read = results.filter((result): result is ValidArticle => result.valid && result.state !== "withdrawn");
  const invalid = results.filter((result): result is InvalidArticle => !result.valid);
  const isDraft = (article: ValidArticle) => article.state === "draft";
  // A clash between a draft and a story that publishes is the draft's (see collisionProblems); a
  // withdrawn story's notice keeps its address, so it clashes like a published story.
  const publishing = [...read.filter((article) => !isDraft(article)), ...withdrawn];
  const clashes = collisionProblems(publishing);
  const clashKeys = new Set(clashes.map(formatProblem));
  const draftClashes = collisionProblems([...read, ...withdrawn]).filter((problem) => !clashKeys.has(formatProblem(problem)));
  // A draft's translation problems warn; any other story's stop the build, like its other problems.
  const translations = translationProblems(read, new Set(results.map((result) => result.stem)), new Map(withdrawn.map(({ stem, file }) => [stem, file])));
  // A translation of a withdrawn story is held as a draft is, its line a warning: the kill covers it too, and
  // the desk's other stories still go out (a build refused for it would leave the killed story itself live).
  const killedTranslations = new Set(translations.filter(({ code }) => code === "WD164").map(({ file }) => file));
  const articles = read.map((article) => (killedTranslations.has(article.file) ? { ...article, state: "draft" as const } : article));
  const drafts = new Set(articles.filter(isDraft).map(({ file }) => file));
  const withheld = articles.filter((article) => article.state !== "published");
  const [next] = withheld.filter((article) => article.state === "embargoed").sort((a, b) => a.published.epochMs - b.published.epochMs);
  return {
    stories: articles
      .filter((article) => isShown(article.state, build))
      .sort((a, b) => b.published.epochMs - a.published.epochMs || a.url.localeCompare(b.url)),
    withdrawn: withdrawn.filter(noticeDue).sort((a, b) => a.url.localeCompare(b.url)),
    report: {
      errors: sortProblems([...invalid.flatMap((result) => (result.draft ? [] : result.problems)), ...clashes, ...translations.filter(({ file }) => !drafts.has(file))]),
      warnings: sortProblems([...invalid.flatMap((result) => (result.draft ? result.problems : [])), ...draftClashes, ...translations.filter(({ file }) => drafts.has(file))]),
      notices: sortProblems(articles.filter((article) => !isDraft(article)).flatMap((article) => article.notices)),
      withheld: [
        ...withheld.map(({ file, url, state }) => ({ file, url, state: state === "draft" ? ("draft" as const) : ("embargoed" as const) })),
        // One whose notice is not due yet is held as an embargoed story is: nothing may name its address.
        ...withdrawn.map((story) => (noticeDue(story) ? { file: story.file, url: story.url, state: "withdrawn" as const } : { file: story.file, url: story.url, state: "embargoed" as const })),
      ],
      nextEmbargo: next && { file: next.file, at: next.published.iso },
    },
  };
}

/** Stories read at once: enough to keep a photo check on each core, few enough that thousands of new photos are not all in memory together. */
const READS_AT_ONCE = 8;

/**
 * Reads every story under `newsDir` (see findStoryFiles), in order, saying how many are read; a
 * file saved under another Markdown name is a problem of its own. Never throws for a story's problems.
 */
export async function readStories(newsDir: string, inputDir: string, context: ReadContext, onProgress?: ProgressListener): Promise<ArticleResult[]> {
  const { stories, misnamed, strayData } = findStoryFiles(newsDir, inputDir);
  let read = 0;
  onProgress?.(read, stories.length);
  const results = await inTurns(stories, READS_AT_ONCE, async (location) => {
    const result = await readArticle(location, context);
    onProgress?.((read += 1), stories.length);
    return result;
  });
  return [...results, ...misnamed.map(misnamedStory), ...strayData.map(strayDataFile)];
}

/** A data file no story reads: its fields (a byline, topics, a correction) would reach no page, unseen. */
function strayDataFile({ file, storyWrittenOtherwise }: { file: string; storyWrittenOtherwise?: string }): InvalidArticle {
  const story = basename(file).replace(/\.11tydata\.[a-z]+$/, ".md");
  const message = !file.endsWith(".json")
    ? `a data file in code (${extname(file)}), which the build never runs: its fields reach no page (expected the fields in the story, or in a JSON data file named as the story: ${story.replace(/\.md$/, ".11tydata.json")})`
    : storyWrittenOtherwise !== undefined
      ? `named as the story ${storyWrittenOtherwise} is, but with its accents written another way (as some Macs write them), so no story reads it (expected the story's name typed again: rename it ${storyWrittenOtherwise.replace(/\.md$/, ".11tydata.json")})`
      : `a data file beside no story: its fields reach no page (expected a story ${story} beside it: move the data file with its story and rename it as the story is named, or write its fields into the story)`;
  return { valid: false, file, stem: "", draft: false, problems: [{ file, line: 1, field: "file", code: "WD129", message }] };
}

/** A file saved under another Markdown name: never a story, so never published; the editor is told what to rename it. */
function misnamedStory(file: string): InvalidArticle {
  const extension = extname(file);
  const renamed = `${basename(file, extension)}.md`;
  return {
    valid: false,
    file,
    // No story's stem: a translation naming it is told it names no story.
    stem: "",
    draft: false,
    problems: [{ file, line: 1, field: "file", code: "WD128", message: `named "${extension}", so it is no story and gets no page (expected a story file's name to end in .md: rename it ${renamed})` }],
  };
}
