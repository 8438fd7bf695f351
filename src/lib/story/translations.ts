import type { Problem, ProblemCode } from "../model/problems.ts";
import type { ArticleView } from "../model/story-view.ts";
import { translationRoots } from "../model/translations.ts";

const EXPECTED_PATH = "the original story's file under src/news/, e.g. moscow-denuclearization-talks/index.md";

type Translated = Pick<ArticleView, "stem" | "file" | "edition" | "translationOf" | "published">;

/**
 * What is wrong with stories' `translationOf`: naming no story (`stems` are every story read), a
 * story the agency or the desk withdrew (`withdrawn`, by stem), a story of the same edition, or a
 * story that already has a translation into this edition. Of two translations into one edition,
 * the later by its date is the one reported, naming the earlier, which readers may have read
 * already (file order parts two of the same moment).
 */
export function translationProblems(stories: readonly Translated[], stems: ReadonlySet<string>, withdrawn: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  const byStem = new Map(stories.map((story) => [story.stem, story]));
  const report = (story: Translated, line: number, code: ProblemCode, message: string) => problems.push({ file: story.file, line, field: "translationOf", code, message });
  const sorted = [...stories].sort((a, b) => a.file.localeCompare(b.file));
  /** The withdrawn story a translation comes from, however many translations lie between. */
  const withdrawnOriginal = (story: Translated): string | undefined => {
    const seen = new Set<string>();
    for (let at: Translated | undefined = story; at?.translationOf && !seen.has(at.stem); at = byStem.get(at.translationOf.stem)) {
      seen.add(at.stem);
      const killed = withdrawn.get(at.translationOf.stem);
      if (killed !== undefined) return killed;
    }
    return undefined;
  };
  for (const story of sorted) {
    const link = story.translationOf;
    if (!link) continue;
    const original = byStem.get(link.stem);
    const killed = withdrawnOriginal(story);
    if (!stems.has(link.stem)) report(story, link.line, "WD152", `names "${link.path}", which is not a story (expected ${EXPECTED_PATH})`);
    else if (killed !== undefined) {
      // A kill covers the story in every language: its translation would go on printing what was withdrawn.
      report(story, link.line, "WD164", `translates ${killed}, which was withdrawn, so it is kept off the site as a draft is (expected this translation withdrawn too: its fields replaced by withdrawn, date, dateline and source, as the original's are)`);
    }
    else if (original && original.edition === story.edition) {
      report(story, link.line, "WD153", `names ${original.file}, a story of this story's own edition (${story.edition}) (expected a story of another edition: a translation is in another language)`);
    }
  }
  const roots = translationRoots(sorted);
  // Stories that name each other as their originals: neither is, and neither page would link the other.
  const inLoop = (story: Translated): boolean => {
    const seen = new Set<string>();
    for (let at: Translated | undefined = story; at?.translationOf; at = byStem.get(at.translationOf.stem)) {
      if (seen.has(at.stem)) return at.stem === story.stem;
      seen.add(at.stem);
    }
    return false;
  };
  const loops = sorted.filter(inLoop);
  for (const story of loops) {
    if (!story.translationOf) continue;
    report(story, story.translationOf.line, "WD163", `names ${byStem.get(story.translationOf.stem)?.file ?? story.translationOf.path}, which names this story back as its original (expected translationOf in the translation only: remove it from the original)`);
  }
  // Nearest the original first, so a translation of a translation is the one told it repeats an edition;
  // then the earliest, so the one a desk adds beside a published translation is told, not the published one.
  const depth = (story: Translated): number => {
    let hops = 0;
    for (let at: Translated | undefined = story; at?.translationOf && hops <= stories.length; at = byStem.get(at.translationOf.stem)) hops += 1;
    return hops;
  };
  const byDepth = [...sorted].sort((a, b) => depth(a) - depth(b) || a.published.epochMs - b.published.epochMs || a.file.localeCompare(b.file));
  const taken = new Map<string, Translated>();
  for (const story of byDepth) {
    if (loops.includes(story)) continue;
    const root = roots.get(story)!;
    const original = byStem.get(root);
    // A translation back into the original's own edition: that edition has its story already.
    if (story.translationOf && story.stem !== root && original?.edition === story.edition && byStem.get(story.translationOf.stem)?.edition !== story.edition) {
      report(story, story.translationOf.line, "WD154", `translates ${original.file} back into ${story.edition}, its own edition, through ${story.translationOf.path} (expected one translation of a story into each other edition)`);
      continue;
    }
    const key = `${root}\n${story.edition}`;
    const first = taken.get(key);
    // Only a translation can be the second: an original is first in its own edition.
    if (first && story.translationOf && first.edition !== original?.edition) {
      report(story, story.translationOf.line, "WD154", `translates ${original?.file ?? story.translationOf.path} into ${story.edition}, as ${first.file} does (expected one translation of a story into each edition)`);
    } else if (!first) taken.set(key, story);
  }
  return problems;
}
