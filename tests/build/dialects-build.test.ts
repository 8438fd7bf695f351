/**
 * Producers' dialects, from import to a built site: the corpus's Superdesk, dpa, AP, AFP, RSS,
 * Atom and JSON Feed items are imported with the bundled settings (as `npm run import` does, each producer's
 * drop a run of its own), and the site built from what they made passes every check.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import corpusPlaces from "../fixtures/wire-places.json" with { type: "json" };
import { buildFixtureSite, makeFixtureSite } from "../support/fixture-site.ts";

const MOMENT = "2026-12-06T12:00:00Z";
/** The corpus of producers' items. */
const CORPUS_DIR = fileURLToPath(new URL("../fixtures/wire", import.meta.url));
const PRODUCERS = ["superdesk", "dpa", "ap", "afp", "rss", "atom", "jsonfeed"] as const;

test("items in every producer's dialect import in one line each and build into a site that passes its checks", { timeout: 300_000 }, async (t) => {
  const root = makeFixtureSite({});
  t.after(() => rmSync(root, { recursive: true, force: true }));
  // The corpus's invented places, as a desk adds its own.
  const places = join(root, "_data", "datelinePlaces.json");
  writeFileSync(places, JSON.stringify({ ...(JSON.parse(readFileSync(places, "utf8")) as Record<string, string>), ...corpusPlaces }, null, 2));

  const lines: string[] = [];
  for (const producer of PRODUCERS) {
    cpSync(join(CORPUS_DIR, "dialects", producer), join(root, "drop", producer), { recursive: true });
    const run = spawnSync(process.execPath, ["scripts/import.ts", join("drop", producer)], {
      cwd: root,
      encoding: "utf8",
      // Offline: a picture named by a web address is held for, never fetched.
      env: { ...process.env, BUILD_MOMENT: MOMENT, CI: "true", SITE_URL: "" },
    });
    const output = `${run.stdout}${run.stderr}`;
    // Exit 1 says an item was refused (dpa's German, AFP's French: the site has no such edition); never a crash.
    assert.ok(run.status === 0 || run.status === 1, `${producer}: ${output}`);
    assert.doesNotMatch(output, /\n\s+at |Error:/, `${producer}: no stack trace`);
    const report = output.trimEnd().split("\n");
    assert.match(report.at(-1) ?? "", /^\d+ items?: \d+ created, /, `${producer}: the summary ends the report`);
    lines.push(...report.slice(0, -1));
  }
  // One line an item, each naming the outcome.
  for (const line of lines) assert.match(line, /^(created|updated|unchanged|withdrawn|held|refused) {2,}\S/, line);
  const find = (file: string) => lines.find((line) => line.includes(`drop/${file}`)) ?? `(no line for ${file})`;
  assert.match(find("superdesk/text-photo.json"), /^created .* \[ninjs 1 \(Superdesk\)\]$/);
  assert.match(find("afp/harbour-ferry.xml"), /^created /);
  // AP's JSON, its text read from the NITF beside it, is made at the same time as the corpus's NITF item of the
  // same id, published from it, but with other words: which is newer cannot be told, so it waits beside the story.
  assert.match(find("ap/text-photo.json"), /^held .* \[AP Media API\]: made at the same time as the version on file \(.*\), with other words, so which is newer cannot be told: version 0 waits in \S+index\.wire-v0\.md\.txt \[WD222\]/);
  assert.match(find("dpa/text-photo.json"), /^refused .*: the item is in German \(de\), and the site has no German edition/);
  assert.match(find("dpa/english-service.json"), /^created .* \[dpa digitalwires\]$/, "dpa's English service imports as a story");
  assert.match(find("rss/ministry-energy.xml"), /^held .*: needs a dateline: the item names no place/);

  const build = buildFixtureSite(root, "UTC", { BUILD_MOMENT: MOMENT });
  assert.equal(build.status, 0, build.output);
  const ferry = readFileSync(join(root, "_site", "news", "2024", "11", "05", "norways-longest-electric-ferry-route-opens-across-the.html"), "utf8");
  assert.match(ferry, /<title>[^<]*longest electric ferry route opens/i, "AFP's headline titles its page");
  assert.match(ferry, /\(AFP\)/, "the dateline credits AFP");
  // A partner's JSON Feed carrying Reuters' copy: credited to Reuters, its feed's closing line left out.
  assert.match(find("jsonfeed/harbour-city.json: items[0]"), /^created .* \[JSON Feed\]: source: warning: ignored: "Harbour City News": the feed's name; its text is Reuters's copy/);
  const terminal = readFileSync(join(root, "_site", "news", "2024", "11", "05", "ferry-terminal-reopens-after-storm-repairs.html"), "utf8");
  assert.match(terminal, /HALIFAX,<\/span> <span>November 5<\/span> <span>\(Reuters\) -/, "the dateline credits Reuters");
  assert.match(terminal, /By <a [^>]*>Mira Chen<\/a>/);
  assert.doesNotMatch(terminal, /Read this story online:[^<]*<a href="https:\/\/news\.harbour-city/, "the partner's closing line is not the story's");
});
