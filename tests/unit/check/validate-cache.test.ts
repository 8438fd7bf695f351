import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test, type TestContext } from "node:test";
import { moduleSources } from "../../../src/lib/check/check-fingerprint.ts";
import { pageKey } from "../../../src/lib/check/page-cache.ts";
import { validateSite, type ValidateOptions } from "../../../src/lib/check/validate.ts";
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
const cacheFile = (cacheDir: string) => join(cacheDir, "pages.ndjson");
/** Stops the cache's one-line notices reaching the test output, and counts them. */
const notices = (t: TestContext) => t.mock.method(console, "warn", () => undefined);

test("a check with its cache finds what one without finds, cold and then warm", async (t) => {
  const site = writeSite();
  const fresh = await validateSite(site, options());
  const rules = new Set(fresh.problems.map((problem) => problem.rule));
  for (const rule of ["wcag/h37", "no-script", "internal-links", "json-ld", "feed-links", "sitemap", "budget"]) {
    assert.ok(rules.has(rule), `the site has a ${rule} problem to keep`);
  }
  const warn = notices(t);
  const cacheDir = newCacheDir();
  assert.deepEqual(await validateSite(site, options(cacheDir)), fresh);
  assert.ok(existsSync(cacheFile(cacheDir)));
  assert.deepEqual(await validateSite(site, options(cacheDir)), fresh);
  assert.equal(warn.mock.callCount(), 0);
});

test("a warm check takes each unchanged page's result from the cache", async (t) => {
  notices(t);
  const site = writeSite();
  const cacheDir = newCacheDir();
  await validateSite(site, options(cacheDir));
  // Rewrites index.html's kept record, checksum and all, as a cache holding one more problem.
  const key = pageKey("index.html", readFileSync(join(site, "index.html")));
  const lines = readFileSync(cacheFile(cacheDir), "utf8").split("\n");
  const at = lines.findIndex((line) => line.startsWith(`${key}\t`));
  assert.ok(at > 0, "index.html has a record");
  const record = JSON.parse((lines[at] ?? "").split("\t")[2] ?? "");
  record.problems.push({ line: 1, column: 1, rule: "kept", message: "from the cache" });
  const json = JSON.stringify(record);
  lines[at] = `${key}\t${createHash("sha256").update(key).update("\t").update(json).digest("base64url")}\t${json}`;
  writeFileSync(cacheFile(cacheDir), lines.join("\n"));

  const { problems } = await validateSite(site, options(cacheDir));
  assert.deepEqual(problems.filter((problem) => problem.rule === "kept").map((problem) => problem.file), ["index.html"]);
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
    added.map(({ file, rule, message }) => `${file} ${rule} ${message}`),
    [
      `index.html internal-links "photo.svg" names photo.svg, which does not exist`,
      `index.html internal-links "${STORY}#body" has no target: no id="body" in ${STORY}`,
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
    problems.filter((problem) => problem.file === STORY && problem.rule.startsWith("no-inline")).map((problem) => problem.rule).sort(),
    ["no-inline-css", "no-inline-style"],
  );
});

interface BadCache {
  name: string;
  /** Spoils the cache a first run left in `cacheDir`. */
  spoil: (cacheDir: string) => void;
  notice: RegExp;
}

const BAD_CACHES: BadCache[] = [
  {
    name: "a truncated cache file",
    spoil: (cacheDir) => truncateSync(cacheFile(cacheDir), readFileSync(cacheFile(cacheDir)).length - 40),
    notice: /held 1 unreadable record, so that page was checked afresh$/,
  },
  {
    name: "a garbled record",
    spoil: (cacheDir) => writeFileSync(cacheFile(cacheDir), readFileSync(cacheFile(cacheDir), "utf8").replace('"problems":[', '"problems":[{"line":1,"column":1,"rule":"x","message":"y"},')),
    notice: /held \d unreadable records?, so (those pages were|that page was) checked afresh$/,
  },
  {
    name: "a cache made by another version of the checks",
    spoil: (cacheDir) => {
      const [header = "", ...rest] = readFileSync(cacheFile(cacheDir), "utf8").split("\n");
      writeFileSync(cacheFile(cacheDir), [header.replace(/"fingerprint":"[^"]*"/, '"fingerprint":"html-validate 9"'), ...rest].join("\n"));
    },
    notice: /was made by other checks .*, so every page was checked afresh$/,
  },
  {
    name: "a file that is no cache at all",
    spoil: (cacheDir) => writeFileSync(cacheFile(cacheDir), "\u0000\u00ff not a cache\n{]"),
    notice: /was unreadable, so every page was checked afresh$/,
  },
  {
    name: "a regular file where the cache folder should be",
    spoil: (cacheDir) => {
      rmSync(cacheDir, { recursive: true });
      writeFileSync(cacheDir, "a file\n");
    },
    notice: /could not be read \(.+\), so every page was checked afresh; it could not be saved \(.+\)$/,
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
    assert.match(said[0] ?? "", /^validate: the page check cache \S+ /);
    assert.match(said[0] ?? "", notice);
    assert.doesNotMatch(said[0] ?? "", /\n/);
  });
}

test("a cache that could be read again is whole after the run that found it spoiled", async (t) => {
  const site = writeSite();
  const cacheDir = newCacheDir();
  const warn = notices(t);
  await validateSite(site, options(cacheDir));
  writeFileSync(cacheFile(cacheDir), "not a cache\n");
  await validateSite(site, options(cacheDir));
  warn.mock.resetCalls();
  await validateSite(site, options(cacheDir));
  assert.equal(warn.mock.callCount(), 0);
});

test("the cache's fingerprint covers every module a page's check runs", () => {
  const modules = [...moduleSources(new URL("../../../src/lib/check/page-check.ts", import.meta.url)).keys()];
  for (const module of ["page-check.ts", "markup-validator.ts", "parse-page.ts", "script-and-style.ts", "page-references.ts", "validate-outputs.ts", "validate-budget.ts", "page-weight.ts", "../outputs/security.ts"]) {
    assert.ok(modules.includes(module), `${module} is in ${modules.join(", ")}`);
  }
});
