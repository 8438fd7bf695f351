import { createHash } from "node:crypto";
import { constants, rmSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, dirname, extname, join, relative } from "node:path";
import Image from "@11ty/eleventy-img";
import { imageSize } from "image-size";
import sharp, { type AvifOptions, type JpegOptions, type Metadata, type Sharp } from "sharp";
import type { CacheArea, CacheStore } from "../cache/store.ts";
import { contentHash } from "./assets.ts";
import { photoXmp, type PhotoFileWords } from "./photo-xmp.ts";
import { svgProblem } from "./svg-safety.ts";
import { TaskSlots } from "./task-slots.ts";
import type { ProgressListener } from "../model/progress.ts";
import type { ProcessedPhoto } from "../model/story-view.ts";
import type { MediaHost } from "../model/media.ts";
import { addressSlug, isWebAddress } from "../model/urls.ts";

/**
 * The widest a photo is shown: the story column, 40rem (site.css `--column`), which is 640 px
 * at the browsers' default font size. `PHOTO_SIZES` tells the browser the same, before any CSS arrives.
 */
const COLUMN_PX = 640;
const PHOTO_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";
/** A raster photo this wide fills the column on a 2x screen; a narrower one is published, softer there, with a warning. */
const SHARP_PHOTO_WIDTH = 2 * COLUMN_PX;
/** The narrowest step, a phone's column at 1x: a photo narrower still could not fill even that, and is refused. */
export const MIN_PHOTO_WIDTH = 320;
/**
 * The widths the layouts ask for (BENCHMARKS.md, "Photos: what a build publishes"): a front-page
 * thumbnail, the column at 1x, the column at 2x. A screen between takes the next wider file, scaled
 * down. A photo is never enlarged: eleventy-img makes the steps narrower than the photo, then the
 * photo's own width in place of the wider ones (900 px: 320, 640 and 900).
 */
export const PHOTO_WIDTHS = [MIN_PHOTO_WIDTH, COLUMN_PX, SHARP_PHOTO_WIDTH];

/**
 * Most preferred first: the browser takes the first <source> type it can decode, else the JPEG
 * <img>. AVIF is in every current browser; the JPEG serves older ones (Safari before 16.4), feeds and
 * link previews, so WebP would add bytes for no reader.
 */
const SOURCE_FORMATS = ["avif"] as const;
const SOURCE_TYPES: Readonly<Record<(typeof SOURCE_FORMATS)[number], string>> = { avif: "image/avif" };

/** How photos are encoded: sharp's options per format, and a version for what the options do not show. */
export interface ConversionSettings {
  /** Raise it when the conversion changes in a way the options do not show (formats, widths, flattening). */
  version: number;
  avif: AvifOptions;
  jpeg: JpegOptions;
}

/**
 * Chosen on `npm run bench:photos` (BENCHMARKS.md, "Photos: conversion settings"): sharp's default
 * AVIF effort spent several CPU seconds per photo for files barely smaller than effort 1's.
 */
export const CONVERSION_SETTINGS: ConversionSettings = { version: 3, avif: { effort: 1 }, jpeg: {} };

/** A photo for the page, with a warning when it is published softer than sharp; or why it cannot be published. */
export type PhotoResult = { ok: true; photo: ProcessedPhoto; warning?: string } | { ok: false; problem: string };

interface PhotoRequest {
  /** The photo's file on disk. */
  file: string;
  /** How the story names it, for messages. */
  src: string;
  /** The folder the page names the photo's files in, ending in "/": a site-root one, or the media host's (MEDIA_URL). */
  urlFolder: string;
  /** The words and rights every raster file of the photo carries (see photo-xmp.ts); none when the story's fields could not be read. */
  words?: PhotoFileWords;
}

/** Where a published file's bytes are: an entry of the cache store's photos area, or memory when the area could not keep them. */
type FileSource = { key: string } | { bytes: Uint8Array };

