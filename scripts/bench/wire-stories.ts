/**
 * Synthetic wire stories for the benchmark: the lengths, fields and photo share of a wire
 * service's day, from a fixed seed so every run builds the same corpus.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync, crc32 } from "node:zlib";

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
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A photo file: a solid-colour PNG of agency proportions. The build only reads its size and copies
 * it, so its pixels do not matter; swap this function to benchmark real photos.
 */
export function makePhoto(width = 1600, height = 1067): { name: string; bytes: Buffer } {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  // Each row: filter byte 0, then the pixels.
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const bytes = Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
  return { name: "photo.png", bytes };
}

/** Writes `count` stories into `newsDir`; returns the path of one story without a photo, to edit. */
export function writeWireStories(newsDir: string, count: number): string {
  const next = random(count);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const sentence = (min: number, max: number): string => {
    const words = Array.from({ length: min + Math.floor(next() * (max - min)) }, () => pick(WORDS));
    const text = words.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const photo = makePhoto();
  let editable = "";
  for (let n = 0; n < count; n += 1) {
    const day = new Date(Date.UTC(2013, 8, 2) + Math.floor(n / STORIES_PER_DAY) * 86_400_000).toISOString().slice(0, 10);
    const time = `${String(6 + Math.floor(next() * 16)).padStart(2, "0")}:${String(Math.floor(next() * 60)).padStart(2, "0")}`;
    const slug = `${day}-${sentence(3, 6).toLowerCase().replace(/[^a-z]+/g, "-").replace(/-$/, "")}-${n}`;
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(TOPICS)))];
    const withPhoto = n % PHOTO_EVERY === 0;
    const front = [
      `title: ${JSON.stringify(sentence(6, 14).slice(0, -1))}`,
      `lead: ${JSON.stringify(sentence(15, 30))}`,
      `date: ${day}T${time}`,
      `dateline: ${pick(PLACES)}`,
      `source: ${pick(SOURCES)}`,
      `tags: ${JSON.stringify(tags)}`,
      ...(withPhoto ? ["photo:", `  src: ${photo.name}`, "  alt: A grey panel standing in for the agency photo", `  credit: Photo ${pick(SOURCES)}`] : []),
    ];
    // Wire copy: 5 to 12 paragraphs of 2 to 4 sentences, about 300 to 800 words.
    const paragraphs = Array.from({ length: 5 + Math.floor(next() * 8) }, () =>
      Array.from({ length: 2 + Math.floor(next() * 3) }, () => sentence(12, 28)).join(" "),
    );
    const text = `---\n${front.join("\n")}\n---\n\n${paragraphs.join("\n\n")}\n`;
    if (withPhoto) {
      mkdirSync(join(newsDir, slug), { recursive: true });
      writeFileSync(join(newsDir, slug, "index.md"), text);
      writeFileSync(join(newsDir, slug, photo.name), photo.bytes);
    } else {
      writeFileSync(join(newsDir, `${slug}.md`), text);
      editable ||= join(newsDir, `${slug}.md`);
    }
  }
  return editable;
}
