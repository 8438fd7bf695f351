import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { imageSize } from "image-size";
import { urlScheme } from "../model/urls.ts";

/** A picture as delivered, checked to be one the site can publish. */
export interface DeliveredPhoto {
  bytes: Uint8Array;
  /** The file extension its bytes call for ("jpg", "png", ...), whatever the agency named it. */
  extension: string;
  /** Its width as shown, turned by its EXIF orientation. */
  width: number;
}

export type PhotoFetchResult = { ok: true; photo: DeliveredPhoto } | { ok: false; message: string };

export interface PhotoFetchOptions {
  /** How long a download may take before the item goes without it. */
  timeoutMs: number;
  maxBytes: number;
}

export const PHOTO_FETCH_DEFAULTS: PhotoFetchOptions = { timeoutMs: 20_000, maxBytes: 40 * 1024 * 1024 };

/** Raster types a wire picture may come in. An SVG is refused: it is a program as much as a picture. */
const RASTER_TYPES: ReadonlySet<string> = new Set(["jpg", "png", "webp", "avif", "gif"]);
const EXPECTED_PICTURE = "a JPEG, PNG, WebP, AVIF or GIF picture";

/** The picture's type and width, or why it is not a picture the site can publish. */
function checkPicture(bytes: Uint8Array, name: string): PhotoFetchResult {
  let measured: { type?: string; width: number; height: number; orientation?: number };
  try {
    measured = imageSize(bytes);
  } catch {
    return { ok: false, message: `"${name}" is not a picture (expected ${EXPECTED_PICTURE})` };
  }
  const { type } = measured;
  if (type === undefined || !RASTER_TYPES.has(type)) {
    return { ok: false, message: `"${name}" is ${type ? `a ${type} file` : "of no known picture type"} (expected ${EXPECTED_PICTURE})` };
  }
  // EXIF orientations 5 to 8 turn the picture a quarter: it is shown as wide as it is stored high.
  const width = (measured.orientation ?? 1) >= 5 ? measured.height : measured.width;
  return { ok: true, photo: { bytes, extension: type, width } };
}

/** Reads a response's body, giving up past `maxBytes` rather than holding whatever a server sends. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function download(url: string, options: PhotoFetchOptions): Promise<PhotoFetchResult> {
  const megabytes = `${Math.round(options.maxBytes / 1024 / 1024)} MB`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), redirect: "follow" });
    if (!response.ok) return { ok: false, message: `"${url}" answered ${response.status} ${response.statusText} (expected the picture)` };
    const bytes = await readLimited(response, options.maxBytes);
    if (!bytes) return { ok: false, message: `"${url}" is larger than ${megabytes} (expected a picture of at most ${megabytes})` };
    return checkPicture(bytes, url);
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${options.timeoutMs / 1000} s` : String((error as Error).cause ?? error);
    return { ok: false, message: `"${url}" could not be fetched: ${reason} (expected the picture, or the picture delivered beside the item)` };
  }
}

/**
 * The picture an item points at: a file delivered beside the item (in its folder or below it,
 * never elsewhere on the machine), or an http(s) address fetched within a time and size limit.
 */
export async function fetchWirePhoto(href: string, itemFile: string, options: PhotoFetchOptions = PHOTO_FETCH_DEFAULTS): Promise<PhotoFetchResult> {
  const scheme = urlScheme(href);
  if (scheme === "http" || scheme === "https") return download(href, options);
  if (scheme !== undefined) return { ok: false, message: `"${href}" is a ${scheme}: address (expected a file beside the item or an http(s) address)` };
  const folder = dirname(itemFile);
  let name: string;
  try {
    name = decodeURIComponent(href);
  } catch {
    name = href;
  }
  const path = resolve(folder, name);
  const inside = relative(folder, path);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
    return { ok: false, message: `"${href}" is outside the item's folder (expected a picture delivered beside the item)` };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, message: `"${href}" could not be read (${code}; expected the picture beside the item, at ${path})` };
  }
  if (bytes.length > options.maxBytes) return { ok: false, message: `"${href}" is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB (expected a smaller picture)` };
  return checkPicture(bytes, href);
}
