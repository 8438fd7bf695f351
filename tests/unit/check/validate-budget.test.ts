import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { validateSite } from "../../../src/lib/check/validate.ts";
import { hashedPath } from "../../../src/lib/media/assets.ts";

const CSS = "body { margin: 0 }\n";
const STYLESHEET = hashedPath("assets/site.css", CSS);

function page(head: string, body = "<p>Talks resume.</p>"): string {
  return `<!doctype html>\n<html lang="en">\n<head>\n<title>Talks</title>\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

const goodHead = `<link rel="stylesheet" href="../../../../${STYLESHEET}">\n<script type="application/ld+json">{"@type": "NewsArticle"}</script>`;

/** A site with `files` (path -> contents) and the hashed stylesheet; returns the budget's problems, by file, as the build's check finds them. */
async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "budget-test-"));
  for (const [path, contents] of Object.entries({ [STYLESHEET]: CSS, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  try {
    const { problems } = await validateSite(dir, { siteUrl: "https://news.example.org/", outputs: true });
    return problems.filter(({ code }) => code === "WD418").map(({ file, message }) => `${file}: ${message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What TCP's first round trip carries, and what a story's page and its stylesheet must fit in: 14 KB. */
const FIRST_ROUND_TRIP = 14 * 1024;

/** Text gzip cannot shrink, to push a page over the budget. */
const incompressible = (bytes: number): string => randomBytes(bytes).toString("base64");

test("a small story page with one hashed stylesheet and JSON-LD is within budget", async () => {
  assert.deepEqual(await problemsOf({ "news/2013/09/02/talks.html": page(goodHead) }), []);
});

test("a story page whose HTML and CSS pass the first round trip is reported with its size", async () => {
  const [problem = ""] = await problemsOf({ "news/2013/09/02/talks.html": page(goodHead, `<p>${incompressible(FIRST_ROUND_TRIP)}</p>`) });
  assert.match(problem, new RegExp(`^news/2013/09/02/talks\\.html: HTML and CSS, without the story's text, are \\d+ bytes gzipped \\(expected at most 14336, what the first round trip carries\\)$`));
});

test("a story's own text does not count: a long story still publishes, its page's markup is what the budget holds", async () => {
  const longStory = `<div class="story-body"><p>${incompressible(FIRST_ROUND_TRIP)}</p></div>`;
  assert.deepEqual(await problemsOf({ "news/2013/09/02/talks.html": page(goodHead, longStory) }), []);
});

test("a long list page is not held to the story page's size budget", async () => {
  assert.deepEqual(await problemsOf({ "archive/2013/09/02/index.html": page(`<link rel="stylesheet" href="../../../../${STYLESHEET}">`, `<p>${incompressible(FIRST_ROUND_TRIP)}</p>`) }), []);
});

test("any script is over budget, inline or fetched; JSON data blocks are not script", async () => {
  assert.deepEqual(await problemsOf({ "news/2013/09/02/talks.html": page(`${goodHead}\n<script>let a = 1;</script>`) }), [
    "news/2013/09/02/talks.html: 10 bytes of JavaScript (expected none: every page works without script)",
  ]);
  const fetched = await problemsOf({ "news/2013/09/02/talks.html": page(goodHead, '<script src="app.js" defer></script>'), "news/2013/09/02/app.js": "console.log(1);\n" });
  assert.deepEqual(fetched, ["news/2013/09/02/talks.html: 16 bytes of JavaScript (expected none: every page works without script)"]);
});

test("a second stylesheet, an @import or a web font is a request too many before the first paint", async () => {
  const expected = "news/2013/09/02/talks.html: 3 requests before the first paint (expected at most 2: the page and one stylesheet, with no @import or web font)";
  const second = page(`${goodHead}\n<link rel="stylesheet" href="../../../../${hashedPath("assets/print.css", CSS)}">`);
  assert.deepEqual(await problemsOf({ "news/2013/09/02/talks.html": second, [hashedPath("assets/print.css", CSS)]: CSS }), [expected]);
  for (const rule of ['@import "fonts.css";', '@font-face { font-family: Serif; src: url(serif.woff2); }']) {
    const css = `${rule}\n${CSS}`;
    const name = hashedPath("assets/site.css", css);
    assert.deepEqual(await problemsOf({ "news/2013/09/02/talks.html": page(`<link rel="stylesheet" href="../../../../${name}">`), [name]: css }), [expected]);
  }
});

test("a stylesheet whose name does not carry its contents' hash is reported", async () => {
  const stale = hashedPath("assets/site.css", "an older version");
  const problems = await problemsOf({ "index.html": page('<link rel="stylesheet" href="assets/site.css">'), "assets/site.css": CSS, [stale]: CSS, "news/2013/09/02/talks.html": page(`<link rel="stylesheet" href="../../../../${stale}">`) });
  assert.deepEqual(problems, [
    "index.html: links assets/site.css, whose name does not carry its contents' hash (expected a name like site.<hash>.css, so hosts can cache it for good)",
    `news/2013/09/02/talks.html: links ${stale}, whose name does not carry its contents' hash (expected a name like site.<hash>.css, so hosts can cache it for good)`,
  ]);
});
