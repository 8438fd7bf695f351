/**
 * What a build tells whoever ran it, in order: the settings' problems, the caches, the stories'
 * problems, the check's, then the site's size against its host's limits and, with a media host,
 * what the media folder holds for it.
 */
import { formatReport, type Report } from "../check/site-problems.ts";
import { formatProblem } from "../model/problems.ts";
import { steppedProgress, type ProgressOptions } from "../model/progress.ts";
import { formatNextEmbargo, formatStoryProblems, type WithheldStory } from "../model/story-report.ts";
import { relativeUrl } from "../model/urls.ts";
import { storyFileLinks, type BodyLink } from "../story/body-links.ts";
import type { BuildProgress, BuildResult, CountedStage } from "./build.ts";

export interface LogLine {
  text: string;
  /** Problems and warnings go to standard error; the rest to standard output. */
  problem: boolean;
}

export function buildLog({ ok, settingProblems, pages, report }: BuildResult): LogLine[] {
  const { stories, check, size, media } = report;
  const embargo = stories && ok ? formatNextEmbargo(stories) : undefined;
  return [
    ...settingProblems.map((problem) => ({ text: formatProblem(problem), problem: true })),
    // Refused settings stop the build before any cache is used: the caches have nothing to say.
    ...(settingProblems.length > 0 ? [] : report.caches).map((text) => ({ text, problem: false })),
    ...(stories ? formatStoryProblems(stories) : []).map((text) => ({ text, problem: true })),
    ...(check && check.problems.length > 0 ? formatReport(withLinkers(withStoryFiles(check, pages, report.sources), stories?.withheld ?? [])) : []).map((text) => ({ text, problem: true })),
    ...(size ? [{ text: size.line, problem: false }, ...[...size.warnings, ...size.errors].map((problem) => ({ text: formatProblem(problem), problem: true }))] : []),
    ...(media ? [{ text: mediaLine(media), problem: false }] : []),
    ...(embargo ? [{ text: `build: ${embargo}`, problem: false }] : []),
  ];
}

/**
 * The check's problems, each on a story's page naming the story file it is made from: a broken
 * link typed into a story is found in the built page, but the editor fixes it in the story. A link
 * the story's text makes is told at its line in the story file, as typed, and where the page has it.
 */
function withStoryFiles(check: Report, pages: BuildResult["pages"], sources: Readonly<Record<string, string>>): Report {
  const storyOf = new Map(pages.flatMap(({ file, url }) => (sources[url] === undefined ? [] : [[file, { story: sources[url], url }]])));
  const links = new Map<string, BodyLink[] | undefined>();
  const linksOf = (story: string) => (links.has(story) ? links.get(story) : links.set(story, storyFileLinks(story)).get(story));
  // The same address linked twice is told at each of its lines in turn, as the page's problems come in its order.
  const told = new Map<string, number>();
  const typedLink = (story: string, url: string, quoted: string): BodyLink | undefined => {
    const candidates = linksOf(story)?.filter(({ href }) => relativeUrl(href, url) === quoted) ?? [];
    const turn = told.get(`${url}\0${quoted}`) ?? 0;
    told.set(`${url}\0${quoted}`, turn + 1);
    return candidates[Math.min(turn, candidates.length - 1)];
  };
  return {
    ...check,
    problems: check.problems.map((problem) => {
      const page = storyOf.get(problem.file);
      if (page === undefined) return problem;
      const quoted = problem.field === "link" ? /^"([^"]*)"/.exec(problem.message) : null;
      const typed = quoted === null ? undefined : typedLink(page.story, page.url, quoted[1] ?? "");
      if (quoted === null || typed === undefined) return { ...problem, message: `${problem.message}; made from ${page.story}` };
      const onPage = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(":");
      const { column: _column, ...located } = problem;
      return { ...located, file: page.story, line: typed.line, message: `"${typed.href}"${problem.message.slice(quoted[0].length)}; on its page at ${onPage}` };
    }),
  };
}

/**
 * A withheld story's address in a file (a feed, the search index) is there because a published
 * story's text links it, which the check tells as a broken link: each such line names that link,
 * so the feeds' lines read as what they are, not as a leak of their own.
 */
function withLinkers(check: Report, withheld: readonly WithheldStory[]): Report {
  const pathOf = new Map(withheld.map(({ file, url }) => [file, url.slice(1)]));
  const links = check.problems.filter(({ code }) => code === "WD404");
  return {
    ...check,
    problems: check.problems.map((problem) => {
      const path = problem.code === "WD415" ? pathOf.get(/^shows (.+?), which is /.exec(problem.message)?.[1] ?? "") : undefined;
      const linkers = path === undefined ? [] : links.filter(({ message }) => message.includes(` names ${path}, `));
      if (linkers.length === 0) return problem;
      return { ...problem, message: `${problem.message}; its address is there as the text links it at ${linkers.map(({ file, line }) => (line === undefined ? file : `${file}:${line}`)).join(", ")}` };
    }),
  };
}

/** The media folder's line: the photos are not in the site, and the deploy must upload the new ones before the pages. */
function mediaLine({ url, folder, files, added }: NonNullable<BuildResult["report"]["media"]>): string {
  return `media: ${count(files, "file")} in ${folder}/ for ${url}, ${added.toLocaleString("en-US")} new this build (npm run upload:media sends what the bucket lacks, before the pages deploy)`;
}

const count = (value: number, unit: string): string => `${value.toLocaleString("en-US")} ${unit}${value === 1 ? "" : "s"}`;

/** What each counted stage's progress line says it counts. */
const STAGE_COUNTS: Record<CountedStage, { what: string; unit: string }> = {
  stories: { what: "stories read", unit: "stories" },
  render: { what: "pages rendered", unit: "pages" },
  photos: { what: "photos converted", unit: "photos" },
  check: { what: "pages checked", unit: "pages" },
};

/** The build's progress, each counted stage in turn (see src/lib/model/progress.ts), its lines starting with `label`. */
export function buildProgress(output: Pick<ProgressOptions, "terminal" | "write" | "now">, label = "build"): { onProgress: BuildProgress; finish: () => void } {
  return steppedProgress(label, STAGE_COUNTS, output);
}
