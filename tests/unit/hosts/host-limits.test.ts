import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { deployTarget, HOST_LIMITS, hostLimitReport, measureSite, type HostLimitTable, type SiteSize } from "../../../src/lib/hosts/host-limits.ts";
import { formatProblem } from "../../../src/lib/model/problems.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "host-limits-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

/** A built site of its own: each path's bytes. */
/** Writes a site of files of the given sizes, and measures it as the build does: every file it lists. */
function measured(files: Readonly<Record<string, number>>): SiteSize {
  const dir = mkdtempSync(join(tempRoot, "site-"));
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), Buffer.alloc(bytes, 120));
  }
  return measureSite(dir, Object.keys(files));
}

/** Three pages, three photo files in one folder, a feed: 10,000 bytes in 7 files, 7,000 of them photos. */
const SMALL_SITE = {
  "index.html": 600,
  "news/2024/03/15/talks.html": 1_000,
  "news/2024/03/15/markets.html": 1_000,
  "news/2024/03/15/talks.a1b2c3d4.jpg": 3_000,
  "news/2024/03/15/talks.a1b2c3d4.webp": 2_000,
  "news/2024/03/15/talks.a1b2c3d4.avif": 2_000,
  "feed.xml": 400,
};

/** The hosts' own table, with limits a small site can reach. */
const TINY: HostLimitTable = {
  ...HOST_LIMITS,
  "github-pages": { ...HOST_LIMITS["github-pages"], siteBytes: 12_000 },
  netlify: { ...HOST_LIMITS.netlify, folderFiles: 5 },
  "cloudflare-pages": { ...HOST_LIMITS["cloudflare-pages"], files: 100, fileBytes: 2_500 },
  "cloudflare-pages-paid": { ...HOST_LIMITS["cloudflare-pages-paid"], files: 1_000, fileBytes: 10_000 },
};

const lines = (problems: readonly Parameters<typeof formatProblem>[0][]) => problems.map(formatProblem);

test("the measure counts every file's bytes, what photos and pages take, the fullest folder and the largest file", () => {
  const size = measured(SMALL_SITE);
  assert.equal(size.bytes, 10_000);
  assert.equal(size.files, 7);
  assert.deepEqual(size.byKind, { photos: { bytes: 7_000, files: 3 }, pages: { bytes: 2_600, files: 3 }, other: { bytes: 400, files: 1 } });
  assert.equal(size.fullestFolder.folder, "news/2024/03/15");
  assert.equal(size.fullestFolder.files, 5);
  assert.deepEqual(size.largestFile, { file: "news/2024/03/15/talks.a1b2c3d4.jpg", bytes: 3_000, kind: "photos" });
  assert.equal(measured({ "index.html": 1, "404.html": 1, "all/index.html": 1 }).fullestFolder.folder, "", "the root is the folder named \"\"");
});

test("sizes read in units of 1,024, as du -h prints them", () => {
  const onePage = measured({ "index.html": 600 });
  /** How the report's line gives a site of `bytes`. */
  const shown = (bytes: number) => /^site: (.*) in 1 files;/.exec(hostLimitReport({ ...onePage, bytes }, { host: "github-pages" }, "_site/").line)?.[1];
  assert.equal(shown(1024 ** 3), "1 GB");
  assert.equal(shown(239 * 1024 ** 2 + 300_000), "239 MB");
  assert.equal(shown(1.46 * 1024 ** 2), "1.5 MB");
  assert.equal(shown(10_000), "9.8 KB");
  assert.equal(shown(600), "600 bytes");
});

test("a site well inside its host's limits is one line, with no warning", () => {
  const report = hostLimitReport(measured(SMALL_SITE), { host: "github-pages" }, "_site/");
  assert.deepEqual(report, { line: "site: 9.8 KB in 7 files; GitHub Pages takes 1 GB (0 %)", errors: [], warnings: [] });
});

test("from 80 % of a limit the build warns, naming what fills the site and what makes room", () => {
  const report = hostLimitReport(measured(SMALL_SITE), { host: "github-pages" }, "_site/", TINY);
  assert.equal(report.line, "site: 9.8 KB in 7 files; GitHub Pages takes 12 KB (83 %)");
  assert.deepEqual(report.errors, []);
  assert.deepEqual(lines(report.warnings), [
    "_site/: size: 9.8 KB is 83 % of the 12 KB GitHub Pages takes: photos 6.8 KB, pages 2.5 KB, other 400 bytes (expected under 80 % of 12 KB: put the photos on a media host (MEDIA_URL), or split the archive) [WD435]",
  ]);
});

