import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test, type TestContext } from "node:test";
import { CheckCache } from "../../../src/lib/check/check-cache.ts";
import { validateSite, type ValidateOptions } from "../../../src/lib/check/validate.ts";
import { formatProblem } from "../../../src/lib/model/problems.ts";
import { page } from "../../support/html-page.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "validate-cache-test-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

const STORY = "news/2013/09/02/talks.html";

/**
 * Two pages with a problem of each kind a page's own check keeps (html-validate's, script,
 * JSON-LD, the budget's facts) and of each kind checked across the site (a missing file, a
 * #fragment, feeds and sitemaps).
 */
const SITE: Record<string, string> = {
  "index.html": page(
    "All news",
    "site.css",
    `<h1>All news</h1>
<img src="photo.svg" width="4" height="4">
<p><a href="${STORY}#body">Talks resume</a> <a href="missing.html">Gone</a></p>
<script>document.title = "x";</script>`,
  ),
  [STORY]: page(
    "Talks resume",
    "../../../../site.css",
    `<h1>Talks resume</h1>
<div id="body"><p><a href="../../../../index.html#main">All news</a></p></div>`,
    `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Talks resume"}</script>\n`,
  ),
  "photo.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>\n`,
  "site.css": "body { margin: 0; }\n",
};

function writeSite(): string {
  const dir = mkdtempSync(join(tempRoot, "site-"));
  for (const [name, text] of Object.entries(SITE)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const options = (cacheDir?: string): ValidateOptions => ({ siteUrl: "https://news.example/", outputs: true, ...(cacheDir ? { cacheDir } : {}) });
const newCacheDir = () => join(mkdtempSync(join(tempRoot, "cache-")), "check");
/** The entries a run kept, by file name (each `<key>.<hash>.json`). */
const entries = (cacheDir: string): string[] => readdirSync(cacheDir).filter((name) => name.endsWith(".json") && name !== "index.json" && name !== "note.json").sort();
/** Whether the entry is the pages the check passed, not a file's record. */
const isPassedPages = (cacheDir: string, name: string): boolean => readFileSync(join(cacheDir, name), "utf8").startsWith('{"files":');
/** The page records a run kept, by file name. */
const recordEntries = (cacheDir: string): string[] => entries(cacheDir).filter((name) => !isPassedPages(cacheDir, name));
/** The entry kept for the page at `path` in `site`. */
function entryOf(cacheDir: string, site: string, path: string): string {
  const key = new CheckCache(cacheDir).key(join(site, path), path, () => readFileSync(join(site, path)));
  const name = recordEntries(cacheDir).find((entry) => entry.startsWith(`${key}.`));
  assert.ok(name, `${path} has a record`);
  return join(cacheDir, name);
}
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
/** Stops the cache's one-line notices reaching the test output, and counts them. */
const notices = (t: TestContext) => t.mock.method(console, "warn", () => undefined);

test("a check with its cache finds what one without finds, cold and then warm", async (t) => {
  const site = writeSite();
  const fresh = await validateSite(site, options());
  const codes = new Set(fresh.problems.map((problem) => `${problem.field} ${problem.code}`));
  for (const code of ["wcag/h37 WD401", "script WD402", "link WD404", "json-ld WD407", "feed-link WD410", "sitemap WD412", "budget WD418"]) {
    assert.ok(codes.has(code), `the site has a ${code} problem to keep`);
  }
  const warn = notices(t);
  const cacheDir = newCacheDir();
  assert.deepEqual(await validateSite(site, options(cacheDir)), fresh);
  assert.equal(recordEntries(cacheDir).length, 2);
  assert.equal(entries(cacheDir).length, 3, "and the pages the check passed");
  assert.deepEqual(await validateSite(site, options(cacheDir)), fresh);
  assert.equal(warn.mock.callCount(), 0);
});

test("a warm check takes each unchanged page's result from the cache", async (t) => {
  notices(t);
  const site = writeSite();
  const cacheDir = newCacheDir();
  await validateSite(site, options(cacheDir));
  // Rewrites index.html's kept record, its name's hash and all, as a cache holding one more problem.
  const entry = entryOf(cacheDir, site, "index.html");
  const record = JSON.parse(readFileSync(entry, "utf8"));
  record.problems.push({ line: 1, column: 1, field: "kept", message: "from the cache", code: "WD400" });
  rewriteEntry(entry, record);

  const { problems } = await validateSite(site, options(cacheDir));
  assert.deepEqual(problems.filter((problem) => problem.field === "kept").map(formatProblem), ["index.html:1:1: kept: from the cache [WD400]"]);
});

/** Replaces a kept record, its name's hash and all, as if the cache had made it so. */
function rewriteEntry(entry: string, record: unknown): void {
  const json = JSON.stringify(record);
  rmSync(entry);
  writeFileSync(entry.replace(/\.[0-9a-f]{64}\.json$/, `.${sha256(json)}.json`), json);
}

test("a whole record whose problems are not of the one problem shape is not trusted: the page is checked afresh", async (t) => {
  notices(t);
  const site = writeSite();
  const cacheDir = newCacheDir();
  const fresh = await validateSite(site, options(cacheDir));
  // As an earlier version kept its problems: a rule where the shape has a field and a code.
  const entry = entryOf(cacheDir, site, "index.html");
  const record = JSON.parse(readFileSync(entry, "utf8"));
  record.problems.push({ line: 1, column: 1, rule: "kept", message: "from an older cache" });
  rewriteEntry(entry, record);

  assert.deepEqual(await validateSite(site, options(cacheDir)), fresh);
});

test("a page whose result is kept still has its links followed: the pages they lead to may have changed", async (t) => {
  notices(t);
  const site = writeSite();
  const cacheDir = newCacheDir();
  const before = await validateSite(site, options(cacheDir));
  writeFileSync(join(site, STORY), readFileSync(join(site, STORY), "utf8").replace('<div id="body">', "<div>"));
  rmSync(join(site, "photo.svg"));
  const after = await validateSite(site, options(cacheDir));
  assert.deepEqual(after, await validateSite(site, options()));
  const added = after.problems.filter((problem) => !before.problems.some((seen) => JSON.stringify(seen) === JSON.stringify(problem)));
  assert.deepEqual(
    added.map(({ file, field, message, code }) => `${file} ${field} ${message} ${code}`),
    [
      `index.html link "photo.svg" names photo.svg, which does not exist (expected a file of the site) WD404`,
      `index.html link "${STORY}#body" has no target: no id="body" in ${STORY} (expected an element with that id) WD405`,
    ],
  );
});

test("a changed page is checked afresh", async (t) => {
  notices(t);
  const site = writeSite();
  const cacheDir = newCacheDir();
  await validateSite(site, options(cacheDir));
  writeFileSync(join(site, STORY), readFileSync(join(site, STORY), "utf8").replace("<h1>", '<h1 style="color: red">'));
  const { problems } = await validateSite(site, options(cacheDir));
  assert.deepEqual(
    problems.filter((problem) => problem.file === STORY && ["WD400", "WD403"].includes(problem.code)).map((problem) => `${problem.field} ${problem.code}`).sort(),
    ["no-inline-style WD400", "style WD403"],
  );
});

test("a feed's or sitemap's own check is kept by its path and bytes: what it lists and its problems come back unchanged, and a changed feed is read afresh", async (t) => {
  notices(t);
  const site = writeSite();
  const feed = (title: string) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link><description>News</description>\n<item><title>Talks resume</title><link>https://news.example/${STORY}</link><guid>https://news.example/${STORY}</guid></item>\n</channel></rss>\n`;
  writeFileSync(join(site, "feed.xml"), feed("Wire Desk"));
  const cacheDir = newCacheDir();
  const fresh = await validateSite(site, options());
  assert.ok(fresh.problems.some(({ file, message }) => file === "feed.xml" && message.startsWith("RSS item 1 has no pubDate")), "the feed has a problem of its own");
  assert.deepEqual(await validateSite(site, options(cacheDir)), fresh);

  // The feed's kept record, told by what it lists, made to hold one more problem and list one more page.
  const entry = recordEntries(cacheDir).find((name) => readFileSync(join(cacheDir, name), "utf8").includes('"listed":{"urls":['));
  assert.ok(entry, "the feed's record is kept");
  const record = JSON.parse(readFileSync(join(cacheDir, entry), "utf8"));
  record.problems.push({ field: "feed", message: "kept", code: "WD411" });
  record.listed.urls.push("https://news.example/kept.html");
  rewriteEntry(join(cacheDir, entry), record);
  const warm = await validateSite(site, options(cacheDir));
  assert.deepEqual(warm.problems.filter(({ file }) => file === "feed.xml").map(({ message }) => message).sort(), [...fresh.problems.filter(({ file }) => file === "feed.xml").map(({ message }) => message), "kept"].sort());

  writeFileSync(join(site, "feed.xml"), feed("Wire Desk News"));
  assert.deepEqual(await validateSite(site, options(cacheDir)), await validateSite(site, options()));
});

interface BadCache {
  name: string;
  /** Spoils the cache a first run left in `cacheDir`. */
  spoil: (cacheDir: string) => void;
  notice: RegExp;
}

const BAD_CACHES: BadCache[] = [
  {
    name: "a truncated record",
    spoil: (cacheDir) => {
      const [entry = ""] = recordEntries(cacheDir);
      truncateSync(join(cacheDir, entry), readFileSync(join(cacheDir, entry)).length - 40);
    },
    notice: /^validate: the page check cache: 1 damaged entry in \S+ ignored and made again$/,
  },
  {
    name: "a garbled record",
    spoil: (cacheDir) => {
      for (const entry of recordEntries(cacheDir)) {
        writeFileSync(join(cacheDir, entry), readFileSync(join(cacheDir, entry), "utf8").replace('"problems":[', '"problems":[{"line":1,"column":1,"field":"x","message":"y","code":"WD400"},'));
      }
    },
    notice: /^validate: the page check cache: 2 damaged entries in \S+ ignored and made again$/,
  },
  {
    name: "a whole record, but another page's",
    spoil: (cacheDir) => {
      const [one = "", other = ""] = recordEntries(cacheDir);
      renameSync(join(cacheDir, other), join(cacheDir, `${other.slice(0, 64)}${one.slice(64)}`));
    },
    notice: /^validate: the page check cache: 1 damaged entry in \S+ ignored and made again$/,
  },
  {
    name: "a regular file where the cache folder should be",
    spoil: (cacheDir) => {
      rmSync(cacheDir, { recursive: true });
      writeFileSync(cacheDir, "a file\n");
    },
    notice: /^validate: the page check cache: could not write \S+ \(E[A-Z]+\), so the next build makes these checks again$/,
  },
];

for (const { name, spoil, notice } of BAD_CACHES) {
  test(`${name} changes nothing found, and is said in one line`, async (t) => {
    const site = writeSite();
    const fresh = await validateSite(site, options());
    const cacheDir = newCacheDir();
    const warn = notices(t);
    await validateSite(site, options(cacheDir));
    spoil(cacheDir);
    warn.mock.resetCalls();
    assert.deepEqual(await validateSite(site, options(cacheDir)), fresh);
    const said = warn.mock.calls.map((call) => String(call.arguments[0]));
    assert.equal(said.length, 1, said.join("\n"));
    assert.match(said[0] ?? "", notice);
    assert.doesNotMatch(said[0] ?? "", /\n/);
  });
}

test("a cache that could be read again is whole after the run that found it spoiled", async (t) => {
  const site = writeSite();
  const cacheDir = newCacheDir();
  const warn = notices(t);
  await validateSite(site, options(cacheDir));
  const [entry = ""] = recordEntries(cacheDir);
  writeFileSync(join(cacheDir, entry), "not a record\n");
  await validateSite(site, options(cacheDir));
  warn.mock.resetCalls();
  await validateSite(site, options(cacheDir));
  assert.equal(warn.mock.callCount(), 0);
});

/** A site whose pages have no problem: each the last check passed. */
const PASSING: Record<string, string> = {
  "index.html": page("All news", "site.css", `<h1>All news</h1>\n<p><a href="${STORY}">Talks resume</a> <a href="about.html">About</a></p>`),
  [STORY]: page("Talks resume", "../../../../site.css", `<h1>Talks resume</h1>\n<p><a href="../../../../index.html">All news</a></p>`),
  "about.html": page("About", "site.css", `<h1 id="desk">About</h1>\n<p><a href="index.html">All news</a></p>`),
  "site.css": "body { margin: 0; }\n",
};

function writeFiles(files: Record<string, string>, dir = mkdtempSync(join(tempRoot, "site-"))): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const linksOnly = (cacheDir?: string): ValidateOptions => ({ siteUrl: "https://news.example/", ...(cacheDir ? { cacheDir } : {}) });
/** The problems, as the build log says them. */
const said = (report: { problems: readonly Parameters<typeof formatProblem>[0][] }) => report.problems.map(formatProblem);

/** Has the page's kept record say one more problem, as a check that read it would report. */
function spoilRecord(cacheDir: string, site: string, path: string): void {
  const entry = entryOf(cacheDir, site, path);
  const record = JSON.parse(readFileSync(entry, "utf8"));
  record.problems.push({ line: 1, column: 1, field: "kept", message: "read from the cache", code: "WD400" });
  rewriteEntry(entry, record);
}

test("a page the last check passed is taken as it was while the site only grows: its record is not read", async (t) => {
  notices(t);
  const site = writeFiles(PASSING);
  const cacheDir = newCacheDir();
  assert.deepEqual(said(await validateSite(site, linksOnly(cacheDir))), []);
  assert.equal(entries(cacheDir).filter((name) => isPassedPages(cacheDir, name)).length, 1, "the passed pages are kept");
  spoilRecord(cacheDir, site, "about.html");
  writeFiles({ "more.html": page("More", "site.css", `<h1>More</h1>\n<p><a href="about.html#desk">About</a></p>`) }, site);
  assert.deepEqual(said(await validateSite(site, linksOnly(cacheDir))), []);
  // Passed again, so still not read; the pages passed before are kept once, not twice.
  assert.deepEqual(said(await validateSite(site, linksOnly(cacheDir))), []);
  assert.equal(entries(cacheDir).filter((name) => isPassedPages(cacheDir, name)).length, 1);

  // Changed, the page is read and checked as any other.
  writeFiles({ "about.html": PASSING["about.html"]?.replace("<h1", '<h1 style="color: red"') ?? "" }, site);
  assert.deepEqual(await validateSite(site, linksOnly(cacheDir)), await validateSite(site, linksOnly()));
});

test("once a file the passed site had is gone, every page's links are followed again", async (t) => {
  notices(t);
  const site = writeFiles(PASSING);
  const cacheDir = newCacheDir();
  await validateSite(site, linksOnly(cacheDir));
  rmSync(join(site, "about.html"));
  const after = await validateSite(site, linksOnly(cacheDir));
  assert.deepEqual(after, await validateSite(site, linksOnly()));
  assert.deepEqual(said(after), ['index.html:11:58: link: "about.html" names about.html, which does not exist (expected a file of the site) [WD404]']);
});

test("a passed page that names an id in another page has its links followed every time", async (t) => {
  notices(t);
  const site = writeFiles({ ...PASSING, "index.html": page("All news", "site.css", `<h1>All news</h1>\n<p><a href="about.html#desk">About</a></p>`) });
  const cacheDir = newCacheDir();
  assert.deepEqual(said(await validateSite(site, linksOnly(cacheDir))), []);
  writeFiles({ "about.html": PASSING["about.html"]?.replace(' id="desk"', "") ?? "" }, site);
  const after = await validateSite(site, linksOnly(cacheDir));
  assert.deepEqual(after, await validateSite(site, linksOnly()));
  assert.deepEqual(said(after), ['index.html:11:4: link: "about.html#desk" has no target: no id="desk" in about.html (expected an element with that id) [WD405]']);
});

test("a passed page's photo gone from the media folder is found", async (t) => {
  notices(t);
  const media = { url: "https://media.example/photos/", folder: mkdtempSync(join(tempRoot, "media-")) };
  writeFileSync(join(media.folder, "talks.jpg"), "a photo\n");
  const site = writeFiles({ ...PASSING, "about.html": page("About", "site.css", `<h1>About</h1>\n<img src="${media.url}talks.jpg" alt="The talks" width="4" height="4">`) });
  const withMedia = (cacheDir?: string): ValidateOptions => ({ ...linksOnly(cacheDir), media });
  const cacheDir = newCacheDir();
  assert.deepEqual(said(await validateSite(site, withMedia(cacheDir))), []);
  rmSync(join(media.folder, "talks.jpg"));
  const after = await validateSite(site, withMedia(cacheDir));
  assert.deepEqual(after, await validateSite(site, withMedia()));
  assert.equal(after.problems.length, 1);
  assert.match(said(after)[0] ?? "", /^about\.html:11:1: link: .*names a photo the build did not publish/);
});

test("pages passed under another site URL are not taken as passed", async (t) => {
  notices(t);
  const site = writeFiles({ ...PASSING, "about.html": page("About", "site.css", `<h1>About</h1>\n<p><a href="https://news.example/index.html">All news</a></p>`) });
  const cacheDir = newCacheDir();
  assert.deepEqual(said(await validateSite(site, { ...linksOnly(cacheDir), siteUrl: "https://other.example/" })), []);
  const after = await validateSite(site, linksOnly(cacheDir));
  assert.deepEqual(after, await validateSite(site, linksOnly()));
  assert.equal(after.problems[0]?.code, "WD406");
});
