import assert from "node:assert/strict";
import { test } from "node:test";
import sharp from "sharp";
import type { CountedStage } from "../../src/lib/build/build.ts";
import { buildFixtureInProcess, buildFixtureSite, makeFixtureSite } from "../support/fixture-site.ts";

function story(title: string, photo?: string): string {
  const photoFields = photo === undefined ? "" : `photo:\n  src: ${photo}\n  alt: A grey field\n  credit: Photo EPA\n`;
  return `---\ntitle: ${title}\nlead: The lead.\ndate: 2013-09-02\ndateline: MOSCOW\n${photoFields}---\n\nFirst paragraph.\n`;
}

test("the build counts stories read, pages rendered, photos converted and pages checked, each up to its total", async () => {
  const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#5a6b7c" } }).jpeg().toBuffer();
  const other = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#7c6b5a" } }).jpeg().toBuffer();
  const root = makeFixtureSite({
    "talks/index.md": story("Talks resume", "talks.jpg"),
    "talks/talks.jpg": photo,
    "summit/index.md": story("Summit opens", "summit.jpg"),
    "summit/summit.jpg": other,
    "vote.md": story("Vote delayed"),
  });
  const events = new Map<CountedStage, [number, number][]>();
  const order: CountedStage[] = [];
  const run = await buildFixtureInProcess(root, {}, {
    onProgress: (stage, done, total) => {
      if (!events.has(stage)) order.push(stage);
      events.set(stage, [...(events.get(stage) ?? []), [done, total]]);
    },
  });
  assert.equal(run.status, 0, run.output);
  assert.deepEqual(order, ["stories", "render", "photos", "check"]);

  const htmlPages = run.result.files.filter((file) => file.endsWith(".html")).length;
  const rendered = run.result.pages.filter((page) => page.rendered).length;
  const totals: Record<CountedStage, number> = { stories: 3, render: rendered, photos: 2, check: htmlPages };
  for (const stage of order) {
    const counts = events.get(stage) ?? [];
    assert.ok(counts.every(([, total]) => total === totals[stage]), `${stage}: ${JSON.stringify(counts)}`);
    // Counting up, one at a time or more, to every one of the total.
    assert.ok(counts.every(([done], index) => index === 0 || done >= (counts[index - 1]?.[0] ?? 0)), `${stage}: ${JSON.stringify(counts)}`);
    assert.deepEqual(counts.at(-1), [totals[stage], totals[stage]], stage);
  }
  assert.deepEqual(events.get("stories"), [[0, 3], [1, 3], [2, 3], [3, 3]]);
  assert.ok(rendered > 3, `every story page and the lists are rendered: ${rendered}`);
});

test("--quiet prints the problems and the last line, without the summary", () => {
  const root = makeFixtureSite({ "vote.md": story("Vote delayed"), "draft.md": "---\ntitle: Vote may be delayed\ndraft: true\ndate: 2013-09-02\n---\n\nFirst paragraph.\n" });
  const told = buildFixtureSite(root);
  assert.equal(told.status, 0, told.output);

  // The output is the command's standard output, then its standard error: the problems.
  const [summary = "", problems = ""] = told.output.split(/(?<=^build: wrote and validated _site\/\n)/m);
  assert.match(summary, /^cache \.cache: stories .*; pages .*; photos /m, "a build says what its caches did");
  assert.match(problems, /^src\/news\/draft\.md:1: lead: missing/m);

  const quiet = buildFixtureSite(root, "UTC", {}, ["--quiet"]);
  assert.equal(quiet.status, 0, quiet.output);
  assert.equal(quiet.output, `build: wrote and validated _site/\n${problems}`);
});
