import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp, { type AvifOptions, type JpegOptions, type WebpOptions } from "sharp";
import { CacheStore } from "../cache/store.ts";
import { PHOTO_WIDTHS, PhotoProcessor, type ConversionSettings } from "./photos.ts";

/** One way of encoding one format, tried at `widths` as the build does: resize the photo, then encode. */
export type EncodeSetting = { label: string; widths: readonly number[] } & (
  | { format: "avif"; options: AvifOptions }
  | { format: "webp"; options: WebpOptions }
  | { format: "jpeg"; options: JpegOptions }
);

const SMALLER_WIDTHS = PHOTO_WIDTHS.slice(0, -1);

/** Each format at the settings worth weighing; sharp's defaults are today's. */
export const CANDIDATE_SETTINGS: readonly EncodeSetting[] = [
  ...[0, 1, 2, 3].map((effort): EncodeSetting => ({ label: `AVIF effort ${effort}`, format: "avif", widths: PHOTO_WIDTHS, options: { effort } })),
  { label: "AVIF effort 4 (default)", format: "avif", widths: PHOTO_WIDTHS, options: {} },
  { label: "AVIF effort 2, 4:2:0 chroma", format: "avif", widths: PHOTO_WIDTHS, options: { effort: 2, chromaSubsampling: "4:2:0" } },
  { label: `AVIF effort 2, ${SMALLER_WIDTHS.join("/")} only`, format: "avif", widths: SMALLER_WIDTHS, options: { effort: 2 } },
  { label: `AVIF effort 4, ${SMALLER_WIDTHS.join("/")} only`, format: "avif", widths: SMALLER_WIDTHS, options: {} },
  ...[0, 2].map((effort): EncodeSetting => ({ label: `WebP effort ${effort}`, format: "webp", widths: PHOTO_WIDTHS, options: { effort } })),
  { label: "WebP effort 4 (default)", format: "webp", widths: PHOTO_WIDTHS, options: {} },
  { label: "JPEG quality 80 (default)", format: "jpeg", widths: PHOTO_WIDTHS, options: {} },
  { label: "JPEG quality 80, mozjpeg", format: "jpeg", widths: PHOTO_WIDTHS, options: { mozjpeg: true } },
];

export interface EncodeFigures {
  /** CPU time of the resizes and encodes, all widths together. */
  cpuSeconds: number;
  /** All widths' files together. */
  bytes: number;
  /** Peak signal-to-noise ratio against the plain resize, mean over the widths: higher is closer. */
  psnr: number;
}

