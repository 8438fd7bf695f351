/**
 * Whether an item is a version of a story on file, or another story under the same agency id (a
 * sequence number an agency or a feed tool used again). An agency's real update keeps its
 * headline or most of its text, so a version is the same story when either stays:
 * - the headlines share at least HEADLINE_SHARE of their words (of the longer headline), or
 * - the shorter body has at least BODY_SHARE of its word pairs in the other body.
 * Words are compared in lower case, punctuation and Markdown left out. Two stories on one
 * subject share words ("central", "bank") far more often than pairs of words in a row.
 */
const HEADLINE_SHARE = 0.6;
const BODY_SHARE = 0.5;

/** What a version says, as compared: its headline and its body's Markdown. */
export interface StoryWords {
  headline: string;
  body: string;
}

const wordsOf = (text: string): string[] => text.normalize("NFKC").toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

const pairsOf = (words: readonly string[]): Set<string> => new Set(words.slice(1).map((word, index) => `${words[index]} ${word}`));

/** How many of `a`'s members `b` holds, over the size of the larger (`of: "larger"`) or the smaller set. */
function share(a: ReadonlySet<string>, b: ReadonlySet<string>, of: "larger" | "smaller"): number {
  const size = of === "larger" ? Math.max(a.size, b.size) : Math.min(a.size, b.size);
  if (size === 0) return 0;
  let common = 0;
  for (const member of a) if (b.has(member)) common++;
  return common / size;
}

export function isSameStory(a: StoryWords, b: StoryWords): boolean {
  return (
    share(new Set(wordsOf(a.headline)), new Set(wordsOf(b.headline)), "larger") >= HEADLINE_SHARE ||
    share(pairsOf(wordsOf(a.body)), pairsOf(wordsOf(b.body)), "smaller") >= BODY_SHARE
  );
}
