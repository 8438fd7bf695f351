/**
 * What each static host takes, as its own documentation states it, and a built site measured
 * against it: the one table of host limits, the rule that tells which host a build is for, and the
 * line and problems the build prints. A host refuses a site that breaks its limits at deploy time,
 * one morning, with no word to the desk; the build says so first, from 80 %.
 */
import { lstatSync } from "node:fs";
import { extname, join, sep } from "node:path";
import type { Problem } from "../model/problems.ts";

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** A limit the host states, one it states there is not, or none it states at all (never guessed). */
export type Limit = number | "no limit" | "not documented";

export interface HostLimits {
  /** The host as the build log names it. */
  name: string;
  /** The whole published site, in bytes. */
  siteBytes: Limit;
  /** Files in one deploy. */
  files: Limit;
  /** Files in one folder of the site. */
  folderFiles: Limit;
  /** One file, in bytes. */
  fileBytes: Limit;
  /** Where the host takes more than this (another plan), and what to set for it. */
  more?: string;
}

/**
 * The hosts' limits, with where each is written. Limits that are not a property of the built folder
 * are not here, as the build cannot measure them: GitHub Pages' deploy times out after 10 minutes
 * and its bandwidth has a soft limit of 100 GB a month; the hosts' build minutes.
 */
export const HOST_LIMITS = {
  "github-pages": {
    name: "GitHub Pages",
    // docs.github.com, "GitHub Pages limits": "Published GitHub Pages sites may be no larger than
    // 1 GB". actions/deploy-pages warns over 1,073,741,824 bytes (its ONE_GIGABYTE), and Pages
    // refuses an artifact of 10 GB outright.
    siteBytes: GB,
    files: "not documented",
    folderFiles: "not documented",
    // 100 MB is git's limit on a pushed file; a Pages artifact is no push, and no limit on one of its files is documented.
    fileBytes: "not documented",
  },
  netlify: {
    name: "Netlify",
    // docs.netlify.com, "Site deploys overview", "Files per directory limit": "While Netlify doesn't
    // have a limit on the number of files per deploy, we do have a limit of 54,000 files per
    // directory". No limit on a deploy's bytes or on one file's is documented.
    siteBytes: "not documented",
    files: "no limit",
    folderFiles: 54_000,
    fileBytes: "not documented",
  },
  "cloudflare-pages": {
    name: "Cloudflare Pages (free plan)",
    // developers.cloudflare.com/pages/platform/limits: 20,000 files a site on the Free plan, 25 MiB
    // a file; no limit on a site's bytes is documented.
    siteBytes: "not documented",
    files: 20_000,
    folderFiles: "not documented",
    fileBytes: 25 * MB,
    more: "a paid plan takes 100,000 files: set PAGES_WRANGLER_MAJOR_VERSION=4 in the Pages project and DEPLOY_HOST=cloudflare-pages-paid",
  },
  "cloudflare-pages-paid": {
    name: "Cloudflare Pages (paid plan)",
    // The same page, and Cloudflare's changelog of 23 January 2026: paid plans take 100,000 files
    // a site once the project sets PAGES_WRANGLER_MAJOR_VERSION=4.
    siteBytes: "not documented",
    files: 100_000,
    folderFiles: "not documented",
    fileBytes: 25 * MB,
  },
} as const satisfies Record<string, HostLimits>;

export type HostName = keyof typeof HOST_LIMITS;
export type HostLimitTable = Readonly<Record<HostName, HostLimits>>;

const HOST_NAMES = Object.keys(HOST_LIMITS) as HostName[];

/** The variable that names the host a build is for. */
const DEPLOY_HOST = "DEPLOY_HOST";

