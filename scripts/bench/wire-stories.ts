/**
 * Synthetic wire stories for the benchmark: the lengths, fields and photo share of a wire
 * service's day, from a fixed seed so every run builds the same corpus.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { addressSlug } from "../../src/lib/model/urls.ts";

const PLACES = ["MOSCOW", "WASHINGTON", "NEW YORK", "UNITED NATIONS", "LONDON", "PARIS", "BRUSSELS", "GENEVA", "BEIJING", "SEOUL", "TOKYO", "KYIV"];
const SOURCES = ["AP", "Reuters", "AFP", "Itar-Tass", "Xinhua", "dpa"];
const TOPICS = ["Diplomacy", "Economy", "Markets", "Energy", "Elections", "Security", "Health", "Climate", "Courts", "Technology", "Sport", "Culture", "Trade", "Migration", "Transport"];
const WORDS = (
  "the minister said talks would resume next week after officials from both sides met in the capital " +
  "on monday to discuss a draft agreement that negotiators described as a step forward while analysts " +
  "warned that markets remained cautious and prices rose sharply amid concern over supplies parliament " +
  "voted late on tuesday to approve the budget despite protests outside the building where police said " +
  "several thousand people had gathered the company reported higher quarterly profits and announced plans " +
  "to expand its operations in the region according to a statement released by its press office"
).split(" ");

/** Every fifth story comes with a photo. */
export const PHOTO_EVERY = 5;
/** Stories filed per day: a wire service's output, so 10,000 stories span about a month. */
const STORIES_PER_DAY = 300;

/** A small deterministic generator (mulberry32), so the corpus is the same on every run. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sentence of `min` to `max` (exclusive) wire words, capitalised, ending with a full stop. */
export function wireSentence(next: () => number, min: number, max: number): string {
  const words = Array.from({ length: min + Math.floor(next() * (max - min)) }, () => WORDS[Math.floor(next() * WORDS.length)] ?? "");
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The photo's size: an agency's usual 1600 x 1067. */
const PHOTO_SIZE = { width: 1600, height: 1067 };

/**
 * Fine grain shared by every photo, from the fixed seed: sensor noise is what makes real photos
 * costly to encode, and a flat test image would hide that cost.
 */
function grain(): Buffer {
  const next = random(1600);
  const pixels = Buffer.alloc(PHOTO_SIZE.width * PHOTO_SIZE.height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = 96 + Math.floor(next() * 64);
  return pixels;
}

/**
 * A photo-like JPEG of its own for story `n`: broad shapes (a small random picture enlarged)
 * under the shared grain, so every story's photo is a different file, as at a wire desk.
 */
async function makePhoto(n: number, grainPixels: Buffer): Promise<{ name: string; bytes: Buffer }> {
  const next = random(n + 1);
  const small = Buffer.from(Array.from({ length: 16 * 11 * 3 }, () => Math.floor(next() * 256)));
  const shapes = await sharp(small, { raw: { width: 16, height: 11, channels: 3 } })
    .resize(PHOTO_SIZE.width, PHOTO_SIZE.height, { kernel: "cubic" })
    .raw()
    .toBuffer();
  const bytes = await sharp(shapes, { raw: { ...PHOTO_SIZE, channels: 3 } })
    .composite([{ input: grainPixels, raw: { ...PHOTO_SIZE, channels: 3 }, blend: "overlay" }])
    .jpeg({ quality: 88 })
    .toBuffer();
  return { name: "photo.jpg", bytes };
}

/** Writes `count` stories into `newsDir`, 300 a day from 2013-09-02, every `photoEvery`th (by default every fifth) with a photo of its own. */
export async function writeWireStories(newsDir: string, count: number, photoEvery = PHOTO_EVERY): Promise<void> {
  const next = random(count);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const sentence = (min: number, max: number): string => wireSentence(next, min, max);
  const grainPixels = grain();
  for (let n = 0; n < count; n += 1) {
    const day = new Date(Date.UTC(2013, 8, 2) + Math.floor(n / STORIES_PER_DAY) * 86_400_000).toISOString().slice(0, 10);
    const time = `${String(6 + Math.floor(next() * 16)).padStart(2, "0")}:${String(Math.floor(next() * 60)).padStart(2, "0")}`;
    const slug = `${day}-${addressSlug(sentence(3, 6))}-${n}`;
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(TOPICS)))];
    const withPhoto = n % photoEvery === 0;
    const front = [
      `title: ${JSON.stringify(sentence(6, 14).slice(0, -1))}`,
      `lead: ${JSON.stringify(sentence(15, 30))}`,
      `date: ${day}T${time}`,
      `dateline: ${pick(PLACES)}`,
      `source: ${pick(SOURCES)}`,
      `tags: ${JSON.stringify(tags)}`,
      ...(withPhoto ? ["photo:", "  src: photo.jpg", "  alt: Soft shapes and grain standing in for an agency photo", `  credit: Photo ${pick(SOURCES)}`] : []),
    ];
    // Wire copy: 5 to 12 paragraphs of 2 to 4 sentences, about 300 to 800 words.
    const paragraphs = Array.from({ length: 5 + Math.floor(next() * 8) }, () =>
      Array.from({ length: 2 + Math.floor(next() * 3) }, () => sentence(12, 28)).join(" "),
    );
    const text = `---\n${front.join("\n")}\n---\n\n${paragraphs.join("\n\n")}\n`;
    if (withPhoto) {
      mkdirSync(join(newsDir, slug), { recursive: true });
      writeFileSync(join(newsDir, slug, "index.md"), text);
      const photo = await makePhoto(n, grainPixels);
      writeFileSync(join(newsDir, slug, photo.name), photo.bytes);
    } else {
      writeFileSync(join(newsDir, `${slug}.md`), text);
    }
  }
}
