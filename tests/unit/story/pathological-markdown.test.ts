import assert from "node:assert/strict";
import { test } from "node:test";
import { createMarkdown } from "../../../src/lib/story/markdown.ts";
import { checkBody, MAX_BODY_ELEMENTS } from "../../../src/lib/story/story-body.ts";
import { pathologicalInputs } from "../../support/pathological-markdown.ts";

const md = createMarkdown();
const env = { article: { valid: true, dateline: "MOSCOW, September 2 (Wire Desk) -" }, page: { filePathStem: "/news/x" } };

for (const { name, markdown } of pathologicalInputs()) {
  // The timeout only guards against a hang; the time taken is reported, never asserted.
  test(`checks and renders ${name} in bounded time, into markup without ids or script`, { timeout: 60_000 }, (t) => {
    // As in a build: the story checks first, and only a body they accept is rendered.
    const started = performance.now();
    const problems = checkBody(markdown, "src/news/x.md", "MOSCOW").problems;
    const html = problems.length === 0 ? md.render(markdown, env) : "";
    const refused = problems.length > 0 ? " (refused: too much markup)" : "";
    t.diagnostic(`${name}: ${(markdown.length / 1024).toFixed(0)} KB checked and rendered in ${Math.round(performance.now() - started)} ms${refused}`);
    // A body that renders to too many elements is refused before any page is built; nothing else is wrong.
    for (const { message } of problems) assert.match(message, new RegExp(`^renders to [\\d,]+ HTML elements \\(expected at most ${MAX_BODY_ELEMENTS.toLocaleString("en-US")}`));
    // Raw HTML is off, so every tag in the output is the renderer's own; a regex over tags is enough.
    assert.doesNotMatch(html, /<script\b|<[a-z][^>]*\s(?:id|name|on[a-z]+)=/i);
    if (problems.length === 0) assert.match(html, /<span class="dateline">MOSCOW/);
  });
}
