/**
 * Random stories through the real build, in this process: every stage up to the project's checks.
 * Every run must either publish pages that pass validation, or refuse the story with
 * problems in the path:line: field: problem form; never anything else.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { stringify } from "yaml";
import { build } from "../../src/lib/build/build.ts";
import { formatProblem } from "../../src/lib/model/problems.ts";
import { makeFixtureSite } from "../support/fixture-site.ts";

const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "javascript:alert(1)",
  "JaVa\tScRiPt:alert(1)",
  '" onmouseover="alert(1)',
  "{{ 7 * 7 }}",
  "{% raw %}",
  "&#106;avascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "\u202Eevil\u202C",
  "مرحبا",
  "北京",
  "👨‍👩‍👧‍👦",
  "e\u0301",
];

const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 30 }), fc.string({ unit: "grapheme", maxLength: 30 }));
const fieldValue = fc.oneof(
  text,
  fc.constantFrom("2013-09-02", "2013-09-02T15:40", "2013-02-30", "MOSCOW", "Europe/Moscow", "ar", "rtl"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.record({ src: fc.constantFrom("photo.svg", "../x.png", "javascript:alert(1)"), alt: text, credit: text }, { requiredKeys: [] }),
);

const validStory = { title: "Talks resume", lead: "A lead.", date: "2013-09-02", dateline: "MOSCOW" };
const FIELDS = ["title", "lead", "date", "dateline", "timezone", "source", "photo", "tags", "draft", "updated", "corrections", "sample", "lang", "dir", "wire", "withdrawn", "datline", "permalink", "layout"];

/** Front matter: the valid story with some fields replaced, removed or added. */
const frontMatter = fc
  .dictionary(fc.constantFrom(...FIELDS), fc.option(fieldValue), { maxKeys: 4 })
  .map((changes) => {
    const fields: Record<string, unknown> = { ...validStory };
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) delete fields[name];
      else fields[name] = value;
    }
    return fields;
  });

const markdownPiece = fc.oneof(
  fc.constantFrom(
    "Plain words.",
    "[link](javascript:alert(1))",
    "[link](https://example.com/)",
    "[mail](mailto:desk@example.com)",
    "![A photo](photo.svg)",
    "![](photo.svg)",
    "![Remote](https://example.com/x.png)",
    "<a href=\"javascript:alert(1)\" id=main>x</a>",
    "# Heading {#main}",
    "> quote\n> > nested",
    "- a\n  - b",
    "`code <script>`",
    "```\n<script>alert(1)</script>\n```",
    "<!-- comment -->",
    "*emphasis* **strong** _under_",
    "| a | b |\n|---|---|\n| <b>x</b> | y |",
  ),
  text,
);
const body = fc
  .tuple(fc.array(markdownPiece, { maxLength: 8 }), fc.constantFrom(" ", "\n", "\n\n"))
  .map(([pieces, separator]) => pieces.join(separator));

const PROBLEM_LINE = /^src\/news\/[^:\n]+:\d+: [^:\n]+: .+$/;

test("random stories either build into valid pages or are refused with located problems", { timeout: 300_000 }, async (t) => {
  const root = makeFixtureSite({ "photo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"></svg>' });
  // As on a desk's own machine: for the local address, even on a CI runner.
  const env = { ...process.env, SITE_URL: "http://localhost:8080/" };
  let built = 0;
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(frontMatter, body, async (fields, markdown) => {
      writeFileSync(join(root, "src/news/story.md"), `---\n${stringify(fields)}---\n\n${markdown}\n`);
      const output = `out-${built + refused}`;
      const { ok, report } = await build(root, { output, env });
      assert.ok(report.stories, "the build reports on its stories");
      if (report.stories.errors.length > 0) {
        for (const line of report.stories.errors.map(formatProblem)) assert.match(line, PROBLEM_LINE);
        assert.equal(ok, false);
        refused += 1;
        return;
      }
      assert.deepEqual(report.check?.problems, [], JSON.stringify(fields));
      assert.ok(ok);
      const site = join(root, output);
      for (const page of readdirSync(site, { recursive: true }).map(String).filter((file) => file.endsWith(".html"))) {
        // The search page runs the site's own scripts, and only those (the check holds it to that too).
        const own = /(^|\/)search\/index\.html$/.test(page.split(sep).join("/")) ? /<script src="(?:\.\.\/)+assets\/[a-z-]+\.[0-9a-f]{10}\.js" defer><\/script>/g : /$^/g;
        const html = readFileSync(join(site, page), "utf8").replace(own, "");
        assert.doesNotMatch(html, /<script(?![^>]*application\/ld\+json)|<[a-z][^>]*\son[a-z]+=|(?:href|src)="\s*javascript:/i, page);
      }
      rmSync(site, { recursive: true, force: true });
      built += 1;
    }),
    { numRuns: 25, seed: 20130902 },
  );
  t.diagnostic(`${built} built, ${refused} refused`);
  assert.ok(built > 0 && refused > 0, `both outcomes are exercised: ${built} built, ${refused} refused`);
});
