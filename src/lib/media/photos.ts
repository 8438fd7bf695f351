import { copyFile, mkdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, extname, join, posix } from "node:path";
import Image from "@11ty/eleventy-img";
import { imageSize } from "image-size";
import { contentHash } from "./assets.ts";
import type { ProcessedPhoto } from "../model/story-view.ts";

/**
 * The widest a photo is shown: the story column, 40rem (site.css `--column`), which is 640 px
 * at the browsers' default font size. `PHOTO_SIZES` tells the browser the same, before any CSS arrives.
 */
const COLUMN_PX = 640;
export const PHOTO_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";
/** A raster photo must fill the column on a 2x screen; a smaller one would print blurred. */
export const MIN_PHOTO_WIDTH = 2 * COLUMN_PX;
/** Enough steps that a phone, a tablet and a 2x desktop each find one close to what they need. */
export const PHOTO_WIDTHS = [320, 640, 960, MIN_PHOTO_WIDTH];

/** Most preferred first: the browser takes the first <source> type it can decode, else the JPEG <img>. */
const SOURCE_FORMATS = ["avif", "webp"] as const;
const SOURCE_TYPES: Readonly<Record<(typeof SOURCE_FORMATS)[number], string>> = { avif: "image/avif", webp: "image/webp" };

export type PhotoResult = { ok: true; photo: ProcessedPhoto } | { ok: false; problem: string };

/** One output file: where it waits in the cache, and its path in the site folder. */
interface PhotoFile {
  cached: string;
  sitePath: string;
}

interface PhotoRequest {
  /** The photo's file on disk. */
  file: string;
  /** How the story names it, for messages. */
  src: string;
  /** The site-root folder the page's photo files are published in, ending in "/". */
  urlFolder: string;
}

interface Outcome {
  result: PhotoResult;
  files: PhotoFile[];
}

/** Output metadata from eleventy-img: one entry per width, per format. */
type ImageMetadata = Record<string, { url: string; width: number; height: number; srcset: string; outputPath: string }[]>;

/** A file name part that is safe inside a srcset (no spaces or commas) and in any URL. */
function safeName(src: string): string {
  return basename(src, extname(src)).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "photo";
}

