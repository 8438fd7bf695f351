import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFrontMatter, splitStory } from "../../../src/lib/story/front-matter.ts";
import { nearestName } from "../../../src/lib/story/nearest-name.ts";

test("a story is cut where Eleventy cuts it, with the line its body starts on", () => {
  assert.deepEqual(splitStory("---\ntitle: A\n---\n\nBody.\n"), { language: "", yaml: "\ntitle: A", closed: true, body: "\nBody.\n", bodyLine: 4 });
  assert.deepEqual(splitStory("---\r\ntitle: A\r\n---\r\nBody."), { language: "", yaml: "\r\ntitle: A\r", closed: true, body: "Body.", bodyLine: 4 });
  assert.equal(splitStory("---js\n{}\n---\n")?.language, "js");
  assert.equal(splitStory("---\ntitle: A\n")?.closed, false);
  assert.equal(splitStory("Just text.\n"), undefined);
});

test("front matter is YAML core: dates and yes stay text, and each field keeps its line", () => {
  const parsed = parseFrontMatter("\ntitle: A\ndate: 2013-09-02\ndraft: yes\nphoto:\n  src: a.jpg\ntags:\n  - x\n  - y\n");
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.frontMatter.fields, { title: "A", date: "2013-09-02", draft: "yes", photo: { src: "a.jpg" }, tags: ["x", "y"] });
  assert.deepEqual(Object.fromEntries(parsed.frontMatter.lines), { title: 2, date: 3, draft: 4, photo: 5, "photo.src": 6, tags: 7, "tags.0": 8, "tags.1": 9 });
});

test("every YAML problem is reported with its line, never thrown", () => {
  const parsed = parseFrontMatter("\ntitle: A\ntitle: B\nlead: !!js/function f\n");
  assert.ok(!parsed.ok);
  assert.deepEqual(parsed.problems.map(({ line, message }) => `${line}: ${message.split(" (")[0]}`), [
    "3: Map keys must be unique",
    "4: Unresolved tag: tag:yaml.org,2002:js/function",
  ]);
  const list = parseFrontMatter("\n- a\n- b\n");
  assert.ok(!list.ok);
  assert.match(list.problems[0]?.message ?? "", /^got a list \(expected YAML fields/);
});

test("an alias bomb is refused, not expanded", () => {
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)].join("\n");
  assert.equal(parseFrontMatter(bomb).ok, false);
});

test("a mistyped field name finds the field meant; a stranger finds none", () => {
  const known = ["title", "lead", "date", "dateline", "photo", "updated"];
  assert.equal(nearestName("datline", known), "dateline");
  assert.equal(nearestName("Titel", known), "title");
  assert.equal(nearestName("udpated", known), "updated");
  assert.equal(nearestName("permalink", known), undefined);
});
