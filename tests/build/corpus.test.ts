import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PROJECT } from "../../scripts/lib/project-copy.ts";
import { buildFixtureSite, makeFixtureSite } from "../support/fixture-site.ts";

const CORPUS = join(PROJECT, "tests", "corpus");

/** Every file of a corpus folder, as stories (and their images) under src/news/. */
function corpus(name: string): Record<string, Buffer> {
  const folder = join(CORPUS, name);
  return Object.fromEntries(readdirSync(folder).filter((file) => file !== "EXPECTED").map((file) => [file, readFileSync(join(folder, file))]));
}

/** The problem lines a failed build printed, in its order: file and line, with nothing from the tools around them. */
function problemLines(output: string): string[] {
  return output.split("\n").filter((line) => /src\/news\/[^:]+:\d+: /.test(line));
}

test("each invalid story in the corpus is refused with exactly its error, all in one run", () => {
  // The oversized story is made here rather than committed: a megabyte of text says nothing more.
  const root = makeFixtureSite({ ...corpus("invalid"), "too-big.md": `---\ntitle: A\n---\n${"word ".repeat(220_000)}` });
  const run = buildFixtureSite(root);
  assert.equal(run.status, 1, run.output);
  const expected = readFileSync(join(CORPUS, "invalid", "EXPECTED"), "utf8").trim().split("\n");
  assert.deepEqual(problemLines(run.output), expected);
  assert.doesNotMatch(run.output, /^\s+at /m, "no stack trace");
  assert.match(run.output, /build: failed; _site\/ was left as it was\./);
  assert.equal(existsSync(join(root, "_site")), false);
});

test("difficult but valid stories build into pages that pass validation; a page that fails it keeps them", () => {
  const stories = corpus("valid");
  const root = makeFixtureSite(stories);
  const run = buildFixtureSite(root);
  assert.equal(run.status, 0, run.output);
  assert.match(run.output, /build: wrote and validated _site\//);
  for (const file of Object.keys(stories)) {
    assert.ok(existsSync(join(root, "_site", "news", "2013", "09", "02", file.replace(/\.md$/, ".html"))), file);
  }
  const arabic = readFileSync(join(root, "_site/news/2013/09/02/right-to-left-headline.html"), "utf8");
  assert.match(arabic, /<article class="story" lang="ar" dir="rtl">/);
  assert.match(readFileSync(join(root, "_site/all/index.html"), "utf8"), /<li class="story-item" lang="ar" dir="rtl">/);
  assert.match(readFileSync(join(root, "_site/news/2013/09/02/emoji.html"), "utf8"), /👨‍👩‍👧‍👦/u);
  // An aligned column passes the page checks: aligned by the stylesheet, not a style attribute.
  assert.match(readFileSync(join(root, "_site/news/2013/09/02/aligned-table.html"), "utf8"), /<th class="align-right">Seats<\/th>/);

  // A link to a page that does not exist passes the story checks but not the site's.
  const before = readFileSync(join(root, "_site/news/2013/09/02/one-sentence.html"), "utf8");
  const withLink = `${stories["one-sentence.md"]}\n[The full text](transcript.html)\n`;
  writeFileSync(join(root, "src/news/one-sentence.md"), withLink);
  const broken = buildFixtureSite(root);
  assert.equal(broken.status, 1, broken.output);
  // Told at the story's line that types it, then where its page has it.
  const line = withLink.split("\n").length - 1;
  assert.match(broken.output, new RegExp(`^src/news/one-sentence\\.md:${line}: link: "transcript\\.html" names news/2013/09/02/transcript\\.html, which does not exist \\(expected a file of the site\\); on its page at news/2013/09/02/one-sentence\\.html:\\d+:\\d+ \\[WD404\\]$`, "m"));
  assert.match(broken.output, /build: failed; _site\/ was left as it was\./);
  assert.equal(readFileSync(join(root, "_site/news/2013/09/02/one-sentence.html"), "utf8"), before);
});
