/**
 * Where a build publishes its converted photos: beside the pages (the default), or, with
 * MEDIA_URL set, on a media host (an S3-compatible bucket behind a CDN) that the deploy uploads
 * MEDIA_FOLDER to before the pages go out.
 */
import type { Problem } from "./problems.ts";
import { SettingsError } from "./settings-error.ts";
import { isWebAddress } from "./urls.ts";

type Env = Readonly<Record<string, string | undefined>>;

/** The photos' folder beside the output folder, kept between builds: the deploy uploads what it holds. */
export const MEDIA_FOLDER = "_media";

/** Photos published on a media host: the address the pages name them under, and the folder the build writes them to. */
export interface MediaHost {
  /** MEDIA_URL: an absolute folder URL, ending in "/". */
  url: string;
  folder: string;
}

const MEDIA_URL = "MEDIA_URL";
const EXPECTED = "an https address of a folder, ending in /, such as https://media.example.com/photos/ (http only for localhost)";

/** Whether an http address is this machine's: only there may photos come over plain http (a local test of the bucket). */
const isLocalhost = (url: URL): boolean => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

/**
 * The media host a build publishes photos to: MEDIA_URL when set, unless the build keeps every
 * photo beside its pages (`local`: `npm run build -- --media local`, for reading offline).
 * Throws a SettingsError (WD316) for an address photos cannot be published under.
 */
export function readMediaHost(env: Env, { local }: { local: boolean }): MediaHost | undefined {
  const value = env[MEDIA_URL]?.trim() || undefined;
  if (value === undefined || local) return undefined;
  const url = mediaFolderUrl(value);
  if (url !== undefined) return { url, folder: MEDIA_FOLDER };
  const problem: Problem = { file: "", field: MEDIA_URL, message: `got ${JSON.stringify(value)} (expected ${EXPECTED})`, code: "WD316" };
  throw new SettingsError([problem]);
}

/** The address as the folder URL the pages name each photo under (its file's name follows), or undefined when it cannot be one. */
function mediaFolderUrl(value: string): string | undefined {
  // A query or fragment would come between the folder and the file's name.
  if (!isWebAddress(value) || /[?#]/.test(value)) return undefined;
  const url = new URL(value);
  if (url.protocol === "http:" && !isLocalhost(url)) return undefined;
  return url.href.endsWith("/") ? url.href : undefined;
}