/** A conversion's files by name; it never rejects, so nobody need be waiting for it. */
type Conversion = Promise<{ ok: true; sources: ReadonlyMap<string, FileSource> } | { ok: false; problem: string }>;

/** A photo found in the cache or being converted, or why it cannot be. */
type Started = { ok: true; conversion: Conversion } | { ok: false; problem: string };

/** One file a story's page needs: its URL as the page names it (a site-root path, or under the media host's), and where its bytes come from. */
interface StoryFile {
  url: string;
  from: { path: string } | { conversion: Conversion; name: string };
}

/** What converting a photo will make (see #plan): kept between builds, in the photos area's note, by its source file's identity. */
interface PhotoPlan {
  photo: ProcessedPhoto;
  /** The JPEG's widths, narrowest first; none for an SVG. */
  widths: number[];
  names: string[];
  stem: string;
  contentsHash: string;
}

/** A plan as the photos area's note holds it, if it still has the shape of one. */
function asPlan(value: unknown): PhotoPlan | undefined {
  const plan = value as Partial<PhotoPlan> | undefined;
  const ok =
    typeof plan === "object" &&
    plan !== null &&
    typeof plan.photo === "object" &&
    plan.photo !== null &&
    typeof plan.photo.url === "string" &&
    Array.isArray(plan.widths) &&
    plan.widths.every((width) => typeof width === "number") &&
    Array.isArray(plan.names) &&
    plan.names.every((name) => typeof name === "string") &&
    typeof plan.stem === "string" &&
    typeof plan.contentsHash === "string";
  return ok ? (plan as PhotoPlan) : undefined;
}

interface Outcome {
  result: PhotoResult;
  files: StoryFile[];
}

/** Output metadata from eleventy-img: one entry per width, per format. */
type ImageMetadata = Record<string, { url: string; width: number; height: number; srcset: string; outputPath: string; buffer?: Uint8Array }[]>;

/** The parts of eleventy-img used here; its package declares no types. */
interface EleventyImage {
  (src: Uint8Array, options: object): Promise<unknown>;
  Image: new (src: Uint8Array, options: object) => { getHash(): string; getFullStats(metadata: Metadata): unknown };
}
const eleventyImage = Image as unknown as EleventyImage;

/** A file name part that is safe inside a srcset (no spaces or commas) and in any URL: the photo's name by the slug rule. */
function safeName(src: string): string {
  return addressSlug(basename(src, extname(src))) || "photo";
}

/** The page's view of eleventy-img's output: the largest JPEG (or the SVG) as the photo, the rest as candidates. */
function photoFromMetadata(metadata: ImageMetadata): ProcessedPhoto | undefined {
  const svg = metadata["svg"]?.[0];
  if (svg) return { url: svg.url, width: svg.width, height: svg.height, sources: [] };
  const jpegs = metadata["jpeg"];
  const largest = jpegs?.at(-1);
  if (!jpegs || !largest) return undefined;
  const srcset = (entries: { srcset: string }[]) => entries.map((entry) => entry.srcset).join(", ");
  return {
    url: largest.url,
    width: largest.width,
    height: largest.height,
    srcset: srcset(jpegs),
    sizes: PHOTO_SIZES,
    sources: SOURCE_FORMATS.flatMap((format) => {
      const entries = metadata[format];
      return entries?.length ? [{ type: SOURCE_TYPES[format], srcset: srcset(entries) }] : [];
    }),
  };
}

/**
 * What keeps a photo off the page, if anything: it must be an image, a raster one at least
 * MIN_PHOTO_WIDTH wide as shown (turned as its EXIF orientation says, as eleventy-img turns it),
 * an SVG one without code or outside references (it is published as drawn; see svg-safety.ts).
 */
