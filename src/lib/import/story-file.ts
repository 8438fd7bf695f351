import { Document } from "yaml";
import type { WireFormat } from "./wire-item.ts";

/**
 * A story file as the importer writes it: a note on where it came from, the front matter, the
 * body. YAML 1.2 core, which the story reader uses, so a date stays the text it was written as.
 */
export function composeStoryFile(fields: Record<string, unknown>, body: string, from: { source: string; format: WireFormat }): string {
  const document = new Document(fields, { version: "1.2" });
  document.commentBefore =
    ` Imported from ${from.source} (${from.format}) by npm run import. A newer version from the agency` +
    `\n replaces the text, photo and topics; date and corrections stay as the newsroom keeps them.`;
  const yaml = document.toString({ lineWidth: 0 });
  return `---\n${yaml}---\n${body === "" ? "" : `\n${body.trimEnd()}\n`}`;
}
