import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findWireStories } from "../../../src/lib/import/wire-stories.ts";

const story = (id: string, versionTime = "2013-09-02T15:40:00+04:00") =>
  `---\ntitle: T\nwire:\n  id: ${id}\n  versionTime: ${versionTime}\n---\n\nText.\n`;

test("finds imported stories by agency id, and refuses to guess where one cannot be updated in place", (t) => {
  const root = mkdtempSync(join(tmpdir(), "wire-stories-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const news = join(root, "src", "news");
  for (const [path, text] of [
    ["2013/09/02/talks/index.md", story("urn:a")],
    ["2013/09/02/talks-2/index.md", story("urn:a")],
    ["typed.md", story("urn:b")],
    ["2013/09/02/bad-time/index.md", story("urn:c", "yesterday")],
    ["2013/09/02/typed-by-hand/index.md", "---\ntitle: No wire record\n---\n\nText.\n"],
    ["2013/09/03/fine/index.md", story("urn:d", "2013-09-03T10:00:00Z")],
  ] as const) {
    mkdirSync(join(news, path, ".."), { recursive: true });
    writeFileSync(join(news, path), text);
  }
  const { byId, problems, unusableIds } = findWireStories(news, join(root, "src"));
  assert.deepEqual([...byId.keys()], ["urn:d"]);
  assert.equal(byId.get("urn:d")?.versionMs, Date.UTC(2013, 8, 3, 10, 0));
  assert.deepEqual([...unusableIds].sort(), ["urn:a", "urn:b", "urn:c"], "an update for them is refused, not made into another story");
  assert.deepEqual(
    problems.map(({ file, path, message }) => [file.slice(news.length + 1), path, message.split(" (")[0]]),
    [
      ["2013/09/02/bad-time/index.md", "wire.versionTime", "not an instant with an offset"],
      ["2013/09/02/talks/index.md", "wire.id", '"urn:a" is also the id of ' + join(news, "2013/09/02/talks-2/index.md")],
      ["typed.md", "wire.id", '"urn:b" is recorded in a story that is not in a folder of its own'],
    ],
  );
});