test("over a limit of the host it is built for, the site is refused, and each file over the host's limit for one file is named", () => {
  const report = hostLimitReport(measured(SMALL_SITE), { host: "cloudflare-pages" }, "_site/", TINY);
  assert.equal(report.line, "site: 9.8 KB in 7 files; Cloudflare Pages (free plan) takes 2.4 KB a file (120 %)");
  assert.deepEqual(lines(report.errors), [
    "news/2024/03/15/talks.a1b2c3d4.jpg: size: 2.9 KB is over the 2.4 KB Cloudflare Pages (free plan) takes in one file (expected at most 2.4 KB: a smaller photo, or the photos on a media host (MEDIA_URL)) [WD437]",
  ]);
  assert.deepEqual(report.warnings, []);
});

test("a folder over Netlify's files in a folder is refused, naming the folder and what fills it", () => {
  const report = hostLimitReport(measured(SMALL_SITE), { host: "netlify" }, "_site/", TINY);
  assert.equal(report.line, "site: 9.8 KB in 7 files; Netlify takes 5 files in a folder (100 %)");
  assert.deepEqual(lines(report.errors), []);
  const fuller = hostLimitReport(measured({ ...SMALL_SITE, "news/2024/03/15/rates.html": 10 }), { host: "netlify" }, "_site/", TINY);
  assert.deepEqual(lines(fuller.errors), [
    "news/2024/03/15/: files: 6 files in this folder are 120 % of the 5 Netlify takes in one folder: photos 3 files, pages 3 files (expected at most 5 files: put the photos on a media host (MEDIA_URL), or split the archive) [WD436]",
  ]);
});

test("a file count dominated by pages is answered with an archive split; the free plan names the paid plan", () => {
  const pages = Object.fromEntries(Array.from({ length: 90 }, (_, day) => [`news/2024/01/${day}/story.html`, 10]));
  const report = hostLimitReport(measured(pages), { host: "cloudflare-pages" }, "_site/", TINY);
  assert.deepEqual(lines(report.warnings), [
    "_site/: files: 90 files are 90 % of the 100 Cloudflare Pages (free plan) takes: pages 90 files (expected under 80 % of 100 files: split the archive; a paid plan takes 100,000 files: set PAGES_WRANGLER_MAJOR_VERSION=4 in the Pages project and DEPLOY_HOST=cloudflare-pages-paid) [WD435]",
  ]);
});

test("built for no host, the site is measured against every host, and nothing over a limit fails the build", () => {
  const report = hostLimitReport(measured(SMALL_SITE), { host: undefined }, "_site/", TINY);
  assert.equal(
    report.line,
    "site: 9.8 KB in 7 files; GitHub Pages takes 12 KB (83 %); Netlify takes 5 files in a folder (100 %); Cloudflare Pages (free plan) takes 2.4 KB a file (120 %); Cloudflare Pages (paid plan) takes 9.8 KB a file (30 %)",
  );
  assert.deepEqual(report.errors, []);
  assert.deepEqual(
    report.warnings.map(({ file, code }) => `${file} ${code}`),
    ["_site/ WD435", "news/2024/03/15/ WD435", "news/2024/03/15/talks.a1b2c3d4.jpg WD437"],
  );
});

test("the host: DEPLOY_HOST first, then the host's own build runner; a GitHub Actions runner alone names none", () => {
  assert.deepEqual(deployTarget({ DEPLOY_HOST: "github-pages", NETLIFY: "true" }), { host: "github-pages" });
  assert.deepEqual(deployTarget({ NETLIFY: "true", CF_PAGES: "1" }), { host: "netlify" });
  assert.deepEqual(deployTarget({ CF_PAGES: "1" }), { host: "cloudflare-pages" });
  assert.deepEqual(deployTarget({ GITHUB_ACTIONS: "true", CI: "true", NETLIFY: "false" }), { host: undefined });
  const wrong = deployTarget({ DEPLOY_HOST: "gh-pages" });
  assert.ok("problem" in wrong);
  assert.equal(
    formatProblem(wrong.problem),
    'DEPLOY_HOST: got "gh-pages" (expected github-pages, netlify, cloudflare-pages or cloudflare-pages-paid, the host the site is deployed to; unset, the build reports against every host) [WD303]',
  );
});
