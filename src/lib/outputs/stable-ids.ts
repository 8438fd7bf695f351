import { createHash } from "node:crypto";

/** This project's namespace for name-based UUIDs. Fixed forever: changing it changes every id. */
const NAMESPACE = Buffer.from("b1390c2173fd41969bcdad15fde102d6", "hex");

/**
 * A name-based (version 5) UUID URN for something the site publishes, e.g. a story by its site
 * path. Readers and aggregators key items by id, so it must not change when the site moves to
 * another domain or path prefix, as an id built from the public URL would.
 */
export function stableId(siteName: string, sitePath: string): string {
  const hash = createHash("sha1").update(NAMESPACE).update(`${siteName}\n${sitePath}`).digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.subarray(0, 16).toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