/** The page's view of eleventy-img's output: the largest JPEG (or the SVG) as the photo, the rest as candidates. */
export function photoFromMetadata(metadata: ImageMetadata): ProcessedPhoto | undefined {
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

/** What keeps a raster photo out of the layout, if anything: it must be an image at least MIN_PHOTO_WIDTH wide. */
export function sizeProblem(src: string, contents: Uint8Array): string | undefined {
  let measured: { width: number; type?: string };
  try {
    measured = imageSize(contents);
  } catch {
    return `"${src}" could not be read as an image (expected a JPEG, PNG, WebP, AVIF, GIF or SVG file)`;
  }
  if (measured.type === "svg" || measured.width >= MIN_PHOTO_WIDTH) return undefined;
  return `"${src}" is ${measured.width} px wide (expected at least ${MIN_PHOTO_WIDTH} px, twice the ${COLUMN_PX} px column, so it stays sharp on 2x screens)`;
}

/**
 * Turns story photos into AVIF, WebP and JPEG at PHOTO_WIDTHS (an SVG stays as drawn), kept in
 * `cacheDir` between builds: a photo whose outputs are all there is not processed again. The
 * build publishes a page's files beside it with `publish`, once the page is written.
 */
export class PhotoProcessor {
  readonly #cacheDir: string;
  /** This build's photos, by file and folder: Eleventy may read a story's data more than once. */
  #outcomes = new Map<string, Promise<Outcome>>();
  /** Each story's files, by its input path as Eleventy names it. */
  #storyFiles = new Map<string, Map<string, PhotoFile>>();
  #processed = 0;
  #reused = 0;

  constructor(cacheDir: string) {
    this.#cacheDir = cacheDir;
  }

  /** Forgets the last build: its counts, and its photos, which may have changed since. */
  startBuild(): void {
    this.#outcomes.clear();
    this.#storyFiles.clear();
    this.#processed = 0;
    this.#reused = 0;
  }

  /** Checks and converts the photo of the story at `story`; never throws, a failure is a problem to report. */
  async process(story: string, request: PhotoRequest): Promise<PhotoResult> {
    const key = `${request.file}\0${request.urlFolder}`;
    let outcome = this.#outcomes.get(key);
    if (!outcome) {
      outcome = this.#convert(request);
      this.#outcomes.set(key, outcome);
    }
    const { result, files } = await outcome;
    for (const file of files) this.#keep(story, file);
    return result;
  }

  async #convert({ file, src, urlFolder }: PhotoRequest): Promise<Outcome> {
    const failed = (problem: string): Outcome => ({ result: { ok: false, problem }, files: [] });
    let contents: Buffer;
    try {
      contents = await readFile(file);
    } catch {
      return failed(`"${src}" could not be read (expected a readable image file at ${file})`);
    }
    const tooSmall = sizeProblem(src, contents);
    if (tooSmall) return failed(tooSmall);

    const options = {
      widths: PHOTO_WIDTHS,
      // "svg" first: with svgShortCircuit an SVG is published as drawn, and a raster photo skips it.
      formats: ["svg", ...SOURCE_FORMATS, "jpeg"],
      svgShortCircuit: true,
      // Every photo gets a JPEG, the one format every reader and feed takes; transparency is flattened onto white.
      formatFiltering: false,
      transform: (sharp: { flatten(options: { background: string }): unknown }) => void sharp.flatten({ background: "#ffffff" }),
      outputDir: this.#cacheDir,
      // Encoded here because eleventy-img joins it to the file name as it is; a space would split a srcset.
      urlPath: encodeURI(urlFolder),
      // eleventy-img's id hashes the photo and these options; as hex before the extension, like the
      // stylesheet's, it lets hosts cache the files under /assets/ forever.
      filenameFormat: (id: string, source: string, width: number, format: string) =>
        `${safeName(source)}-${width}.${contentHash(id)}.${format}`,
    };
    try {
      const planned = Image.statsSync(file, options) as ImageMetadata;
      const cached = Object.values(planned).flat().every((entry) => existsSync(entry.outputPath));
      const metadata = (await Image(file, options)) as ImageMetadata;
      const photo = photoFromMetadata(metadata);
      if (!photo) return failed(`"${src}" gave no JPEG (expected a photo eleventy-img can convert)`);
      if (cached) this.#reused += 1;
      else this.#processed += 1;
      const files = Object.values(metadata)
        .flat()
        .map((entry) => ({ cached: entry.outputPath, sitePath: posix.join(urlFolder, basename(entry.outputPath)) }));
      return { result: { ok: true, photo }, files };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return failed(`"${src}" could not be converted: ${reason} (expected an undamaged JPEG, PNG, WebP, AVIF, GIF or SVG file)`);
    }
  }

  /** An image the story's text shows: published as it is, at `sitePath`, with the story's page. */
  keepAsIs(story: string, file: string, sitePath: string): void {
    this.#keep(story, { cached: file, sitePath });
  }

  #keep(story: string, file: PhotoFile): void {
    const files = this.#storyFiles.get(story) ?? new Map<string, PhotoFile>();
    files.set(file.sitePath, file);
    this.#storyFiles.set(story, files);
  }

  /** Copies the photo files of the stories whose pages were written into the site folder. */
  async publish(siteDir: string, stories: Iterable<string>): Promise<void> {
    for (const story of stories) {
      for (const { cached, sitePath } of this.#storyFiles.get(story)?.values() ?? []) {
        const target = join(siteDir, ...sitePath.split("/"));
        await mkdir(join(target, ".."), { recursive: true });
        await copyFile(cached, target);
      }
    }
  }

  /** One line for the build log: how many photos this build converted and how many it found ready. */
  summary(): string {
    return `photos: ${this.#processed} processed, ${this.#reused} reused from ${this.#cacheDir}`;
  }
}
