/**
 * Lighthouse on the built site, the way a phone on a slow network meets it (Lighthouse's default
 * mobile emulation and simulated throttling): a story of each edition, All news and a topic page must score 100
 * in performance, accessibility, best practices and SEO, with no layout shift at all.
 *
 *   npm run lighthouse [-- <folder>]   (a built site, _site/ by default; prints every run's figures, exits 1 below the bar)
 *
 * Performance is timed on this machine's CPU, so a busy machine can cost points that a reader's
 * phone never would: a page below 100 in performance alone is run again, up to five runs, and
 * every run is printed with Lighthouse's benchmark of the machine's CPU at the time (higher is
 * faster; a busy machine scores low). The other categories and layout shift do not depend on timing: one run decides.
 */
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { resolve } from "node:path";
import { editionFolder, sitePagesByKind } from "../src/lib/check/site-pages.ts";
import { startStaticServer } from "../src/lib/hosts/static-server.ts";
import { findBrowser } from "../src/lib/check/browser.ts";

const AUDITED_KINDS = ["story", "front page", "All news", "topic"] as const;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const PERFORMANCE_ATTEMPTS = 5;

interface Run {
  scores: Record<(typeof CATEGORIES)[number], number>;
  layoutShift: number;
  /** Lighthouse's measure of the CPU it ran on. */
  benchmarkIndex: number;
  /** What cost points, for the log: each failing audit's title. */
  failing: string[];
}

async function audit(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, { port, logLevel: "error", output: "json", onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError, environment } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)])) as Run["scores"];
  const failing = Object.values(categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0))
    .flatMap((ref) => {
      const found = audits[ref.id];
      return found && found.score !== null && found.score < 1 ? [`${found.title}${found.displayValue ? ` (${found.displayValue})` : ""}`] : [];
    });
  return { scores, layoutShift: audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN, benchmarkIndex: environment.benchmarkIndex, failing };
}

const describe = ({ scores, layoutShift, benchmarkIndex }: Run): string =>
  `${CATEGORIES.map((id) => `${id} ${scores[id]}`).join(", ")}, CLS ${layoutShift} (CPU benchmark ${Math.round(benchmarkIndex)})`;

const passes = (run: Run): boolean => CATEGORIES.every((id) => run.scores[id] === 100) && run.layoutShift === 0;
const onlyPerformanceShort = (run: Run): boolean =>
  run.scores.performance < 100 && CATEGORIES.every((id) => id === "performance" || run.scores[id] === 100) && run.layoutShift === 0;

const choice = findBrowser("full");
const siteDir = resolve(process.argv[2] ?? "_site");
const byKind = sitePagesByKind(siteDir);
// The first page of each kind the site has: the audit assumes nothing about which stories it holds.
// Each edition prints its own words and dates, so the first story of every edition is audited.
const firstStories = new Map<string, string>();
for (const path of byKind.get("story") ?? []) if (!firstStories.has(editionFolder(path))) firstStories.set(editionFolder(path), path);
const PAGES = AUDITED_KINDS.flatMap((kind): [string, string][] =>
  (kind === "story" ? [...firstStories.values()] : (byKind.get(kind)?.slice(0, 1) ?? [])).map((path) => [kind, path]),
);
const site = await startStaticServer(siteDir, { name: "netlify" });
// The desktop Chromium (not the headless shell the tests prefer), headless, with the same flags.
const chrome = await chromeLauncher.launch({
  chromePath: choice?.executablePath ?? chromium.executablePath(),
  chromeFlags: ["--headless=new", ...(choice?.args ?? [])],
});
let failed = false;
try {
  for (const [name, path] of PAGES) {
    let run = await audit(site.base + path, chrome.port);
    console.log(`lighthouse: ${name}: ${describe(run)}`);
    for (let attempt = 2; attempt <= PERFORMANCE_ATTEMPTS && onlyPerformanceShort(run); attempt += 1) {
      console.log(`lighthouse: ${name}: performance below 100 (${run.failing.join("; ")}); run ${attempt} of ${PERFORMANCE_ATTEMPTS}`);
      run = await audit(site.base + path, chrome.port);
      console.log(`lighthouse: ${name}: ${describe(run)}`);
    }
    if (!passes(run)) {
      failed = true;
      console.error(`lighthouse: ${name} (${path}) is below the bar of 100 in every category and CLS 0: ${run.failing.join("; ")}`);
    }
  }
} finally {
  chrome.kill();
  await site.close();
}
process.exitCode = failed ? 1 : 0;
