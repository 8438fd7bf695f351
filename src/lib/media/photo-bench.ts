import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp, { type AvifOptions, type JpegOptions, type Sharp, type WebpOptions } from "sharp";
import { ssim } from "ssim.js";
import { CacheStore } from "../cache/store.ts";
import { PHOTO_WIDTHS, PhotoProcessor, type ConversionSettings } from "./photos.ts";

/** One format and sharp's options for it. */
export type Encoding = { format: "avif"; options: AvifOptions } | { format: "webp"; options: WebpOptions } | { format: "jpeg"; options: JpegOptions };

/** One way of encoding one format, tried at `widths` as the build does: resize the photo, then encode. */
export type EncodeSetting = { label: string; widths: readonly number[] } & Encoding;

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
function psnr(reference: Uint8Array, candidate: Uint8Array): number {
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
async function encodeFigures(photo: Buffer, setting: EncodeSetting): Promise<EncodeFigures> {
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
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
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
export const SHARP_DEFAULT_SETTINGS: ConversionSettings = { version: 1, avif: {}, jpeg: {} };

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
async function conversionThroughput(files: readonly string[], run: ThroughputRun): Promise<ThroughputFigures> {
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

/** Everything a build publishes for one photo: each format at each width (the JPEG last, as the <img> takes it). */
export interface PublishedSet {
  label: string;
  widths: readonly number[];
  encodings: readonly Encoding[];
}

/** What the build published before this table chose: AVIF, WebP and JPEG at four widths. */
const BEFORE_WIDTHS = [320, 640, 960, 1280];
const AVIF_EFFORT_1: Encoding = { format: "avif", options: { effort: 1 } };
const WEBP_EFFORT_2: Encoding = { format: "webp", options: { effort: 2 } };
const JPEG_DEFAULT: Encoding = { format: "jpeg", options: {} };
const MOZJPEG: Encoding = { format: "jpeg", options: { mozjpeg: true } };

/** The sets worth weighing: the one before, without WebP, without a width, a smaller JPEG, a lower AVIF quality (sharp's default is 50). */
export const PUBLISHED_SETS: readonly PublishedSet[] = [
  { label: "before: AVIF, WebP, JPEG; 320/640/960/1280", widths: BEFORE_WIDTHS, encodings: [AVIF_EFFORT_1, WEBP_EFFORT_2, JPEG_DEFAULT] },
  { label: "AVIF, JPEG", widths: BEFORE_WIDTHS, encodings: [AVIF_EFFORT_1, JPEG_DEFAULT] },
  { label: "AVIF, JPEG; 320/640/1280", widths: [320, 640, 1280], encodings: [AVIF_EFFORT_1, JPEG_DEFAULT] },
  { label: "AVIF, JPEG; 640/960/1280", widths: [640, 960, 1280], encodings: [AVIF_EFFORT_1, JPEG_DEFAULT] },
  { label: "AVIF, mozjpeg", widths: BEFORE_WIDTHS, encodings: [AVIF_EFFORT_1, MOZJPEG] },
  { label: "AVIF, mozjpeg quality 70", widths: BEFORE_WIDTHS, encodings: [AVIF_EFFORT_1, { format: "jpeg", options: { mozjpeg: true, quality: 70 } }] },
  { label: "AVIF quality 45, JPEG", widths: BEFORE_WIDTHS, encodings: [{ format: "avif", options: { effort: 1, quality: 45 } }, JPEG_DEFAULT] },
];

/**
 * The widths, in device pixels, at which the layouts show a photo to the readers weighed: screens
 * 360, 768 and 1280 CSS px wide at 1x and 2x. A story's photo (PHOTO_SIZES, "(min-width: 42rem)
 * 40rem, calc(100vw - 2rem)") is 328 CSS px wide on the phone and 640 on the others; a front-page
 * thumbnail (8rem) is 128.
 */
const SHOWN_WIDTHS: readonly number[] = [128, 256, 328, 656, 640, 1280];

/** The file a browser takes for a photo shown `shown` px wide: the narrowest at least that wide (never enlarged), else the widest. */
function pickedWidth(widths: readonly number[], shown: number): number {
  const sorted = [...widths].sort((a, b) => a - b);
  return sorted.find((width) => width >= shown) ?? sorted.at(-1) ?? shown;
}

/** An RGBA image as ssim.js takes it. */
interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

async function rgbaPixels(image: Sharp): Promise<Pixels> {
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** SSIM of two RGBA images of one size, pixel for pixel; 1 is identical. */
function ssimOf(reference: Pixels, candidate: Pixels): number {
  // ssim.js's default would first shrink both to about 256 px, as if seen from afar, and miss
  // what a reader sees at the size the layout shows.
  return ssim(reference, candidate, { downsample: false }).mssim;
}

export interface PublishedFigures {
  /** Every file of the set together. */
  bytes: number;
  /** Each format's SSIM as readers see it, mean over SHOWN_WIDTHS, by format. */
  ssim: Partial<Record<Encoding["format"], number>>;
}

/**
 * Encodes `photo` as the set publishes it, every format at every width, and scores each format as
 * readers see it: at each of SHOWN_WIDTHS, the file a browser picks, scaled to that width, against
 * the photo resized straight to it. `references` keeps those resized photos between sets.
 */
async function publishedFigures(photo: Buffer, set: PublishedSet, references = new Map<number, Pixels>()): Promise<PublishedFigures> {
  let bytes = 0;
  const ssimByFormat: PublishedFigures["ssim"] = {};
  for (const { format, options } of set.encodings) {
    const files = new Map<number, Buffer>();
    for (const width of set.widths) {
      const file = await resized(photo, width).toFormat(format, options).toBuffer();
      files.set(width, file);
      bytes += file.length;
    }
    let sum = 0;
    for (const shown of SHOWN_WIDTHS) {
      let reference = references.get(shown);
      if (!reference) {
        reference = await rgbaPixels(resized(photo, shown));
        references.set(shown, reference);
      }
      const file = files.get(pickedWidth(set.widths, shown));
      if (!file) throw new Error(`no ${format} file for ${shown} px`);
      sum += ssimOf(reference, await rgbaPixels(sharp(file).resize({ width: shown, height: reference.height, fit: "fill" })));
    }
    ssimByFormat[format] = sum / SHOWN_WIDTHS.length;
  }
  return { bytes, ssim: ssimByFormat };
}

const formatSsim = (value: number | undefined) => (value === undefined ? "" : value.toFixed(4));
const formatShare = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

/**
 * Every set on every photo: kilobytes per photo (all its files), their share of the first set's,
 * and each format's SSIM; then a summary per set over the photos (mean kilobytes, lowest SSIM).
 */
export async function publishedTables(photos: readonly NamedPhoto[], sets: readonly PublishedSet[]): Promise<{ perPhoto: string; summary: string }> {
  const references = new Map(photos.map((photo) => [photo.name, new Map<number, Pixels>()]));
  const figures: PublishedFigures[][] = [];
  for (const set of sets) {
    const row: PublishedFigures[] = [];
    for (const photo of photos) row.push(await publishedFigures(photo.contents, set, references.get(photo.name)));
    figures.push(row);
  }
  const baseline = figures[0] ?? [];
  const perPhotoRows = sets.flatMap((set, setIndex) =>
    photos.map((photo, photoIndex) => {
      const { bytes, ssim: scores } = figures[setIndex]?.[photoIndex] ?? { bytes: 0, ssim: {} };
      return [set.label, photo.name, formatKilobytes(bytes), formatShare(bytes, baseline[photoIndex]?.bytes ?? bytes), formatSsim(scores.avif), formatSsim(scores.webp), formatSsim(scores.jpeg)];
    }),
  );
  const baselineBytes = baseline.reduce((sum, { bytes }) => sum + bytes, 0);
  const lowest = (row: readonly PublishedFigures[], format: Encoding["format"]) => {
    const scores = row.flatMap(({ ssim: byFormat }) => (byFormat[format] === undefined ? [] : [byFormat[format]]));
    return scores.length === 0 ? undefined : Math.min(...scores);
  };
  const summaryRows = sets.map((set, setIndex) => {
    const row = figures[setIndex] ?? [];
    const bytes = row.reduce((sum, figure) => sum + figure.bytes, 0);
    return [set.label, formatKilobytes(bytes / row.length), formatShare(bytes, baselineBytes), formatSsim(lowest(row, "avif")), formatSsim(lowest(row, "webp")), formatSsim(lowest(row, "jpeg"))];
  });
  return {
    perPhoto: markdownTable(["set", "photo", "KB per photo", "of the first", "AVIF SSIM", "WebP SSIM", "JPEG SSIM"], perPhotoRows),
    summary: markdownTable(["set", "KB per photo, mean", "of the first", "AVIF SSIM, lowest", "WebP SSIM, lowest", "JPEG SSIM, lowest"], summaryRows),
  };
}
