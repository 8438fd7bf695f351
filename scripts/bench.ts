/**
 * Builds copies of the project with synthetic wire stories and prints what an editor waits for:
 * the full build, its pages per second and peak memory, the validation, and the time from
 * editing one story to its page rewritten in watch mode; beside the same corpus built by a bare
 * Eleventy (one Markdown layout, no plugins), as a yardstick.
 *
 *   npm run bench                       1,000 and 10,000 stories
 *   npm run bench -- --stories 1000     just these sizes (comma-separated)
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { copyProjectWithoutStories } from "./lib/project-copy.ts";
import { writeWireStories } from "./bench/wire-stories.ts";

const ELEVENTY = "node_modules/@11ty/eleventy/cmd.cjs";
/**
 * Loaded into each measured command: reports its peak resident memory and the CPU time it used as
 * it exits. CPU time barely changes when other work shares the machine; wall time does.
 */
const REPORT_USAGE =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write(`usage=${u.maxRSS},${u.userCPUTime+u.systemCPUTime}\\n`)})';
/**
 * Eleventy's watch mode with --incremental, as for the bare build. `npm start` does full rebuilds:
 * incremental ones leave All news stale after a headline edit (see BENCHMARKS.md).
 */
const WATCH_ARGS = ["--import", "tsx", ELEVENTY, "--config=.eleventy.ts", "--watch", "--incremental"];
const EDITS = 3;
/** Eleventy says "Watching" a little before its file watcher is ready to see a change. */
const WATCHER_SETTLE_MS = 3000;
/** An edit that has not reached its page by then was missed: a broken setup, not a slow build. */
const EDIT_TIMEOUT_MS = 120_000;

/** A bare Eleventy: its defaults, one layout for every story, the photos copied. */
const BARE_CONFIG = `export default function (config) {
  config.addGlobalData("layout", "story.njk");
  config.addPassthroughCopy("src/news/**/*.png");
  return { dir: { input: "src/news", includes: "../../bare", output: "bare-site" } };
}
`;
const BARE_LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1><p>{{ lead }}</p>{{ content | safe }}</main></body></html>
`;

interface Run {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

/** Runs `node args` in `cwd` to completion; fails loudly, since a failed build measures nothing. */
function measure(cwd: string, args: string[]): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", REPORT_USAGE, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const [, peakKb = NaN, cpuMicroseconds = NaN] = /usage=(\d+),(\d+)/.exec(output)?.map(Number) ?? [];
      if (code === 0) resolve({ seconds, cpuSeconds: cpuMicroseconds / 1e6, peakRssMb: peakKb / 1024 });
      else reject(new Error(`node ${args.join(" ")} failed in ${cwd}:\n${output}`));
    });
  });
}

/**
 * Starts `node args` in watch mode, waits for its first build, then edits `story` a few times and
 * returns the median time from saving the edit to `page` holding the new text.
 */
async function editToPage(cwd: string, args: string[], story: string, page: string): Promise<number> {
  const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "ignore"] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("Watching") && resolve());
      child.on("exit", () => reject(new Error(`node ${args.join(" ")} stopped in ${cwd}`)));
    });
    const times: number[] = [];
    for (let edit = 1; edit <= EDITS; edit += 1) {
      // Before each edit, so the next edit is a new build rather than the tail of the last one.
      await sleep(WATCHER_SETTLE_MS);
      const marker = `Edited for the benchmark at ${Date.now()}.`;
      const started = performance.now();
      writeFileSync(join(cwd, story), `${readFileSync(join(cwd, story), "utf8")}\n${marker}\n`);
      while (!readFileSync(join(cwd, page), "utf8").includes(marker)) {
        if (performance.now() - started > EDIT_TIMEOUT_MS) throw new Error(`${page} did not change after an edit of ${story}`);
        await sleep(10);
      }
      times.push((performance.now() - started) / 1000);
    }
    return times.sort((a, b) => a - b)[Math.floor(EDITS / 2)] ?? NaN;
  } finally {
    child.kill();
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const countPages = (dir: string): number =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html")).length;

/** One figure per row of the table; wall-clock seconds, with the CPU seconds used in parentheses. */
async function benchmark(stories: number): Promise<Record<string, string>> {
  const root = copyProjectWithoutStories("bench");
  const progress = (step: string) => console.error(`bench: ${stories} stories: ${step}`);
  try {
    progress("writing the stories");
    const story = writeWireStories(join(root, "src", "news"), stories).slice(root.length + 1);
    const name = basename(story, ".md");
    mkdirSync(join(root, "bare"));
    writeFileSync(join(root, "bare", "eleventy.config.mjs"), BARE_CONFIG);
    writeFileSync(join(root, "bare", "story.njk"), BARE_LAYOUT);

    progress("building");
    const build = await measure(root, ["--import", "tsx", "scripts/build.ts"]);
    const pages = countPages(join(root, "_site"));
    progress("validating");
    const validation = await measure(root, ["--import", "tsx", "scripts/validate.ts"]);
    progress("building with bare Eleventy");
    const bare = await measure(root, [ELEVENTY, "--config=bare/eleventy.config.mjs", "--quiet"]);
    if (!existsSync(join(root, "bare-site", name, "index.html"))) throw new Error(`the bare build wrote no page for ${story}`);

    progress("editing a story in watch mode");
    const ours = await editToPage(root, WATCH_ARGS, story, `_site/news/${name.replace(/^\d{4}-\d{2}-\d{2}-/, "")}.html`);
    const bareEdit = await editToPage(root, [ELEVENTY, "--config=bare/eleventy.config.mjs", "--watch", "--incremental"], story, `bare-site/${name}/index.html`);

    const s = (seconds: number) => seconds.toFixed(1);
    const timed = ({ seconds, cpuSeconds }: Run) => `${s(seconds)} (${s(cpuSeconds)})`;
    return {
      // scripts/build.ts validates the new folder before the swap, so this includes one validation.
      "full build (Eleventy, then validation), s": timed(build),
      "pages written": String(pages),
      "pages per second": (pages / build.seconds).toFixed(0),
      "peak memory (RSS), MB": build.peakRssMb.toFixed(0),
      "bare Eleventy build, s": timed(bare),
      "bare Eleventy peak memory, MB": bare.peakRssMb.toFixed(0),
      "ours / bare": `${(build.seconds / bare.seconds).toFixed(2)}x (${(build.cpuSeconds / bare.cpuSeconds).toFixed(2)}x)`,
      "validation, s": timed(validation),
      "validated pages per second": (pages / validation.seconds).toFixed(0),
      "edit one story to its page rewritten (watch, incremental), s": s(ours),
      "the same with bare Eleventy, s": s(bareEdit),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const { values } = parseArgs({ options: { stories: { type: "string", default: "1000,10000" } } });
const sizes = values.stories.split(",").map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error(`bench: --stories takes whole numbers separated by commas, e.g. 1000,10000 (got ${values.stories})`);
  process.exit(2);
}
const columns: Record<string, string>[] = [];
for (const size of sizes) columns.push(await benchmark(size));
console.log(`| | ${sizes.map((size) => `${size.toLocaleString("en-US")} stories`).join(" | ")} |`);
console.log(`| --- |${sizes.map(() => " ---: |").join("")}`);
for (const row of Object.keys(columns[0] ?? {})) console.log(`| ${row} | ${columns.map((column) => column[row]).join(" | ")} |`);
