/**
 * How long pathological Markdown takes: each input's size, the time to check and render it in
 * process, and the time of a whole build (Eleventy, then validation) of a site holding it as its
 * one story, in a throwaway copy of the project. Prints the worst case last.
 *
 *   npm run bench:markdown
 */
import { rmSync } from "node:fs";
import { createMarkdown } from "../src/lib/story/markdown.ts";
import { checkBody } from "../src/lib/story/story-body.ts";
import { buildFixtureSite, makeFixtureSite } from "../tests/support/fixture-site.ts";
import { pathologicalInputs } from "../tests/support/pathological-markdown.ts";

const FRONT_MATTER = "---\ntitle: Pathological\nlead: Markdown made to be slow.\ndate: 2013-09-02\ndateline: MOSCOW\n---\n\nText.\n\n";

interface Timing {
  name: string;
  kilobytes: number;
  renderMs: number;
  buildMs: number;
  built: boolean;
}

function time<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, Math.round(performance.now() - started)];
}

/** The story problem a refused build printed, without its file and line. */
function refusal(output: string): string {
  return /src\/news\/pathological\.md:\d+: (.*)$/m.exec(output)?.[1] ?? output;
}

const md = createMarkdown();
const timings: Timing[] = [];
for (const { name, markdown } of pathologicalInputs()) {
  const [, renderMs] = time(() => {
    checkBody(markdown, "src/news/x.md", "MOSCOW");
    return md.render(markdown, { article: { dateline: "MOSCOW, September 2 (Wire Desk) -" } });
  });
  const root = makeFixtureSite({ "pathological.md": FRONT_MATTER + markdown });
  const [run, buildMs] = time(() => buildFixtureSite(root));
  rmSync(root, { recursive: true, force: true });
  const timing = { name, kilobytes: Math.round(markdown.length / 1024), renderMs, buildMs, built: run.status === 0 };
  timings.push(timing);
  console.log(
    `${name.padEnd(40)} ${String(timing.kilobytes).padStart(5)} KB  render ${String(renderMs).padStart(6)} ms  build ${String(buildMs).padStart(6)} ms  ${timing.built ? "built" : `refused: ${refusal(run.output)}`}`,
  );
}
const worst = timings.reduce((a, b) => (b.buildMs > a.buildMs ? b : a));
const worstRender = timings.reduce((a, b) => (b.renderMs > a.renderMs ? b : a));
console.log(`worst build: ${worst.name}, ${worst.buildMs} ms; worst render: ${worstRender.name}, ${worstRender.renderMs} ms`);
