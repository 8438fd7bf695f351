/**
 * The benchmark's steps on one copy of the project: each build, rebuild, publication, edit and
 * check, run cold and warm, beside the same step with a bare Eleventy; and the dev server's time
 * from saving a headline to the pages that show it.
 */
import { spawn } from "node:child_process";
import { measure, type Run } from "./measure.ts";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const ELEVENTY = "node_modules/@11ty/eleventy/cmd.cjs";
/** As `npm run build` and `npm run validate` run them: with the module compile cache preloaded (package.json). */
const BUILD = ["--import", "./scripts/lib/compile-cache.ts", "scripts/build.ts", "--timings"];
const CHECK = ["--import", "./scripts/lib/compile-cache.ts", "scripts/validate.ts"];
const BARE_BUILD = [ELEVENTY, "--config=bare/eleventy.config.mjs", "--quiet"];

/** A bare Eleventy: its defaults, one layout for every story, the photos copied. */
const BARE_CONFIG = `export default function (config) {
  config.addGlobalData("layout", "story.njk");
  config.addPassthroughCopy("src/news/**/*.jpg");
  return { dir: { input: "src/news", includes: "../../bare", output: "bare-site" } };
}
`;
const BARE_LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1><p>{{ lead }}</p>{{ content | safe }}</main></body></html>
`;

const EDITS = 3;
/** Eleventy's watcher needs a moment after a build before it sees the next change. */
const SETTLE_MS = 3000;
/** An edit not shown by then was missed: a broken setup, not a slow build. */
const EDIT_TIMEOUT_MS = 300_000;

/** One row of the table: a step, ours cold and warm, and the bare build's figure. */
export interface Row {
  step: string;
  cold?: string;
  warm?: string;
  bare?: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const cell = ({ seconds, cpuSeconds, peakRssMb }: Run): string => `${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} CPU s, ${peakRssMb.toFixed(0)} MB)`;

/** Seconds the build spent in the stages whose names match, from its --timings lines. */
function stageSeconds(run: Run, stage: RegExp): number {
  return [...run.output.matchAll(/^build: timing: (.+): ([\d.]+) s$/gm)].filter(([, name]) => stage.test(name ?? "")).reduce((sum, [, , s]) => sum + Number(s), 0);
}

/** The stages from the stories to the photos: what the bare Eleventy build it is compared with does. */
const ELEVENTY_STAGES = /^(stories|newsroom|page plan|render|photos)$/;

/** Removes every cache but the converted photos: what a build finds after a checkout with the photo cache restored. */
function keepOnlyPhotoCache(root: string): void {
  const cache = join(root, ".cache");
  if (!existsSync(cache)) return;
  for (const entry of readdirSync(cache)) if (entry !== "photos") rmSync(join(cache, entry), { recursive: true, force: true });
}

/** A new story filed now: the newest on the site. */
function fileNewStory(root: string, n: number): void {
  writeFileSync(
    join(root, "src", "news", `bench-new-${n}.md`),
    `---\ntitle: "Late news number ${n}"\nlead: "A story filed during the benchmark."\ndate: 2014-01-01T0${n}:00\ndateline: LONDON\nsource: AP\ntags: ["Markets", "Bench ${n}"]\n---\n\nThe first paragraph.\n\nThe second paragraph.\n`,
  );
}

/** The source file of the newest story on All news, found from the built page: every edit shows on page 1. */
function newestStorySource(root: string): { file: string; url: string } {
  const index = readFileSync(join(root, "_site", "all", "index.html"), "utf8");
  const url = /href="\.\.\/(news\/\d{4}\/\d{2}\/\d{2}\/([^"/]+)\.html)"/.exec(index);
  if (!url?.[1] || !url[2]) throw new Error("no story on All news");
  const slug = url[2];
  const news = join(root, "src", "news");
  const name = readdirSync(news).find((entry) => entry === `${slug}.md` || entry.endsWith(`-${slug}.md`) || entry.endsWith(`-${slug}`));
  if (!name) throw new Error(`no source for ${url[1]}`);
  const file = name.endsWith(".md") ? join(news, name) : join(news, name, "index.md");
  return { file, url: url[1] };
}

/** Replaces the story's headline; returns the new one. */
function editHeadline(file: string, n: number): string {
  const headline = `Headline edited for the benchmark ${n} at ${Date.now()}`;
  writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, `title: "${headline}"`));
  return headline;
}

async function waitFor(file: string, text: string, since: number): Promise<number> {
  while (!(existsSync(file) && readFileSync(file, "utf8").includes(text))) {
    if (performance.now() - since > EDIT_TIMEOUT_MS) throw new Error(`${file} never showed "${text}"`);
    await sleep(10);
  }
  return (performance.now() - since) / 1000;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Starts a watching server with `args`, waits for `ready` in its output, then edits the headline
 * of `story` a few times: the median seconds until each of `pages` shows it.
 */
async function editToPages(root: string, args: string[], ready: RegExp, story: string, pages: string[]): Promise<number[]> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const started = new Promise<void>((resolve, reject) => {
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    };
    child.stdout.on("data", listen);
    child.stderr.on("data", listen);
    child.on("exit", () => reject(new Error(`node ${args.join(" ")} stopped in ${root}:\n${output}`)));
  });
  try {
    await started;
    const times: number[][] = pages.map(() => []);
    for (let edit = 1; edit <= EDITS; edit += 1) {
      await sleep(SETTLE_MS);
      const since = performance.now();
      const headline = editHeadline(story, edit);
      for (const [index, page] of pages.entries()) times[index]?.push(await waitFor(join(root, page), headline, since));
    }
    return times.map(median);
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
  }
}

/**
 * One kind of change measured three ways, a fresh change each time: warm (after a build that
 * left every cache current), cold (only the photo cache kept) and with bare Eleventy.
 */
async function changeAndRebuild(root: string, step: string, change: (n: number) => void): Promise<Row> {
  await measure(root, BUILD);
  change(1);
  const warm = await measure(root, BUILD);
  keepOnlyPhotoCache(root);
  change(2);
  const cold = await measure(root, BUILD);
  change(3);
  const bare = await measure(root, BARE_BUILD);
  return { step, cold: cell(cold), warm: cell(warm), bare: cell(bare) };
}

/** Every step for the stories already written into the copy at `root` (or, `buildsOnly`, the first build and the rebuild); removes the copy at the end. */
export async function benchmarkNewsroom(root: string, stories: number, { buildsOnly = false } = {}): Promise<Row[]> {
  const progress = (step: string) => console.error(`bench: ${stories} stories: ${step}`);
  try {
    mkdirSync(join(root, "bare"));
    writeFileSync(join(root, "bare", "eleventy.config.mjs"), BARE_CONFIG);
    writeFileSync(join(root, "bare", "story.njk"), BARE_LAYOUT);
    const rows: Row[] = [];

    progress("first build, from nothing");
    const first = await measure(root, BUILD);
    const bareFirst = await measure(root, BARE_BUILD);
    rows.push({ step: "first build, no .cache/ (photos converted, then the check)", cold: cell(first), bare: cell(bareFirst) });
    // The build's own figure where it prints one, else the photos over the whole Eleventy part.
    const photos = /; photos (\d+) converted/.exec(first.output)?.[1] ?? "0";
    const rate = /([\d.]+) photos\/s/.exec(first.output)?.[1] ?? (Number(photos) / stageSeconds(first, ELEVENTY_STAGES)).toFixed(2);
    rows.push({ step: "photos converted in the first build, photos/s", cold: `${photos} photos, ${rate} photos/s` });

    progress("rebuilding with nothing changed");
    const warm = await measure(root, BUILD);
    keepOnlyPhotoCache(root);
    const cold = await measure(root, BUILD);
    const bare = await measure(root, BARE_BUILD);
    rows.push({ step: "rebuild, nothing changed", cold: cell(cold), warm: cell(warm), bare: cell(bare) });
    rows.push({
      step: "its Eleventy part (stories, newsroom, pages), s",
      cold: stageSeconds(cold, ELEVENTY_STAGES).toFixed(1),
      warm: stageSeconds(warm, ELEVENTY_STAGES).toFixed(1),
      bare: bare.seconds.toFixed(1),
    });
    const pages = readdirSync(join(root, "_site"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html")).length;
    const checkRate = (run: Run) => `${(pages / stageSeconds(run, /^check$/)).toFixed(0)} pages/s (${pages} pages)`;
    rows.push({ step: "its check, pages/s", cold: checkRate(cold), warm: checkRate(warm) });
    if (buildsOnly) return rows;

    progress("publishing one new story");
    rows.push(await changeAndRebuild(root, "publish: add one new story, rebuild", (n) => fileNewStory(root, n)));

    progress("editing one story");
    const { file: story, url } = newestStorySource(root);
    rows.push(await changeAndRebuild(root, "edit one story, rebuild", (n) => editHeadline(story, n)));

    progress("checking the built site alone");
    const checkWarm = await measure(root, CHECK);
    rmSync(join(root, ".cache", "check"), { recursive: true, force: true });
    const checkCold = await measure(root, CHECK);
    rows.push({ step: "npm run validate alone", cold: cell(checkCold), warm: cell(checkWarm) });

    progress("editing a headline in the dev server");
    // The build figures above stand even when the dev server's step fails: its row says why.
    try {
      const port = String(20000 + Math.floor(Math.random() * 20000));
      const [toStory = NaN, toAllNews = NaN] = await editToPages(root, ["scripts/serve.ts", `--port=${port}`], /serve: http:\/\/localhost:\d+\//, story, [
        join(".dev-site", url),
        join(".dev-site", "all", "index.html"),
      ]);
      const bareName = story.endsWith("index.md") ? join(story, "..").split("/").at(-1) : story.split("/").at(-1)?.replace(/\.md$/, "");
      const [bareToStory = NaN] = await editToPages(root, [ELEVENTY, "--config=bare/eleventy.config.mjs", "--watch", "--incremental"], /Watching/, story, [
        join("bare-site", bareName ?? "", "index.html"),
      ]);
      rows.push({ step: "npm start: save a headline edit -> its page shows it, s", warm: toStory.toFixed(2), bare: `${bareToStory.toFixed(2)} (--watch --incremental)` });
      rows.push({ step: "npm start: save a headline edit -> All news shows it, s", warm: toAllNews.toFixed(2) });
    } catch (error) {
      rows.push({ step: "npm start: save a headline edit -> its page shows it, s", warm: `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` });
    }
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatTable(rows: readonly Row[]): string {
  return [
    "| step | ours, cold | ours, warm | bare Eleventy |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map(({ step, cold = "", warm = "", bare = "" }) => `| ${step} | ${cold} | ${warm} | ${bare} |`),
  ].join("\n");
}
