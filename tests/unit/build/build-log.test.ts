import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { buildLog } from "../../../src/lib/build/build-log.ts";
import type { BuildResult } from "../../../src/lib/build/build.ts";
import type { PlannedPage } from "../../../src/lib/eleventy/rendered-pages.ts";

const page = (url: string, file: string): PlannedPage => ({ url, file, key: "k", view: "v", rendered: true, reason: "new" });

test("a page problem on a story's page names the story file it is made from; other pages' problems are as the check found them", () => {
  const result: BuildResult = {
    ok: false,
    settingProblems: [],
    pages: [page("/news/2024/03/15/lk.html", "news/2024/03/15/lk.html"), page("/all/", "all/index.html")],
    files: [],
    report: {
      stories: undefined,
      check: {
        pages: 2,
        stylesheets: 1,
        problems: [
          { file: "all/index.html", line: 4, column: 2, field: "link", message: '"x.html" names all/x.html, which does not exist (expected a file of the site)', code: "WD404" },
          { file: "news/2024/03/15/lk.html", line: 85, column: 108, field: "link", message: '"../14/gone.html" names news/2024/03/14/gone.html, which does not exist (expected a file of the site)', code: "WD404" },
        ],
      },
      size: undefined,
      media: undefined,
      timings: [],
      caches: [],
      sources: { "/news/2024/03/15/lk.html": "src/news/lk/index.md" },
    },
  };
  assert.deepEqual(
    buildLog(result).map(({ text }) => text),
    [
      'all/index.html:4:2: link: "x.html" names all/x.html, which does not exist (expected a file of the site) [WD404]',
      'news/2024/03/15/lk.html:85:108: link: "../14/gone.html" names news/2024/03/14/gone.html, which does not exist (expected a file of the site); made from src/news/lk/index.md [WD404]',
      "validate: 2 problems in 2 files",
    ],
  );
});

test("a broken link a story's text makes is told at its line in the story file, as typed, and where its page has it; a link twice, at each line in turn", (t) => {
  const folder = mkdtempSync(join(tmpdir(), "build-log-"));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const story = join(folder, "lk.md");
  writeFileSync(story, ["---", 'title: "Lake levels"', "---", "", "See [yesterday's story](/news/2024/03/14/gone/)", "and [the chart](chart.png).", "", "Again: [yesterday's story](/news/2024/03/14/gone/)."].join("\n"));
  const problem = (line: number, href: string, target: string) => ({ file: "news/2024/03/15/lk.html", line, column: 4, field: "link", message: `"${href}" names ${target}, which does not exist (expected a file of the site)`, code: "WD404" as const });
  const result: BuildResult = {
    ok: false,
    settingProblems: [],
    pages: [page("/news/2024/03/15/lk.html", "news/2024/03/15/lk.html")],
    files: [],
    report: {
      stories: undefined,
      check: {
        pages: 1,
        stylesheets: 1,
        problems: [
          problem(80, "../14/gone/index.html", "news/2024/03/14/gone/index.html"),
          problem(81, "chart.png", "news/2024/03/15/chart.png"),
          problem(83, "../14/gone/index.html", "news/2024/03/14/gone/index.html"),
          // A link of the page's own, not typed in the story.
          problem(12, "../../../all/index.html", "all/index.html"),
        ],
      },
      size: undefined,
      media: undefined,
      timings: [],
      caches: [],
      sources: { "/news/2024/03/15/lk.html": story },
    },
  };
  assert.deepEqual(
    buildLog(result).map(({ text }) => text.replaceAll(folder, "<story folder>")),
    [
      '<story folder>/lk.md:5: link: "/news/2024/03/14/gone/" names news/2024/03/14/gone/index.html, which does not exist (expected a file of the site); on its page at news/2024/03/15/lk.html:80:4 [WD404]',
      '<story folder>/lk.md:6: link: "chart.png" names news/2024/03/15/chart.png, which does not exist (expected a file of the site); on its page at news/2024/03/15/lk.html:81:4 [WD404]',
      '<story folder>/lk.md:8: link: "/news/2024/03/14/gone/" names news/2024/03/14/gone/index.html, which does not exist (expected a file of the site); on its page at news/2024/03/15/lk.html:83:4 [WD404]',
      `news/2024/03/15/lk.html:12:4: link: "../../../all/index.html" names all/index.html, which does not exist (expected a file of the site); made from ${folder}/lk.md [WD404]`.replaceAll(folder, "<story folder>"),
      "validate: 4 problems in 2 files",
    ],
  );
});

test("a draft's address in the feeds, there because a story links it, is told with the line of that link", (t) => {
  const folder = mkdtempSync(join(tmpdir(), "build-log-"));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const story = join(folder, "follow.md");
  writeFileSync(story, ["---", 'title: "Plan follows"', "---", "", "See [the plan](plan.html)."].join("\n"));
  const shows = (file: string) => ({ file, field: "withheld", message: "shows src/news/plan.md, which is draft at the build moment (expected no trace of it before it is published)", code: "WD415" as const });
  const result: BuildResult = {
    ok: false,
    settingProblems: [],
    pages: [page("/news/2024/03/15/follow.html", "news/2024/03/15/follow.html")],
    files: [],
    report: {
      stories: { errors: [], warnings: [], notices: [], withheld: [{ file: "src/news/plan.md", url: "/news/2024/03/15/plan.html", state: "draft" }] },
      check: {
        pages: 1,
        stylesheets: 1,
        problems: [
          shows("atom.xml"),
          { file: "news/2024/03/15/follow.html", line: 80, column: 4, field: "link", message: '"plan.html" names news/2024/03/15/plan.html, which does not exist (expected a file of the site)', code: "WD404" },
          // Another draft, which nothing links: its line is as the check found it.
          { ...shows("feed.xml"), message: "shows src/news/other.md, which is draft at the build moment (expected no trace of it before it is published)" },
        ],
      },
      size: undefined,
      media: undefined,
      timings: [],
      caches: [],
      sources: { "/news/2024/03/15/follow.html": story },
    },
  };
  assert.deepEqual(
    buildLog(result)
      .map(({ text }) => text.replaceAll(folder, "<story folder>"))
      .filter((text) => text.includes("[WD")),
    [
      "atom.xml: withheld: shows src/news/plan.md, which is draft at the build moment (expected no trace of it before it is published); its address is there as the text links it at <story folder>/follow.md:5 [WD415]",
      '<story folder>/follow.md:5: link: "plan.html" names news/2024/03/15/plan.html, which does not exist (expected a file of the site); on its page at news/2024/03/15/follow.html:80:4 [WD404]',
      "feed.xml: withheld: shows src/news/other.md, which is draft at the build moment (expected no trace of it before it is published) [WD415]",
    ],
  );
});

test("refused settings are the build's only lines before its last: no cache line, as no cache was used", () => {
  const result: BuildResult = {
    ok: false,
    settingProblems: [{ file: "", field: "BUILD_MOMENT", message: 'got "soon" (expected an instant with Z or an offset)', code: "WD305" }],
    pages: [],
    files: [],
    report: { stories: undefined, check: undefined, size: undefined, media: undefined, timings: [], caches: ["cache .cache: stories 0 read, 0 reused"], sources: {} },
  };
  assert.deepEqual(buildLog(result).map(({ text }) => text), ['BUILD_MOMENT: got "soon" (expected an instant with Z or an offset) [WD305]']);
});
