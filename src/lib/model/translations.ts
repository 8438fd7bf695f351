/**
 * Translations: a story names the story it translates (`translationOf`), and the two, with every
 * other translation of the same original, are one story in several editions.
 */

/** What grouping translations needs of a story: its path stem, and the stem of the story it translates. */
export interface TranslationLink {
  stem: string;
  translationOf?: { stem: string };
}

/** A story in one edition: where a reader of another finds it. */
export interface StoryVersion {
  /** The edition's language tag (hreflang). */
  lang: string;
  url: string;
  /** The version every other points search engines to when no language fits (x-default): the default edition's, else the original. */
  isDefault: boolean;
  /** The story the others translate. */
  isOriginal: boolean;
}

/**
 * Each story's original: the story its chain of `translationOf` ends at (a translation of a
 * translation belongs with the first original), itself for a story that translates none. A chain
 * that loops or leaves the given stories ends where it does.
 */
export function translationRoots<T extends TranslationLink>(stories: readonly T[]): Map<T, string> {
  const byStem = new Map(stories.map((story) => [story.stem, story]));
  return new Map(
    stories.map((story) => {
      const seen = new Set<string>();
      let at: T = story;
      while (at.translationOf && !seen.has(at.stem)) {
        seen.add(at.stem);
        const next = byStem.get(at.translationOf.stem);
        if (!next) break;
        at = next;
      }
      return [story, at.stem];
    }),
  );
}