function sizeProblem(src: string, contents: Uint8Array): string | undefined {
  let measured: { width: number; height: number; type?: string; orientation?: number };
  try {
    measured = imageSize(contents);
  } catch {
    return `"${src}" could not be read as an image (expected a JPEG, PNG, WebP, AVIF, GIF or SVG file)`;
  }
  // Orientations 5 to 8 turn the photo a quarter: its stored height is the width shown.
  const width = (measured.orientation ?? 1) >= 5 ? measured.height : measured.width;
  if (measured.type === "svg") return svgProblem(src, contents);
  if (measured.width * measured.height > MAX_PHOTO_PIXELS) {
    const pixels = (measured.width * measured.height).toLocaleString("en-US");
    return `"${src}" is ${measured.width.toLocaleString("en-US")} × ${measured.height.toLocaleString("en-US")} px, ${pixels} pixels, more than the ${MAX_PHOTO_PIXELS.toLocaleString("en-US")} the converter reads (expected the photo scaled down, e.g. to ${SHARP_PHOTO_WIDTH * 2} px wide)`;
  }
  if (width >= MIN_PHOTO_WIDTH) return undefined;
  return `"${src}" is ${width} px wide (expected at least ${MIN_PHOTO_WIDTH} px, the narrowest a photo is published at; one of ${SHARP_PHOTO_WIDTH} px stays sharp on 2x screens)`;
}

/** The most pixels the converter (sharp, by its default limitInputPixels) reads of a photo: a larger one is refused before it is tried. */
const MAX_PHOTO_PIXELS = 0x3fff * 0x3fff;

/** "320, 640 and 900": widths as a sentence lists them. */
function listWidths(widths: readonly number[]): string {
  const last = widths.at(-1);
  return widths.length < 2 ? String(last ?? "") : `${widths.slice(0, -1).join(", ")} and ${last}`;
}

/** The warning for a raster photo published at `widths` (narrowest first) that stops short of SHARP_PHOTO_WIDTH, else undefined. */
function narrowPhotoWarning(src: string, widths: readonly number[]): string | undefined {
  const width = widths.at(-1);
  if (width === undefined || width >= SHARP_PHOTO_WIDTH) return undefined;
  return `"${src}" is ${width} px wide, published at ${listWidths(widths)} px (a photo of at least ${SHARP_PHOTO_WIDTH} px stays sharp on 2x screens)`;
}

/**
 * A photo file's identity: its size, modification and change times and inode, which any write to
 * it, or a file put in its place, changes. Undefined when the file cannot be looked at.
 */
