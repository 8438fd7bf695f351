/**
 * Synthetic agency items for the import benchmark: ninjs 2.x text items as a wire sends them,
 * ten minutes apart, with the dateline typed into the body, from a fixed pattern so every run
 * imports the same drop.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const PLACES = ["Moscow", "London", "Tokyo", "Washington", "Paris", "Beijing", "Geneva"];
export const TOPICS = ["Diplomacy", "Markets", "Energy", "Elections", "Climate", "Trade"];

/** Writes `count` items into `dir`, one file each, named by sequence number as wire drops are. */
export function writeWireItems(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  const start = Date.UTC(2024, 2, 10, 6, 0);
  for (let n = 0; n < count; n++) {
    const time = new Date(start + n * 600_000).toISOString().replace(".000Z", "Z");
    const place = PLACES[n % PLACES.length] ?? "Moscow";
    const item = {
      uri: `urn:newsml:deskwire.example:2024:${n}`,
      type: "text",
      version: "1",
      versioncreated: time,
      firstcreated: time,
      pubstatus: "usable",
      language: "en",
      copyrightholder: "Desk Wire",
      located: place,
      headlines: [{ role: "main", value: `Talks on item ${n} resume as ministers meet in ${place}` }],
      descriptions: [{ role: "summary", value: `What happened in item ${n}, in a sentence.` }],
      bodies: [
        {
          role: "main",
          contenttype: "text/html",
          value:
            `<p>${place.toUpperCase()}, March 10 (Desk Wire) - The first paragraph of item ${n}, as the desk filed it.</p>` +
            `<p>The second paragraph, with <a href="https://example.org/${n}">a link</a> and <em>emphasis</em>.</p>` +
            "<p>A third paragraph closes the item.</p>",
        },
      ],
      subjects: [{ name: TOPICS[n % TOPICS.length] }, { name: TOPICS[(n + 2) % TOPICS.length] }],
    };
    writeFileSync(join(dir, `${String(n).padStart(6, "0")}.json`), JSON.stringify(item, null, 2));
  }
}
