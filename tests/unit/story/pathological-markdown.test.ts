import assert from "node:assert/strict";
import { test } from "node:test";
import { createMarkdown } from "../../../src/lib/story/markdown.ts";
import { checkBody, MAX_BODY_ELEMENTS } from "../../../src/lib/story/story-body.ts";
import { pathologicalInputs } from "../../support/pathological-markdown.ts";

const md = createMarkdown();
const env = { article: { valid: true, datelineParts: ["MOSCOW,", "September 2", "(Wire Desk) -"] }, page: { filePathStem: "/news/x" } };

/** The inputs the element limit refuses, with the count of elements their problem names; every other input renders. */
const REFUSED: Readonly<Record<string, number>> = {
  "1 MB of alternating *_ markers": 333_334,
  "1 MB of unmatched **a markers": 166_667,
  "85,000 links in a row": 85_001,
  "20,000 lines of nested emphasis": 80_001,
};

test("every refusal expected is of an input that exists", () => {
  const names = new Set(pathologicalInputs().map(({ name }) => name));
  assert.deepEqual(Object.keys(REFUSED).filter((name) => !names.has(name)), []);
});

for (const { name, markdown } of pathologicalInputs()) {
  const refusedCount = REFUSED[name];
  const outcome = refusedCount === undefined ? "renders into markup without ids or script" : "is refused for too much markup before it renders";
  // The timeout only guards against a hang; the time taken is reported, never asserted.
  test(`${name}: ${outcome}`, { timeout: 60_000 }, (t) => {
    // As in a build: the story checks first, and only a body they accept is rendered.
    const started = performance.now();
    const problems = checkBody(markdown, "src/news/x.md", "MOSCOW").problems;
    const html = problems.length === 0 ? md.render(markdown, env) : "";
    t.diagnostic(`${name}: ${(markdown.length / 1024).toFixed(0)} KB checked and rendered in ${Math.round(performance.now() - started)} ms`);
    if (refusedCount !== undefined) {
      assert.deepEqual(
        problems.map(({ message }) => message),
        [
          `renders to ${refusedCount.toLocaleString("en-US")} HTML elements (expected at most ${MAX_BODY_ELEMENTS.toLocaleString("en-US")}: plain paragraphs, with emphasis and links where they mean something)`,
        ],
      );
      return;
    }
    assert.deepEqual(problems, []);
    assert.match(html, /^<p><span class="dateline"><span>MOSCOW,<\/span> <span>September 2<\/span> <span>\(Wire Desk\) -<\/span><\/span>/);
    // Raw HTML is off, so every tag in the output is the renderer's own; a regex over tags is enough.
    assert.doesNotMatch(html, /<script\b|<[a-z][^>]*\s(?:id|name|on[a-z]+)=/i);
  });
}
