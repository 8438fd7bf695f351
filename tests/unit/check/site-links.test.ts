import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { SiteLinks } from "../../../src/lib/check/site-links.ts";

const siteDir = mkdtempSync(join(tmpdir(), "site-links-test-"));
after(() => rmSync(siteDir, { recursive: true, force: true }));

test("a plain relative link is followed as the URL parser would follow it: the same file, fragment, folder or way out", () => {
  const files = ["index.html", "news/a.html", "news/day/b.html", "news/day/c.svg"].map((file) => join(siteDir, file));
  for (const file of files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, "");
  }
  const anchors = new Map(files.filter((file) => file.endsWith(".html")).map((file) => [file, new Set(["top-story", "main"])]));
  const links = new SiteLinks({ siteDir, siteRoot: undefined, basePath: "/" }, files, anchors);
  const check = links.checkerFor(join(siteDir, "news", "day", "b.html"));
  // The same link spelt so the parser must read it: its first letter or dot percent-encoded, which names the same file.
  const spelt = (url: string) => url.replace(/[A-Za-z.]/, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  const plain = [
    "c.svg", "b.html#main", "b.html#nope", "../a.html", "../../index.html#top-story", "./c.svg", "x/../c.svg", "../day/./b.html",
    "missing.html", "../day", "../day/", ".", "./", "..", "../..", "day/..", "../../../../../etc/passwd", "../../../index.html", "...", "a-b_c~d.html", "nothere/", "nothere/.", "nothere/..",
  ];
  for (const url of plain) {
    const other = spelt(url);
    assert.notEqual(other, url);
    const found = check(url).map(({ code, message }) => `${code} ${message}`);
    const parsed = check(other).map(({ code, message }) => `${code} ${message.replace(other, url)}`);
    assert.deepEqual(found, parsed, url);
  }
  assert.deepEqual(check("../../index.html#top-story"), []);
  assert.match(check("..")[0]?.message ?? "", /names a folder/);
  assert.match(check("../../../../../etc/passwd")[0]?.message ?? "", /points outside the site folder/);
});
