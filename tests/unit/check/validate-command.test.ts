import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { checkedSiteUrl, validateCommand } from "../../../src/lib/check/validate-command.ts";
import { page } from "../../support/html-page.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "validate-command-test-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

/** A site of `count` story pages and an index linking to each, one of them to a page that is not there when `broken`. */
function writeSite(count: number, { broken = false } = {}): string {
  const dir = mkdtempSync(join(tempRoot, "site-"));
  mkdirSync(join(dir, "news"));
  writeFileSync(join(dir, "site.css"), "body { margin: 0; }\n");
  const names = Array.from({ length: count }, (_, index) => `p${String(index).padStart(2, "0")}.html`);
  const links = names.map((name) => `<li><a href="news/${name}">${name}</a></li>`).join("\n");
  writeFileSync(join(dir, "index.html"), page("All news", "site.css", `<h1>All news</h1>\n<ul>\n${links}\n</ul>${broken ? '\n<p><a href="gone.html">Gone</a></p>' : ""}`));
  for (const name of names) writeFileSync(join(dir, "news", name), page(name, "../site.css", `<h1>${name}</h1>\n<p><a href="../index.html">All news</a></p>`));
  return dir;
}

/** Runs the command as a log (no terminal) would see it, on a clock that moves `stepMs` each time it is read; its output and exit code. */
async function run(dir: string, { quiet = false, stepMs = 0 } = {}) {
  let clock = 0;
  const out: string[] = [];
  const errors: string[] = [];
  const output = { quiet, terminal: false, write: (text: string) => void out.push(text), error: (line: string) => void errors.push(line), now: () => (clock += stepMs) };
  const code = await validateCommand(dir, {}, output);
  return { code, out: out.join(""), errors };
}

test("in a log, the check says how far it is every ten seconds, then prints its report", async () => {
  // Each reading of the clock eleven seconds on: every count is a line.
  const { code, out, errors } = await run(writeSite(3), { stepMs: 11_000 });
  assert.equal(code, 0);
  assert.deepEqual(errors, []);
  const lines = out.split("\n");
  assert.equal(lines.at(-2), "validate: 4 pages, 1 stylesheet checked: no problems");
  assert.equal(lines.at(-1), "", "every line ends");
  const progress = lines.slice(0, -2);
  assert.equal(progress[0], "validate: pages checked 0/4");
  assert.equal(progress.at(-1)?.replace(/, .*$/, ""), "validate: pages checked 4/4");
  for (const line of progress) assert.match(line, /^validate: pages checked [0-4]\/4(, [\d.]+ pages\/(s|min)(, about .+ left)?)?$/);
});

test("a check shorter than ten seconds prints its report alone", async () => {
  const { code, out } = await run(writeSite(3), { stepMs: 1 });
  assert.equal(code, 0);
  assert.equal(out, "validate: 4 pages, 1 stylesheet checked: no problems\n");
});

test("--quiet prints the problems and the last line, however long the check takes", async () => {
  const dir = writeSite(3, { broken: true });
  const report = 'index.html:16:4: link: "gone.html" names gone.html, which does not exist (expected a file of the site) [WD404]\nvalidate: 1 problem in 1 file\n';
  const quiet = await run(dir, { quiet: true, stepMs: 11_000 });
  assert.equal(quiet.code, 1);
  assert.equal(quiet.out, report);
  const told = await run(dir, { stepMs: 11_000 });
  assert.equal(told.code, 1);
  assert.ok(told.out.endsWith(report) && told.out.length > report.length, told.out);
});

test("a folder with no site is one line on standard error, and nothing else", async () => {
  const { code, out, errors } = await run(join(tempRoot, "no-such-folder"), { stepMs: 11_000 });
  assert.equal(code, 2);
  assert.equal(out, "");
  assert.deepEqual(errors, [`validate: no site folder at ${join(tempRoot, "no-such-folder")}`]);
});

test("a site is checked at the address it was built for, which its robots.txt names; a SITE_URL that disagrees is one problem", () => {
  const built = new URL("https://example.org/news/");
  assert.deepEqual(checkedSiteUrl("http://localhost:8080/", false, built, "_site"), { url: "https://example.org/news/", said: "checking _site at https://example.org/news/, the address it was built for (its robots.txt)" });
  assert.deepEqual(checkedSiteUrl("https://example.org/news/", true, built, "_site"), { url: "https://example.org/news/" });
  assert.deepEqual(checkedSiteUrl("https://example.org/", true, built, "_site"), {
    problem: "SITE_URL is https://example.org/, but _site was built for https://example.org/news/, as its robots.txt says (expected the SITE_URL the build used, or none)",
  });
  assert.deepEqual(checkedSiteUrl("http://localhost:8080/", false, undefined, "pages"), { url: "http://localhost:8080/" }, "a folder that names no address is checked at the settings'");
});
