/**
 * A month of a desk on a throwaway copy of the project holding only the soak's own stories: each
 * day a wire drop is imported, the editors change stories by hand, the site is built at a fixed
 * moment, and every invariant (see invariants.ts) is checked.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import places from "../../_data/datelinePlaces.json" with { type: "json" };
import site from "../../_data/site.ts";
import { formatImportReport, runImport } from "../../src/lib/import/run-import.ts";
import { PHOTO_FETCH_DEFAULTS } from "../../src/lib/import/wire-photo.ts";
import { readWireTime } from "../../src/lib/import/wire-time.ts";
import { readBuildSettings } from "../../src/lib/model/publishing.ts";
import type { DeskStory } from "./desk-stories.ts";
import { editStories } from "./editors.ts";
import { checkImport, checkNewsroom, INVARIANTS, storiesOnFile, type Broken } from "./invariants.ts";
import { buildMoment, dayDate, textDelivered, writeDrop } from "./wire-drop.ts";

export interface SoakOptions {
  days: number;
  items: number;
  /** Go on to the last day after an invariant breaks, naming each broken one once. */
  keepGoing: boolean;
  /** Where each day's line goes. */
  print: (line: string) => void;
}

export interface SoakResult {
  /** Each broken invariant with the day it first broke. */
  broken: (Broken & { day: number })[];
  /** Each day's build time, for the days run. */
  buildSeconds: number[];
  /** Every item's outcome, all days together. */
  outcomes: string[];
  storiesOnFile: number;
  published: number;
}

/** The soak in one line: days, items by outcome, builds, and the newsroom it left. */
export function formatSummary({ buildSeconds, outcomes, storiesOnFile, published }: SoakResult): string {
  const slowest = Math.max(...buildSeconds);
  const total = buildSeconds.reduce((sum, seconds) => sum + seconds, 0);
  return (
    `${buildSeconds.length} days, ${outcomes.length} items: ${countByKind(outcomes)}; ` +
    `builds ${total.toFixed(1)} s in all (slowest ${slowest.toFixed(1)} s, day ${buildSeconds.indexOf(slowest) + 1}); ` +
    `${storiesOnFile} stories on file, ${published} published`
  );
}

/** One line for a broken invariant: the day, the story, the invariant, what was found. */
const formatBroken = ({ day, invariant, story, detail }: Broken & { day: number }): string =>
  `soak: day ${day}${story ? `, story ${story}` : ""}: ${INVARIANTS[invariant]}: ${detail}`;

/** The day's outcomes counted by kind: "5 created, 2 held, 1 refused". */
function countByKind(kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const kind of [...kinds].sort()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(", ");
}

/**
 * The build log's count of pages rendered and reused, which time alone hides on a busy machine,
 * and its stages' times, which show what grows with the archive.
 */
function renderedPages(buildLog: string): string {
  const [, rendered, reused] = /^cache .*\bpages (\d+) rendered, (\d+) reused/m.exec(buildLog) ?? [];
  const stages = [...buildLog.matchAll(/^build: timing: (.+): ([\d.]+) s$/gm)].map(([, stage, seconds]) => `${stage} ${seconds}`);
  return `${rendered === undefined ? "pages not counted" : `${rendered} pages rendered, ${reused} reused`}${stages.length > 0 ? `; ${stages.join(", ")}` : ""}`;
}

/** Runs the soak's days in the copy at `root`; the day's import report and build log are kept under soak/ in it. */
export async function runSoak(root: string, { days, items, keepGoing, print }: SoakOptions): Promise<SoakResult> {
  const stories: DeskStory[] = [];
  const result: SoakResult = { broken: [], buildSeconds: [], outcomes: [], storiesOnFile: 0, published: 0 };
  const seen = new Set<string>();
  const share = Math.max(1, Math.round(items * 0.03));
  const logs = join(root, "soak");
  mkdirSync(logs, { recursive: true });
  const settings = site({});
  for (let day = 1; day <= days; day++) {
    const name = `day-${String(day).padStart(2, "0")}`;
    const drop = join(root, "drops", name);
    const deliveries = writeDrop(drop, day, items, stories);
    const delivered = readWireTime(textDelivered(day));
    if (delivered === undefined) throw new Error(`the soak's delivery time ${textDelivered(day)} is not a wire time`);
    const outcomes = await runImport({
      paths: [drop],
      dryRun: false,
      newsDir: join(root, "src", "news"),
      inputDir: join(root, "src"),
      stagingDir: join(root, ".cache", "import"),
      site: settings,
      agencies: settings.agencies,
      // The soak's desk holds an item without a lead for its editors to write one, as a desk may choose.
      withoutLead: "hold",
      datelinePlaces: places,
      build: readBuildSettings({ BUILD_MOMENT: buildMoment(day) }),
      photoFetch: PHOTO_FETCH_DEFAULTS,
      delivered,
    });
    const report = formatImportReport(outcomes, { dryRun: false, verbose: true });
    writeFileSync(join(logs, `${name}-import.txt`), `${report}\n`);
    const broken = checkImport(root, stories, deliveries, outcomes, report);

    const edited = editStories(root, day, stories, share);

    const started = performance.now();
    const build = spawnSync(process.execPath, ["scripts/build.ts", "--timings"], {
      cwd: root,
      encoding: "utf8",
      // A month's build names every held draft: more than spawnSync's default 1 MB of output.
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, TZ: "UTC", SITE_URL: "http://localhost:8080/", BUILD_MOMENT: buildMoment(day) },
    });
    const seconds = (performance.now() - started) / 1000;
    result.buildSeconds.push(seconds);
    const buildLog = `${build.stdout}${build.stderr}`;
    writeFileSync(join(logs, `${name}-build.txt`), buildLog);
    if (build.status !== 0) {
      const problems = buildLog.split("\n").filter((line) => /^(src\/|_site\/|build: )/.test(line)).slice(0, 5);
      broken.push({ invariant: "build", detail: `exit ${build.status}: ${problems.join(" | ") || "see soak/" + name + "-build.txt"}` });
    }
    broken.push(...checkNewsroom(root, stories));

    const onFile = storiesOnFile(root);
    const published = [...onFile.values()].filter((story) => story.fields["withdrawn"] === undefined && existsSync(join(root, "_site", story.page))).length;
    result.outcomes.push(...outcomes.map((outcome) => outcome.kind));
    Object.assign(result, { storiesOnFile: onFile.size, published });
    print(
      `day ${day} (${dayDate(day)}): ${outcomes.length} items: ${countByKind(outcomes.map((outcome) => outcome.kind))}; ` +
        `edits: paragraphs ${edited.paragraphs}, topics ${edited.topics}, leads ${edited.leads}, spiked ${edited.spiked}; ` +
        `build ${seconds.toFixed(1)} s (${renderedPages(buildLog)}); ${onFile.size} stories on file, ${published} published`,
    );
    const fresh = broken.filter((each) => !seen.has(`${each.invariant} ${each.story ?? each.detail}`));
    for (const each of fresh) {
      seen.add(`${each.invariant} ${each.story ?? each.detail}`);
      result.broken.push({ ...each, day });
      print(formatBroken({ ...each, day }));
    }
    if (fresh.length > 0 && !keepGoing) break;
  }
  return result;
}
