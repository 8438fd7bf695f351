/**
 * Each code of the site check (WD400-WD418), found by the check the build runs, on one small site
 * with a fault of each kind; the editor's guide's example line of each is a line it prints.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { validateSite } from "../../../src/lib/check/validate.ts";
import { formatReport } from "../../../src/lib/check/site-problems.ts";
import { PROBLEM_CODES } from "../../../src/lib/model/problems.ts";
import type { WithheldStory } from "../../../src/lib/model/story-report.ts";
import { goodSite } from "../../support/output-site.ts";
import { site } from "../../support/story-views.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const tempRoot = mkdtempSync(join(tmpdir(), "site-problem-codes-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

const STORY = "news/moscow-denuclearization-talks.html";
const draft: WithheldStory = { file: "src/news/plans.md", url: "/news/plans.html", state: "draft" };
const withdrawn: WithheldStory = { file: "src/news/killed.md", url: "/news/killed.html", state: "withdrawn" };

/** The good site, with one fault of each kind the site check knows. */
function faultySite(): Record<string, string> {
  const files = goodSite();
  const change = (file: string, from: string | RegExp, to: string) => {
    const before = files[file] ?? "";
    files[file] = before.replace(from, to);
    assert.notEqual(files[file], before, `${file} has ${String(from)} to change`);
  };
  const body = [
    '<p><img src="photo.svg" width="12" height="8" lodaing="lazy"></p>',
    '<p onclick="share()">Share</p>',
    '<p style="color: red">Breaking</p>',
    '<p><a href="markets.html">Markets</a> <a href="#corrections">Corrections</a> <a href="/topics/north-korea/index.html">North Korea</a></p>',
    '<p><img src="https://cdn.example/photo.jpg" alt="Talks" width="12" height="8"></p>',
  ];
  change(STORY, "<body><p>Text</p>", `<body>\n${body.join("\n")}\n<p>Text</p>`);
  change(STORY, /"dateline":"[^"]*",/, "");
  change(STORY, /<link rel="alternate" type="application\/atom\+xml"[^>]*>/, "");
  change(STORY, "</head>", `<link rel="alternate" hreflang="ru" href="${site.url}ru/${STORY}">\n</head>`);
  files["news/photo.svg"] = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 12 8"><rect width="12" height="8"/></svg>\n';
  change("index.html", "</head>", '<link rel="stylesheet" href="site.css">\n</head>');
  change("index.html", "<p>Text</p>", '<p><a href="news/killed.html">Earlier</a></p>');
  files["site.css"] = "body { margin: 0; }\n";
  change("feed.xml", /<guid[^>]*>[^<]*<\/guid>/, "");
  change("atom.xml", "</feed>", '<entry><title>Plans &amp; rumours</title><link rel="related" href="https://example.github.io/newsroom/news/plans.html"/></entry></feed>');
  files["ru/news-sitemap.xml"] = files["news-sitemap.xml"] ?? "";
  change("robots.txt", /Sitemap: \S+\n/, "");
  return files;
}

async function checkedLines(): Promise<string[]> {
  const dir = mkdtempSync(join(tempRoot, "site-"));
  for (const [name, text] of Object.entries(faultySite())) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return formatReport(await validateSite(dir, { siteUrl: site.url, outputs: true, withheld: [draft, withdrawn] }));
}

/** The site check's codes the guide lists, with their example lines: those a browser finds (WD42x) are the deploy gate's. */
function guideExamples(): { code: string; example: string }[] {
  const guide = readFileSync(join(ROOT, "docs", "editors-guide.md"), "utf8");
  return [...guide.matchAll(/^\| (WD4[01]\d) \| .+? \| `(.+)` \|$/gm)].map(([, code, example]) => ({ code: code!, example: example! }));
}

test("a site with a fault of each kind gets each code of the site check, and the guide's example lines are lines it prints", async () => {
  const lines = await checkedLines();
  const codes = Object.keys(PROBLEM_CODES).filter((code) => /^WD4[01]\d$/.test(code));
  assert.deepEqual(codes.filter((code) => !lines.some((line) => line.includes(` [${code}]`))), [], lines.join("\n"));
  const examples = guideExamples();
  assert.deepEqual(examples.map(({ code }) => code), codes);
  for (const { code, example } of examples) assert.ok(lines.includes(example), `${code}'s example is not printed:\n${example}\n\n${lines.join("\n")}`);
  assert.match(lines.at(-1) ?? "", /^validate: \d+ problems in \d+ files$/);
});
