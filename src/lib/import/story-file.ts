import { createHash } from "node:crypto";
import { Document } from "yaml";
import type { WireFormat } from "./wire-item.ts";

/**
 * The line of the story's `wire` group that records what the import wrote: a hash of the file's
 * text without this line, and of the photo the import put beside it. A story that no longer
 * matches it was changed since, by an editor: its text, or its photo replaced by the desk's own.
 */
const WRITTEN_LINE = /^ {2}written: (sha256:[0-9a-f]+)\n/m;
const HASH_CHARS = 32;

/** The hash `wire.written` records for a story file's text (its own line left out) and the photo written beside it. */
function writtenHash(text: string, photo: Uint8Array | undefined): string {
  const hash = createHash("sha256").update(text.replace(WRITTEN_LINE, ""));
  if (photo !== undefined) hash.update("\0photo\0").update(photo);
  return `sha256:${hash.digest("hex").slice(0, HASH_CHARS)}`;
}

function yamlFile(fields: Record<string, unknown>, body: string, from: { source: string; format: WireFormat }): string {
  const document = new Document(fields, { version: "1.2" });
  document.commentBefore =
    ` Imported from ${from.source} (${from.format}) by npm run import. A newer version from the agency` +
    `\n replaces the text; fields it does not send stay. Once this file is edited, newer versions wait beside it.`;
  const yaml = document.toString({ lineWidth: 0 });
  return `---\n${yaml}---\n${body === "" ? "" : `\n${body.trimEnd()}\n`}`;
}

/**
 * A story file as the importer writes it: a note on where it came from, the front matter, the
 * body, and in its `wire` group (the last field) the hash of what was written. YAML 1.2 core,
 * which the story reader uses, so a date stays the text it was written as.
 */
export function composeStoryFile(fields: Record<string, unknown>, body: string, from: { source: string; format: WireFormat }, photo?: Uint8Array): string {
  const wire = Object.fromEntries(Object.entries(fields["wire"] as Record<string, unknown>).filter(([name]) => name !== "written"));
  const text = yamlFile({ ...fields, wire }, body, from);
  return yamlFile({ ...fields, wire: { ...wire, written: writtenHash(text, photo) } }, body, from);
}

/**
 * Whether a story file, and the photo the import wrote beside it, are still what the import
 * wrote: unedited since, so an update may replace them. `photo` gives the bytes of the photo file
 * the story names; it is read only when the text alone does not match, as a story without a photo,
 * or one imported before the photo was recorded, matches so.
 */
export function isAsWritten(text: string, photo: () => Uint8Array | undefined): boolean {
  const recorded = WRITTEN_LINE.exec(text)?.[1];
  if (recorded === undefined) return false;
  if (recorded === writtenHash(text, undefined)) return true;
  const bytes = photo();
  return bytes !== undefined && recorded === writtenHash(text, bytes);
}
