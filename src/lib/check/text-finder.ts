/**
 * Finds which of many texts occur in a file, in one pass over its bytes whatever their number:
 * searching for each text in turn costs the texts times the bytes, and a desk holds hundreds of
 * drafts whose addresses every file of the site is searched for (address-finder.ts).
 *
 * Rabin-Karp: every window of the shortest text's length is hashed as the pass moves, and only a
 * window whose hash is some text's start is compared with those texts. A bit set of the starts'
 * hashes answers most windows without a map lookup.
 */
const BASE = 257;
const FILTER_BITS = 1 << 20;

export class TextFinder {
  readonly #texts: readonly Buffer[];
  readonly #window: number;
  /** BASE to the power window - 1, mod 2^32: what the byte leaving the window weighed. */
  readonly #leaving: number;
  readonly #starts = new Map<number, number[]>();
  readonly #filter = new Uint32Array(FILTER_BITS / 32);

  /** `texts` to look for; an empty one is never found. */
  constructor(texts: readonly Buffer[]) {
    this.#texts = texts;
    const lengths = texts.map((text) => text.length).filter((length) => length > 0);
    this.#window = lengths.length === 0 ? 0 : Math.min(...lengths);
    let leaving = 1;
    for (let i = 1; i < this.#window; i += 1) leaving = Math.imul(leaving, BASE);
    this.#leaving = leaving;
    texts.forEach((text, index) => {
      if (text.length === 0) return;
      const hash = hashOf(text, this.#window);
      const list = this.#starts.get(hash);
      if (list) list.push(index);
      else this.#starts.set(hash, [index]);
      this.#filter[(hash & (FILTER_BITS - 1)) >>> 5]! |= 1 << (hash & 31);
    });
  }

  /** The indexes (in the texts given) of the texts `contents` holds, in ascending order. */
  foundIn(contents: Buffer): number[] {
    const window = this.#window;
    const found = new Set<number>();
    if (window === 0 || contents.length < window) return [];
    let hash = hashOf(contents, window);
    for (let at = 0; ; at += 1) {
      if ((this.#filter[(hash & (FILTER_BITS - 1)) >>> 5]! & (1 << (hash & 31))) !== 0) {
        for (const index of this.#starts.get(hash) ?? []) {
          if (found.has(index)) continue;
          const text = this.#texts[index]!;
          if (at + text.length <= contents.length && contents.compare(text, 0, text.length, at, at + text.length) === 0) found.add(index);
        }
      }
      if (at + window >= contents.length) break;
      hash = (Math.imul(hash - Math.imul(contents[at]!, this.#leaving), BASE) + contents[at + window]!) | 0;
    }
    return [...found].sort((a, b) => a - b);
  }
}

/** The hash of the first `length` bytes of `bytes`, as the pass computes it. */
function hashOf(bytes: Buffer, length: number): number {
  let hash = 0;
  for (let i = 0; i < length; i += 1) hash = (Math.imul(hash, BASE) + bytes[i]!) | 0;
  return hash;
}
