/**
 * Synthetic stories for the search benchmark: words made of letters at English frequencies, drawn
 * with Zipf's law from a vocabulary of 60,000, so the index has the sizes and shard spread of a
 * real wire archive; from a fixed seed, so every run indexes the same stories.
 */
import type { ArticleView } from "../../src/lib/model/story-view.ts";
import { story } from "../../tests/support/story-views.ts";
import { random } from "./wire-stories.ts";

const LETTERS = "eeeeeeeeeeeetttttttttaaaaaaaaooooooooiiiiiiinnnnnnnsssssshhhhhhrrrrrrddddlllluuummmwwffggyyppbbvk";
const VOCABULARY = 60_000;

export interface SearchCorpus {
  stories: ArticleView[];
  /** A word found in only one story's body, and that story's URL. */
  rare: { word: string; url: string };
  /** Words of the vocabulary by rank, most common first. */
  words: string[];
}

export function searchCorpus(count: number): SearchCorpus {
  const next = random(2013);
  const words = Array.from({ length: VOCABULARY }, () => Array.from({ length: 3 + Math.floor(next() * 7) }, () => LETTERS[Math.floor(next() * LETTERS.length)]).join(""));
  // Zipf: the word of rank r is drawn with weight 1/r; the table of running sums is searched by halves.
  const sums: number[] = [];
  words.reduce((sum, _, rank) => (sums[rank] = sum + 1 / (rank + 1)), 0);
  const total = sums.at(-1)!;
  const word = (): string => {
    const target = next() * total;
    let low = 0;
    let high = sums.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sums[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return words[low]!;
  };
  const sentence = (length: number): string => Array.from({ length }, word).join(" ");
  const rare = "zyxwvutsrq";
  const stories = Array.from({ length: count }, (_, index) => {
    const day = `2013-${String(1 + (index % 12)).padStart(2, "0")}-${String(1 + (index % 28)).padStart(2, "0")}`;
    const paragraphs = Array.from({ length: 6 }, () => `${sentence(60)}.`);
    if (index === Math.floor(count / 2)) paragraphs.push(`The ${rare} appears here only.`);
    return story({ slug: `story-${index}`, date: day, headline: sentence(10), lead: sentence(25), body: paragraphs.join("\n\n"), tags: [word(), word()], photo: null });
  });
  return { stories, rare: { word: rare, url: stories[Math.floor(count / 2)]!.url }, words };
}
