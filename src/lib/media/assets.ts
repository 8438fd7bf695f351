import { createHash } from "node:crypto";
import { posix } from "node:path";

/** Long enough that two versions of a file never share one, short enough to read in a URL. */
const HASH_LENGTH = 10;

/** The hash a file's name carries: any change to its contents gives a new name, so hosts may cache it forever. */
export function contentHash(contents: string | Uint8Array): string {
  return createHash("sha256").update(contents).digest("hex").slice(0, HASH_LENGTH);
}

/** "assets/site.css" with its contents' hash: "assets/site.0123456789.css". */
export function hashedPath(path: string, contents: string | Uint8Array): string {
  const { dir, name, ext } = posix.parse(path);
  return posix.join(dir, `${name}.${contentHash(contents)}${ext}`);
}

/** The hash in a hashed file's name, if it has one. */
export function hashInName(path: string): string | undefined {
  return new RegExp(`\\.([0-9a-f]{${HASH_LENGTH}})\\.[^./]+$`).exec(path)?.[1];
}
