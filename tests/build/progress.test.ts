import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { BuildSession, type CountedStage } from "../../src/lib/build/build.ts";
import { devBuild } from "../../src/lib/build/dev-build.ts";
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

test("the dev server's first build says how far it is, as a build does; a rebuild prints its lines alone", async () => {
  const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#6b5a7c" } }).jpeg().toBuffer();
  const root = makeFixtureSite({ "talks/index.md": story("Talks resume", "talks.jpg"), "talks/talks.jpg": photo, "vote.md": story("Vote delayed") });
  const session = new BuildSession(true);
  // As in a log (no terminal), on a clock that moves eleven seconds each time it is read: every count is a line.
  let clock = 0;
  const printed: string[] = [];
  const output = {
    terminal: false,
    write: (text: string) => void printed.push(text),
    print: ({ text, problem }: { text: string; problem: boolean }) => void printed.push(`${problem ? "(stderr) " : ""}${text}\n`),
    now: () => (clock += 11_000),
    env: { ...process.env, SITE_URL: "http://localhost:8080/" },
  };

  assert.equal(await devBuild(root, session, { first: true, ...output }), true);
  const first = printed.splice(0).join("").split("\n");
  const counted = first.filter((line) => / \d+\/\d+/.test(line)).map((line) => line.replace(/ \d+\/\d+.*$/, ""));
  // Each counted stage of a dev build, in order, the check being no part of it.
  assert.deepEqual([...new Set(counted)], ["serve: stories read", "serve: pages rendered", "serve: photos converted"], first.join("\n"));
  // Each up to its total.
  for (const total of ["serve: stories read 2/2", "serve: photos converted 1/1"]) assert.ok(first.some((line) => line.startsWith(total)), first.join("\n"));
  assert.match(first.slice(-3).join("\n"), /^cache \.cache: stories 2 read, 0 reused; pages [1-9]\d* rendered, 0 reused; search indexes [1-9] made, 0 reused; photos 1 converted, 0 reused\nserve: no problems in the stories\n$/);

  // An edit, and the rebuild the server runs on it: no counter, the same lines as before.
  writeFileSync(join(root, "src", "news", "vote.md"), story("Vote delayed again"));
  assert.equal(await devBuild(root, session, { first: false, ...output }), true);
  const rebuilt = printed.splice(0).join("");
  assert.match(rebuilt, /^cache \.cache: stories 1 read, 1 reused(, 1 removed)?; pages \d+ rendered, [1-9]\d* reused(, \d+ removed)?; search indexes 1 made, \d+ reused(, [12] removed)?; photos 0 converted, 1 reused\nserve: no problems in the stories\n$/);
});