/** Which host a build is for; `host` undefined: none was named, so every host is reported and none fails the build. */
export interface DeployTarget {
  host: HostName | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

const setting = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined;
const isOn = (env: Env, name: string): boolean => (setting(env, name) ?? "false").toLowerCase() !== "false";

/**
 * The host a build is for: DEPLOY_HOST when set (the deploy workflows set it); else the host whose
 * build runner this is, told by the variable it sets (NETLIFY on Netlify, CF_PAGES on Cloudflare
 * Pages, which means its free plan's limits); else none. A GitHub Actions runner says nothing: it
 * runs more than Pages' deploys, so the Pages workflow names its host.
 */
export function deployTarget(env: Env): DeployTarget | { problem: Problem } {
  const named = setting(env, DEPLOY_HOST);
  if (named !== undefined) {
    if ((HOST_NAMES as readonly string[]).includes(named)) return { host: named as HostName };
    const expected = `${HOST_NAMES.slice(0, -1).join(", ")} or ${HOST_NAMES.at(-1)}, the host the site is deployed to; unset, the build reports against every host`;
    return { problem: { file: "", field: DEPLOY_HOST, message: `got ${JSON.stringify(named)} (expected ${expected})`, code: "WD303" } };
  }
  if (isOn(env, "NETLIFY")) return { host: "netlify" };
  if (isOn(env, "CF_PAGES")) return { host: "cloudflare-pages" };
  return { host: undefined };
}

/** What fills a part of the site: photos and images, pages, everything else (feeds, sitemaps, search index, stylesheet). */
type Kind = "photos" | "pages" | "other";
type Tally = Record<Kind, { bytes: number; files: number }>;

const PHOTO_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg"]);

function kindOf(file: string): Kind {
  const extension = extname(file).toLowerCase();
  return extension === ".html" ? "pages" : PHOTO_EXTENSIONS.has(extension) ? "photos" : "other";
}

const emptyTally = (): Tally => ({ photos: { bytes: 0, files: 0 }, pages: { bytes: 0, files: 0 }, other: { bytes: 0, files: 0 } });

/** A built site's size, as a host counts it. */
export interface SiteSize {
  bytes: number;
  files: number;
  byKind: Tally;
  /** The folder holding the most files (its path in the site, "" for the root), and what they are. */
  fullestFolder: { folder: string; files: number; byKind: Tally };
  /** The largest file (its path in the site) and its bytes. */
  largestFile: { file: string; bytes: number; kind: Kind } | undefined;
  /** Every file's bytes, by its path in the site, for the files over a host's limit. */
  fileBytes: ReadonlyMap<string, number>;
}

/**
 * Measures the built folder's `files` (every file in it, as paths relative to it, which the build
 * has listed already): each file's bytes (a page placed as a second name of its cache entry counts
 * in full, as the host stores it).
 */
export function measureSite(folder: string, files: readonly string[]): SiteSize {
  const byKind = emptyTally();
  const folders = new Map<string, Tally>();
  const fileBytes = new Map<string, number>();
  for (const path of files) {
    const file = path.split(sep).join("/");
    const bytes = lstatSync(join(folder, path)).size;
    const kind = kindOf(file);
    fileBytes.set(file, bytes);
    byKind[kind].bytes += bytes;
    byKind[kind].files += 1;
    const parent = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
    const tally = folders.get(parent) ?? emptyTally();
    tally[kind].bytes += bytes;
    tally[kind].files += 1;
    folders.set(parent, tally);
  }
  const filesIn = (tally: Tally) => tally.photos.files + tally.pages.files + tally.other.files;
  let fullestFolder: SiteSize["fullestFolder"] = { folder: "", files: 0, byKind: emptyTally() };
  for (const [path, tally] of folders) if (filesIn(tally) > fullestFolder.files) fullestFolder = { folder: path, files: filesIn(tally), byKind: tally };
  let largestFile: SiteSize["largestFile"];
  for (const [file, bytes] of fileBytes) if (bytes > (largestFile?.bytes ?? -1)) largestFile = { file, bytes, kind: kindOf(file) };
  return { bytes: byKind.photos.bytes + byKind.pages.bytes + byKind.other.bytes, files: fileBytes.size, byKind, fullestFolder, largestFile, fileBytes };
}

/** "239 MB", "1 GB", "1.5 MB", "820 KB": in units of 1,024, as `du -h` and GitHub's deploy action count them. */
function formatSize(bytes: number): string {
  const [unit, size] = bytes >= GB ? ["GB", GB] : bytes >= MB ? ["MB", MB] : bytes >= 1024 ? ["KB", 1024] : ["bytes", 1];
  const value = bytes / size;
  const shown = value >= 10 || unit === "bytes" ? Math.round(value).toLocaleString("en-US") : String(Math.round(value * 10) / 10);
  return `${shown} ${unit}`;
}

const count = (n: number) => n.toLocaleString("en-US");
/** A share as the log prints it: whole percents, rounded down, so 100 % means at the limit or over. */
const percent = (share: number) => `${Math.floor(share * 100)} %`;

/** From this share of a limit, the build warns. */
const WARN_FROM = 0.8;

/** One limit of one host, and how much of it the site takes. */
interface Use {
  what: "siteBytes" | "files" | "folderFiles" | "fileBytes";
  limit: number;
  used: number;
}

function usesOf(limits: HostLimits, size: SiteSize): Use[] {
  const uses: { what: Use["what"]; used: number }[] = [
    { what: "siteBytes", used: size.bytes },
    { what: "files", used: size.files },
    { what: "folderFiles", used: size.fullestFolder.files },
    { what: "fileBytes", used: size.largestFile?.bytes ?? 0 },
  ];
  return uses.flatMap(({ what, used }) => {
    const limit = limits[what];
    return typeof limit === "number" ? [{ what, limit, used }] : [];
  });
}

/** "takes 1 GB", "takes 20,000 files": a limit as the site line states it. */
function limitText({ what, limit }: Use): string {
  switch (what) {
    case "siteBytes":
      return formatSize(limit);
    case "files":
      return `${count(limit)} files`;
    case "folderFiles":
      return `${count(limit)} files in a folder`;
    case "fileBytes":
      return `${formatSize(limit)} a file`;
  }
}

/** What fills a measure, largest part first, parts with nothing left out: "photos 223 MB, pages 14 MB, other 2 MB". */
function fill(tally: Tally, measure: "bytes" | "files"): { text: string; mostlyPhotos: boolean } {
  const parts = (Object.keys(tally) as Kind[])
    .map((kind) => ({ kind, value: tally[kind][measure] }))
    .filter(({ value }) => value > 0)
    .sort((a, b) => b.value - a.value);
  const total = parts.reduce((sum, { value }) => sum + value, 0);
  const shown = (value: number) => (measure === "bytes" ? formatSize(value) : `${count(value)} files`);
  return { text: parts.map(({ kind, value }) => `${kind} ${shown(value)}`).join(", "), mostlyPhotos: tally.photos[measure] * 2 >= total };
}

/** What makes room: for photos, a host of their own; for pages, an archive in parts. */
function remedy(mostlyPhotos: boolean, limits: HostLimits): string {
  // Photos are published at the fewest sizes the layouts need already (BENCHMARKS.md, "Photos: what a build publishes").
  const ways = mostlyPhotos ? "put the photos on a media host (MEDIA_URL), or split the archive" : "split the archive";
  return limits.more ? `${ways}; ${limits.more}` : ways;
}

/** What a build prints about its size: one line, and the problems of a site near or over a host's limits. */
export interface HostLimitReport {
  line: string;
  /** Over a limit of the host the site is built for: the build fails. */
  errors: Problem[];
  /** From 80 % of a limit, and over a limit of a host the site is not built for. */
  warnings: Problem[];
}

/**
 * The site measured against the host it is built for, or against every host when none is named:
 * the line (`site: 239 MB in 3,661 files; GitHub Pages takes 1 GB (23 %)`, each host by the limit
 * the site comes closest to), a warning from 80 % of any limit, and, over a limit of the host the
 * site is built for, an error. `siteFolder` names the site as a whole in the problems (`_site/`).
 */
export function hostLimitReport(size: SiteSize, target: DeployTarget, siteFolder: string, table: HostLimitTable = HOST_LIMITS): HostLimitReport {
  const hosts = target.host === undefined ? HOST_NAMES : [target.host];
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const shares: string[] = [];
  for (const host of hosts) {
    const limits = table[host];
    const uses = usesOf(limits, size);
    const closest = uses.reduce<Use | undefined>((best, use) => (best === undefined || use.used / use.limit > best.used / best.limit ? use : best), undefined);
    if (closest) shares.push(`${limits.name} takes ${limitText(closest)} (${percent(closest.used / closest.limit)})`);
    const fails = host === target.host;
    for (const use of uses) {
      for (const problem of limitProblems(use, size, limits, siteFolder)) {
        (problem.code === "WD435" || !fails ? warnings : errors).push(problem);
      }
    }
  }
  const line = `site: ${formatSize(size.bytes)} in ${count(size.files)} files${shares.length > 0 ? `; ${shares.join("; ")}` : ""}`;
  return { line, errors, warnings };
}

/** The problems of one limit: near it (WD435), over it (WD436), or a file over it (WD437, each file named). */
function limitProblems(use: Use, size: SiteSize, limits: HostLimits, siteFolder: string): Problem[] {
  const share = use.used / use.limit;
  if (share < WARN_FROM) return [];
  const over = use.used > use.limit;
  const code = over ? "WD436" : "WD435";
  const expected = over ? "at most" : `under ${percent(WARN_FROM)} of`;
  const host = limits.name;
  switch (use.what) {
    case "siteBytes": {
      const { text, mostlyPhotos } = fill(size.byKind, "bytes");
      const message = `${formatSize(size.bytes)} is ${percent(share)} of the ${formatSize(use.limit)} ${host} takes: ${text} (expected ${expected} ${formatSize(use.limit)}: ${remedy(mostlyPhotos, limits)})`;
      return [{ file: siteFolder, field: "size", message, code }];
    }
    case "files": {
      const { text, mostlyPhotos } = fill(size.byKind, "files");
      const message = `${count(size.files)} files are ${percent(share)} of the ${count(use.limit)} ${host} takes: ${text} (expected ${expected} ${count(use.limit)} files: ${remedy(mostlyPhotos, limits)})`;
      return [{ file: siteFolder, field: "files", message, code }];
    }
    case "folderFiles": {
      const { folder, files, byKind } = size.fullestFolder;
      const { text, mostlyPhotos } = fill(byKind, "files");
      const message = `${count(files)} files in this folder are ${percent(share)} of the ${count(use.limit)} ${host} takes in one folder: ${text} (expected ${expected} ${count(use.limit)} files: ${remedy(mostlyPhotos, limits)})`;
      return [{ file: folder === "" ? siteFolder : `${folder}/`, field: "files", message, code }];
    }
    case "fileBytes": {
      if (!over) {
        const largest = size.largestFile;
        if (largest === undefined) return [];
        const message = `${formatSize(largest.bytes)} is ${percent(share)} of the ${formatSize(use.limit)} ${host} takes in one file (expected ${expected} ${formatSize(use.limit)}: ${fileRemedy(largest.kind)})`;
        return [{ file: largest.file, field: "size", message, code }];
      }
      return [...size.fileBytes]
        .filter(([, bytes]) => bytes > use.limit)
        .map(([file, bytes]) => ({
          file,
          field: "size",
          message: `${formatSize(bytes)} is over the ${formatSize(use.limit)} ${host} takes in one file (expected at most ${formatSize(use.limit)}: ${fileRemedy(kindOf(file))})`,
          code: "WD437",
        }));
    }
  }
}

function fileRemedy(kind: Kind): string {
  if (kind === "photos") return "a smaller photo, or the photos on a media host (MEDIA_URL)";
  if (kind === "pages") return "a shorter page: split the story, or fewer stories a list page";
  return "a smaller file";
}