function cpuSecondsUsed(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Peak signal-to-noise ratio of two 8-bit images of one size, in dB. */
export function psnr(reference: Uint8Array, candidate: Uint8Array): number {
  if (reference.length !== candidate.length) throw new Error(`images differ in size: ${reference.length} and ${candidate.length} bytes`);
  let squares = 0;
  for (let index = 0; index < reference.length; index++) {
    const difference = (reference[index] ?? 0) - (candidate[index] ?? 0);
    squares += difference * difference;
  }
  const meanSquare = squares / reference.length;
  return meanSquare === 0 ? Infinity : 10 * Math.log10((255 * 255) / meanSquare);
}

const resized = (photo: Buffer, width: number) => sharp(photo).flatten({ background: "#ffffff" }).resize({ width });

/**
 * Encodes `photo` at every width of `setting`, one file at a time so the process's CPU time is
 * theirs alone; the quality comparison runs outside the timed part.
 */
export async function encodeFigures(photo: Buffer, setting: EncodeSetting): Promise<EncodeFigures> {
  const encoded: { width: number; file: Buffer }[] = [];
  const start = cpuSecondsUsed();
  for (const width of setting.widths) {
    encoded.push({ width, file: await resized(photo, width).toFormat(setting.format, setting.options).toBuffer() });
  }
  const cpuSeconds = cpuSecondsUsed() - start;
  let psnrSum = 0;
  for (const { width, file } of encoded) {
    const reference = await resized(photo, width).raw().toBuffer();
    psnrSum += psnr(reference, await sharp(file).removeAlpha().raw().toBuffer());
  }
  return { cpuSeconds, bytes: encoded.reduce((sum, { file }) => sum + file.length, 0), psnr: psnrSum / encoded.length };
}

/** A Markdown table; the first column is text, the others figures, right-aligned. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const rule = header.map((_, index) => (index === 0 ? "---" : "---:"));
  return [line(header), line(rule), ...rows.map(line)].join("\n");
}

export interface NamedPhoto {
  name: string;
  contents: Buffer;
}

const formatSeconds = (seconds: number) => seconds.toFixed(2);
const formatKilobytes = (bytes: number) => (bytes / 1024).toFixed(0);

/** Every setting on every photo: CPU seconds and kilobytes per photo (all widths), and the mean PSNR. */
export async function settingsTable(photos: readonly NamedPhoto[], settings: readonly EncodeSetting[]): Promise<string> {
  const header = ["setting", ...photos.flatMap(({ name }) => [`${name}: CPU s`, "KB"]), "PSNR, dB"];
  const rows: string[][] = [];
  for (const setting of settings) {
    const figures: EncodeFigures[] = [];
    for (const photo of photos) figures.push(await encodeFigures(photo.contents, setting));
    const meanPsnr = figures.reduce((sum, { psnr }) => sum + psnr, 0) / figures.length;
    rows.push([
      setting.label,
      ...figures.flatMap(({ cpuSeconds, bytes }) => [formatSeconds(cpuSeconds), formatKilobytes(bytes)]),
      meanPsnr.toFixed(1),
    ]);
  }
  return markdownTable(header, rows);
}

/** The settings before they were chosen on this bench: sharp's defaults for every format. */
export const SHARP_DEFAULT_SETTINGS: ConversionSettings = { version: 1, avif: {}, webp: {}, jpeg: {} };

export interface ThroughputRun {
  label: string;
  settings: ConversionSettings;
  parallelPhotos: number;
}

export interface ThroughputFigures {
  photos: number;
  wallSeconds: number;
  cpuSeconds: number;
}

/**
 * Converts `files` as a build does with an empty cache: each story's photo asked for in turn, as
 * Eleventy reads stories one after another, then every page's files published.
 */
export async function conversionThroughput(files: readonly string[], run: ThroughputRun): Promise<ThroughputFigures> {
  const folder = await mkdtemp(join(tmpdir(), "bench-photos-"));
  try {
    const photos = new PhotoProcessor(new CacheStore(join(folder, "cache")), { settings: run.settings, parallelPhotos: run.parallelPhotos });
    photos.startBuild();
    const stories = files.map((_, index) => `story-${index}.md`);
    const startCpu = cpuSecondsUsed();
    const start = performance.now();
    for (const [index, file] of files.entries()) {
      const result = await photos.process(stories[index] ?? "", { file, src: file, urlFolder: "/assets/photos/" });
      if (!result.ok) throw new Error(result.problem);
    }
    await photos.publish(join(folder, "site"), stories);
    return { photos: files.length, wallSeconds: (performance.now() - start) / 1000, cpuSeconds: cpuSecondsUsed() - startCpu };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Each run's wall time, CPU time per photo and photos per second. */
export async function throughputTable(files: readonly string[], runs: readonly ThroughputRun[]): Promise<string> {
  const rows: string[][] = [];
  for (const run of runs) {
    const { photos, wallSeconds, cpuSeconds } = await conversionThroughput(files, run);
    rows.push([run.label, String(photos), wallSeconds.toFixed(1), formatSeconds(cpuSeconds / photos), (photos / wallSeconds).toFixed(2)]);
  }
  return markdownTable(["conversion", "photos", "wall s", "CPU s per photo", "photos/s"], rows);
}
