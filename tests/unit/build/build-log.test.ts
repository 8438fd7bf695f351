import assert from "node:assert/strict";
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