async function sourceIdentity(file: string): Promise<string | undefined> {
  try {
    const { size, mtimeMs, ctimeMs, ino } = await stat(file);
    return `${size}:${mtimeMs}:${ctimeMs}:${ino}`;
  } catch {
    return undefined;
  }
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const damagedProblem = (src: string, reason: string) =>
  `"${src}" could not be converted: ${reason} (expected an undamaged JPEG, PNG, WebP, AVIF, GIF or SVG file)`;

export interface PhotoProcessorOptions {
  settings?: ConversionSettings;
  /** How many photos convert at once: by default one per core. */
  parallelPhotos?: number;
}

/** A plan kept in the photos area's note, with the key of what it was made from: the photo file's identity and the conversion. */
interface KeptPlan {
  key: string;
  plan: unknown;
}

/** The plans a note holds, by photo file and folder; none from a note of another shape. */
function keptPlans(note: unknown): Map<string, KeptPlan> {
  const plans = typeof note === "object" && note !== null && "plans" in note ? note.plans : undefined;
  if (typeof plans !== "object" || plans === null) return new Map();
  return new Map(
    Object.entries(plans).filter((entry): entry is [string, KeptPlan] => {
      const kept: unknown = entry[1];
      return typeof kept === "object" && kept !== null && "key" in kept && typeof kept.key === "string" && "plan" in kept;
    }),
  );
}

/** The module that converts photos: its code, and all it imports (the encoders' packages too), is in every converted file's key. */
const CONVERTING_CODE = new URL(import.meta.url);

/**
 * Turns story photos into AVIF and JPEG at PHOTO_WIDTHS, each file carrying its story's
 * credit and rights as XMP (an SVG stays as drawn), kept between builds in the cache store's
 * photos area (src/lib/cache/store.ts): each converted file an entry, under the key of the
 * photo's bytes, the conversion settings, the words its files carry (photo-xmp.ts) and this
 * module's code, checked when used and pruned once no photo of a build uses it. A story's read
 * waits only until its photo is known to decode; the encoding goes on in the background, a photo
 * per core, while Eleventy reads the next stories, and the build publishes a page's files beside
 * it with `publish`, once the page is written. Output names carry a hash of the photo, the
 * conversion settings and the words.
 */
export class PhotoProcessor {
  readonly #area: CacheArea;
  readonly #settings: ConversionSettings;
  /** Everything that decides a conversion's bytes besides the photo and the code: its settings and the encoders' versions. */
  readonly #conversionKey: string;
  readonly #slots: TaskSlots;
  /** This build's photos, by file and folder: Eleventy may read a story's data more than once. */
  #outcomes = new Map<string, Promise<Outcome>>();
  /** This build's conversions, by their name (see #plan): what this build uses of the photos area. */
  #conversions = new Map<string, Promise<Started>>();
  /** Each story's files, by its input path as Eleventy names it. */
  #storyFiles = new Map<string, Map<string, StoryFile>>();
  /** The plans by photo file and folder: those kept by earlier builds (read once), and those made since. */
  #plans: Map<string, KeptPlan> | undefined;
  /** The plans this build used, kept in the note for the next. */
  #usedPlans = new Map<string, KeptPlan>();

  constructor(store: CacheStore, { settings = CONVERSION_SETTINGS, parallelPhotos = availableParallelism() }: PhotoProcessorOptions = {}) {
    this.#area = store.area("photos", { name: "photos", made: "converted" }, { code: [CONVERTING_CODE] });
    this.#settings = settings;
    this.#conversionKey = JSON.stringify({ ...settings, encoders: sharp.versions });
    this.#slots = new TaskSlots(parallelPhotos);
  }

  /** Forgets the last build's photos, which may have changed since. */
  startBuild(): void {
    this.#outcomes.clear();
    this.#conversions.clear();
    this.#storyFiles.clear();
    this.#usedPlans = new Map();
  }

  /** Checks the photo of the story at `story` and has it converted; never throws, a failure is a problem to report. */
  async process(story: string, request: PhotoRequest): Promise<PhotoResult> {
    const xmp = request.words === undefined ? "" : photoXmp(request.words);
    const key = `${request.file}\0${request.urlFolder}\0${xmp}`;
    let outcome = this.#outcomes.get(key);
    if (!outcome) {
      outcome = this.#prepare(request, xmp);
      this.#outcomes.set(key, outcome);
    }
    const { result, files } = await outcome;
    for (const file of files) this.#keep(story, file);
    return result;
  }

  /** eleventy-img's options for the photo at `file`; `xmp` is the packet each raster file carries ("" for none). */
  #imageOptions(file: string, urlFolder: string, contentsHash: string, xmp: string): object {
    return {
      widths: PHOTO_WIDTHS,
      // A photo between two steps (700 px) is published at its own width too, not only the step below
      // it: eleventy-img's default keeps the photo's width only when it is 25 % past the last step.
      minimumThreshold: 1,
      // "svg" first: with svgShortCircuit an SVG is published as drawn, and a raster photo skips it.
      formats: ["svg", ...SOURCE_FORMATS, "jpeg"],
      svgShortCircuit: true,
      // Every photo gets a JPEG, the one format every reader and feed takes; transparency is flattened onto white.
      formatFiltering: false,
      // An SVG never reaches the transform: it is published as drawn, with no packet.
      transform: (image: Sharp) => {
        image.flatten({ background: "#ffffff" });
        if (xmp !== "") image.withXmp(xmp);
      },
      sharpAvifOptions: this.#settings.avif,
      sharpJpegOptions: this.#settings.jpeg,
      // The files come back as bytes (dryRun) for the photos area to keep; eleventy-img's own caches
      // trust any file of the right name and remember it for the life of the process.
      dryRun: true,
      useCache: false,
      outputDir: this.#area.folder,
      // Encoded here because eleventy-img joins it to the file name as it is; a space would split a srcset. A media host's address is a URL already.
      urlPath: isWebAddress(urlFolder) ? urlFolder : encodeURI(urlFolder),
      // eleventy-img's id hashes the photo and the sharp options; with the rest of the settings, the
      // photo as read here and the words a raster file carries, as hex before the extension, like
      // the stylesheet's, it lets hosts cache the files under /assets/ forever: a changed credit is a new name.
      filenameFormat: (id: string, _source: Uint8Array, width: number, format: string) =>
        `${safeName(file)}-${width}.${this.#outputHash(id, contentsHash, format === "svg" ? "" : xmp)}.${format}`,
    };
  }

  #outputHash(id: string, contentsHash: string, xmp: string): string {
    // A file that carries no words (an SVG, as drawn) is named by the photo and the conversion alone.
    return contentHash(`${id}\0${contentsHash}\0${this.#conversionKey}${xmp === "" ? "" : `\0${xmp}`}`);
  }

  async #prepare({ file, src, urlFolder }: PhotoRequest, xmp: string): Promise<Outcome> {
    const failed = (problem: string): Outcome => ({ result: { ok: false, problem }, files: [] });
    const unreadable = `"${src}" could not be read (expected a readable image file at ${file})`;
    // A photo whose file has not changed since an earlier build planned it is not read again; two
    // stories showing it with other words have a plan each.
    const source = `${file}\0${urlFolder}\0${contentHash(xmp)}`;
    const identity = await sourceIdentity(file);
    if (identity === undefined) return failed(unreadable);
    // The store's key rule: a plan kept before the checks, the conversion or the words changed is made again.
    const planKey = this.#area.key(identity, this.#conversionKey, xmp);
    this.#plans ??= keptPlans(this.#area.note());
    const kept = this.#plans.get(source);
    let plan = kept?.key === planKey ? asPlan(kept.plan) : undefined;
    if (!plan) {
      let contents: Buffer;
      try {
        contents = await readFile(file);
      } catch {
        return failed(unreadable);
      }
      const planned = await this.#plan(file, src, urlFolder, contents, xmp);
      if ("problem" in planned) return failed(planned.problem);
      plan = planned;
      this.#plans.set(source, { key: planKey, plan });
    }
    this.#usedPlans.set(source, { key: planKey, plan });
    const { photo, widths, names, stem, contentsHash } = plan;

    // One conversion however many stories or folders show the photo with the same words.
    let started = this.#conversions.get(stem);
    if (!started) {
      // An SVG (no JPEG widths) is published as drawn, whatever its story's words.
      const embedded = widths.length > 0 ? xmp : "";
      const keys = new Map(names.map((name) => [name, this.#area.key(contentsHash, this.#conversionKey, embedded, name)]));
      started = this.#start({ file, src, keys, options: this.#imageOptions(file, urlFolder, contentsHash, xmp) });
      this.#conversions.set(stem, started);
    }
    const outcome = await started;
    if (!outcome.ok) return failed(outcome.problem);
    const { conversion } = outcome;
    const files = names.map((name) => ({ url: `${urlFolder}${name}`, from: { conversion, name } }));
    const warning = narrowPhotoWarning(src, widths);
    return { result: { ok: true, photo, ...(warning === undefined ? {} : { warning }) }, files };
  }

  /** What converting the photo will make, from its bytes and sharp's reading of them: the page's view, the files' names, the conversion's name. */
  async #plan(file: string, src: string, urlFolder: string, contents: Buffer, xmp: string): Promise<PhotoPlan | { problem: string }> {
    const tooSmall = sizeProblem(src, contents);
    if (tooSmall) return { problem: tooSmall };
    const contentsHash = createHash("sha256").update(contents).digest("hex");
    let planned: ImageMetadata;
    let stem: string;
    try {
      // The same plan eleventy-img follows when it converts (sizes turned as the EXIF orientation says).
      const image = new eleventyImage.Image(contents, this.#imageOptions(file, urlFolder, contentsHash, xmp));
      planned = image.getFullStats(await sharp(contents).metadata()) as ImageMetadata;
      stem = `${safeName(file)}.${this.#outputHash(image.getHash(), contentsHash, xmp)}`;
    } catch (error) {
      return { problem: damagedProblem(src, reasonOf(error)) };
    }
    const photo = photoFromMetadata(planned);
    if (!photo) return { problem: `"${src}" gave no JPEG (expected a photo eleventy-img can convert)` };
    const names = Object.values(planned)
      .flat()
      .map((entry) => basename(entry.outputPath));
    return { photo, widths: (planned["jpeg"] ?? []).map((entry) => entry.width), names, stem, contentsHash };
  }

  /**
   * Finds the photo's files in the photos area (`keys`: their entries' keys, by file name), every
   * one sound, or checks that it decodes and starts converting it.
   */
  async #start(job: { file: string; src: string; keys: ReadonlyMap<string, string>; options: object }): Promise<Started> {
    const { file, src, keys, options } = job;
    if ([...keys.values()].every((key) => this.#area.has(key))) {
      this.#area.count("reused");
      const sources = new Map([...keys].map(([name, key]): [string, FileSource] => [name, { key }]));
      return { ok: true, conversion: Promise.resolve({ ok: true, sources }) };
    }
    try {
      // Decoding every pixel finds a damaged photo while its story is read, where it can be reported.
      // The file is read again here rather than held: thousands of photos may wait for a converter.
      await sharp(await readFile(file), { failOn: "none" }).raw().toBuffer();
    } catch (error) {
      return { ok: false, problem: damagedProblem(src, reasonOf(error)) };
    }
    this.#area.count("made");
    const conversion: Conversion = this.#slots.run(() => this.#convert(file, keys, options)).then(
      (sources) => ({ ok: true as const, sources }),
      (error: unknown) => ({ ok: false as const, problem: damagedProblem(src, reasonOf(error)) }),
    );
    return { ok: true, conversion };
  }

  /** Converts the photo and keeps each file in the photos area; a file the area could not keep is published from memory this once. */
  async #convert(file: string, keys: ReadonlyMap<string, string>, options: object): Promise<ReadonlyMap<string, FileSource>> {
    // The bytes, never the path: sharp's cache would hand back an earlier file of the same name
    // (a photo replaced while the dev server runs), whose files the plan does not name.
    const metadata = (await eleventyImage(await readFile(file), options)) as ImageMetadata;
    const bytes = new Map<string, Uint8Array>();
    for (const entry of Object.values(metadata).flat()) {
      if (entry.buffer) bytes.set(basename(entry.outputPath), entry.buffer);
    }
    const changed = new Error("the file changed while it was being converted");
    if (bytes.size !== keys.size) throw changed;
    const sources = new Map<string, FileSource>();
    for (const [name, key] of keys) {
      const contents = bytes.get(name);
      if (contents === undefined) throw changed;
      sources.set(name, this.#area.write(key, contents) ? { key } : { bytes: contents });
    }
    return sources;
  }

  /**
   * An image the story's text shows (`src`, as the story names it): published as it is, at
   * `sitePath`, with the story's page; or, for an SVG that could run code or reach outside
   * itself, why not.
   */
  async keepAsIs(story: string, file: string, src: string, sitePath: string): Promise<string | undefined> {
    if (extname(file).toLowerCase() === ".svg") {
      let contents: Buffer;
      try {
        contents = await readFile(file);
      } catch {
        return `"${src}" could not be read (expected a readable image file at ${file})`;
      }
      const problem = svgProblem(src, contents);
      if (problem !== undefined) return problem;
    }
    this.#keep(story, { url: sitePath, from: { path: file } });
    return undefined;
  }

  #keep(story: string, file: StoryFile): void {
    const files = this.#storyFiles.get(story) ?? new Map<string, StoryFile>();
    files.set(file.url, file);
    this.#storyFiles.set(story, files);
  }

  /**
   * Puts the photo files of the stories whose pages were written into the site folder (a fresh
   * one), or those named under the media host's address into its folder (`media.folder`), once
   * every photo of the build is converted; then prunes the photos area of the files no photo of
   * this build used (a draft's photo was checked and converted, so it stays). A converted file
   * the site folder holds already (the dev server's site, patched) is left: its name is its
   * contents' hash. `onProgress` counts the photos ready of all the build converts. Resolves to
   * the files put in the site folder, relative to it.
   */
  async publish(siteDir: string, stories: Iterable<string>, onProgress?: ProgressListener, media?: MediaHost): Promise<string[]> {
    const total = this.#conversions.size;
    let ready = 0;
    let counting = false;
    const outcomes = [...this.#conversions.values()].map(async (started) => {
      const conversion = await started;
      const done = conversion.ok ? await conversion.conversion : undefined;
      ready += 1;
      if (counting) onProgress?.(ready, total);
      return done;
    });
    // The photos ready already (found in the cache, converted while the stories were read) are
    // counted at once, so the rate and time left are of those still converting.
    await new Promise(setImmediate);
    counting = true;
    onProgress?.(ready, total);
    const problems = (await Promise.all(outcomes)).flatMap((done) => (done?.ok === false ? [done.problem] : []));
    if (problems.length > 0) throw new Error(`photos: ${problems.join("; ")}`);

    const folders = new Set<string>();
    // Two stories in one folder may show the same photo: its files are put there once.
    const placed = new Set<string>();
    const inSite: string[] = [];
    for (const story of stories) {
      for (const { url, from } of this.#storyFiles.get(story)?.values() ?? []) {
        const onMediaHost = media !== undefined && url.startsWith(media.url);
        const target = onMediaHost ? join(media.folder, url.slice(media.url.length)) : join(siteDir, ...url.split("/"));
        if (placed.has(target)) continue;
        placed.add(target);
        if (!onMediaHost) inSite.push(relative(siteDir, target));
        const folder = dirname(target);
        if (!folders.has(folder)) await mkdir(folder, { recursive: true });
        folders.add(folder);
        if ("path" in from) {
          // A copy (a clone where the file system can), never a second name of the story's own file: a
          // link changes the file's link count, which the dev server's watcher takes for an edit, and
          // rebuilt on forever; and the built site would change with the file. Never written through a
          // file already there (a site reused), which may be a second name of another.
          await rm(target, { force: true });
          await copyFile(from.path, target, constants.COPYFILE_FICLONE);
          continue;
        }
        const source = await this.#sourceOf(from.conversion, from.name);
        if ("key" in source) placeOver(this.#area, source.key, target);
        else await rm(target, { force: true }).then(() => writeFile(target, source.bytes));
      }
    }

    this.#area.setNote({ plans: Object.fromEntries(this.#usedPlans) });
    this.#area.prune();
    return inSite;
  }

  async #sourceOf(conversion: Conversion, name: string): Promise<FileSource> {
    const done = await conversion;
    const source = done.ok ? done.sources.get(name) : undefined;
    if (!source) throw new Error(`photos: ${name} was not converted`);
    return source;
  }
}

/**
 * Places a converted file's entry at `target`. A file there already (in the dev server's site,
 * patched, or in an earlier site a build reuses) is kept when it is that entry, unchanged, and
 * replaced when it is not.
 */
function placeOver(area: CacheArea, key: string, target: string): void {
  try {
    area.place(key, target);
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    if (area.isPlacedAt(key, target)) return;
    rmSync(target, { force: true });
    area.place(key, target);
  }
}
