import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { composeStoryFile } from "../../../src/lib/import/story-file.ts";
import { findWireStories, matchStory, type WireStory } from "../../../src/lib/import/wire-stories.ts";

const story = (id: string, versionTime = "2013-09-02T15:40:00+04:00") =>
  `---\ntitle: T\nwire:\n  id: ${id}\n  versionTime: ${versionTime}\n---\n\nText.\n`;

function newsroom(t: { after: (fn: () => void) => void }, files: readonly (readonly [string, string])[]): { news: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), "wire-stories-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const news = join(root, "src", "news");
  for (const [path, text] of files) {
    mkdirSync(join(news, path, ".."), { recursive: true });
    writeFileSync(join(news, path), text);
  }
  return { news, root };
}

test("finds imported stories by agency id, and refuses to guess where one cannot be updated in place", (t) => {
  const { news, root } = newsroom(t, [
    ["2013/09/02/talks/index.md", story("urn:a")],
    ["2013/09/02/talks-2/index.md", story("urn:a", "2013-09-03T10:00:00Z")],
    ["typed.md", story("urn:b")],
    ["2013/09/02/bad-time/index.md", story("urn:c", "yesterday")],
    ["2013/09/02/typed-by-hand/index.md", "---\ntitle: No wire record\n---\n\nText.\n"],
    ["2013/09/03/fine/index.md", story("urn:d", "2013-09-03T10:00:00Z")],
    // As earlier releases wrote advance copy: a day alone, which orders no versions but blocks none either.
    ["2013/09/05/advance/index.md", story("urn:g", "2013-09-05")],
  ]);
  const { byId, problems, unusableIds } = findWireStories(news, join(root, "src"), "en");
  assert.deepEqual([...byId.keys()].sort(), ["urn:a", "urn:d", "urn:g"]);
  assert.equal(byId.get("urn:g")?.[0]?.versionMs, Number.NEGATIVE_INFINITY);
  assert.deepEqual(byId.get("urn:a")?.map(({ file }) => file.slice(news.length + 1)), ["2013/09/02/talks-2/index.md", "2013/09/02/talks/index.md"], "an id an agency used again names several stories");
  assert.equal(byId.get("urn:d")?.[0]?.versionMs, Date.UTC(2013, 8, 3, 10, 0));
  assert.equal(byId.get("urn:d")?.[0]?.body, "\nText.\n");
  assert.deepEqual([...unusableIds].sort(), ["urn:b", "urn:c"], "an update for them is refused, not made into another story");
  assert.deepEqual(
    problems.map(({ file, field, message, code }) => [file.slice(news.length + 1), field, message.split(" (")[0], code]),
    [
      ["2013/09/02/bad-time/index.md", "wire.versionTime", "not an instant with an offset", "WD219"],
      ["typed.md", "wire.id", '"urn:b" is recorded in a story that is not in a folder of its own', "WD219"],
    ],
  );
});

test("a story the import wrote is told from one an editor changed since, or one that keeps no record", (t) => {
  const written = composeStoryFile(
    { title: "Talks resume", date: "2013-09-02T15:40:00+04:00", wire: { id: "urn:e", versionTime: "2013-09-02T15:40:00+04:00", format: "ninjs 2" } },
    "Talks resumed.",
    { source: "Itar-Tass", format: "ninjs 2" },
  );
  assert.match(written, /\n {2}written: sha256:[0-9a-f]{32}\n---\n/, "the hash is the wire group's last line");
  const { news, root } = newsroom(t, [
    ["a/as-written/index.md", written],
    ["a/edited/index.md", written.replace("Talks resumed.", "Talks resumed on Monday.")],
    ["a/no-record/index.md", story("urn:f")],
  ]);
  const { byId } = findWireStories(news, join(root, "src"), "en");
  assert.equal(byId.get("urn:e")?.find(({ file }) => file.includes("as-written"))?.changedHere(), undefined);
  assert.equal(byId.get("urn:e")?.find(({ file }) => file.includes("edited"))?.changedHere(), "edited here");
  assert.match(byId.get("urn:f")?.[0]?.changedHere() ?? "", /^no wire\.written record of what the import wrote/);
});

test("an item updates the story whose words it shares; another story under the same id is imported beside it", () => {
  const onFile = (file: string, title: string, body: string, versionMs: number): WireStory => ({ file, folder: file, fields: { title }, body, versionMs, changedHere: () => undefined });
  const shilling = onFile(
    "shilling/index.md",
    "Kenyan shilling weakens as importers buy dollars",
    "The Kenyan shilling weakened on Tuesday as importers in the energy and manufacturing sectors bought dollars, traders said. Commercial banks quoted it at 101.20/40 per dollar.",
    1,
  );
  const update = { headline: "UPDATE 1-Kenyan shilling slips further on importer dollar demand", body: `${shilling.body} The central bank did not step in.` };
  assert.deepEqual(matchStory([shilling], update), { story: shilling }, "an update keeps most of its text, whatever its headline");
  const retitled = { headline: "Kenyan shilling weakens as importers buy dollars", body: "Traders said the currency fell." };
  assert.deepEqual(matchStory([shilling], retitled), { story: shilling }, "or its headline, whatever its text");

  const rwanda = {
    headline: "Rwanda central bank holds key rate at 7 percent",
    body: "The National Bank of Rwanda kept its central bank rate at 7 percent on Wednesday, saying inflation was expected to stay within its target band this year. The bank said the Rwandan franc was stable against the dollar.",
  };
  const beside = matchStory([shilling], rwanda);
  assert.deepEqual(beside, { beside: shilling }, "same subject words, another story");
  // A rewrite with a new top shares few words, but the agency numbers it on from the story's version.
  const numbered = { ...shilling, fields: { ...shilling.fields, wire: { id: "urn:s", version: "1" } } };
  assert.deepEqual(matchStory([numbered], rwanda, "2"), { story: numbered }, "version 2 follows version 1");
  assert.deepEqual(matchStory([numbered], rwanda, "1"), { beside: numbered }, "an id used again starts its count again");
  assert.deepEqual(matchStory([shilling], rwanda, "2"), { beside: shilling }, "a story recording no number has no count to follow");
  assert.deepEqual(matchStory([numbered], rwanda, "v2"), { beside: numbered }, "a version that is no number orders nothing");

  const twin = onFile("shilling-2/index.md", shilling.fields["title"] as string, shilling.body, 2);
  assert.deepEqual(matchStory([shilling, twin], update), { ambiguous: [shilling, twin] }, "never a guess between two");
  assert.deepEqual(matchStory([shilling, twin], undefined), { story: twin }, "a withdrawal, which has no words, is for the newest story under its id");
  assert.deepEqual(matchStory([], rwanda), {});
});
