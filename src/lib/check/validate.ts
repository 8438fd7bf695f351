/**
 * Checks a built site folder: valid, accessible HTML (html-validate), every internal link and
 * asset resolves to a file (and every #fragment to an id), no executable script, no inline style,
 * and only relative internal URLs, so one build works at a host root, under a prefix and from disk.
 * The command is scripts/validate.ts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { HtmlValidate, nodejsResolver, StaticConfigLoader, type ConfigData, type ResolvedConfig } from "html-validate";
import { parse, type HTMLElement } from "node-html-parser";
import { policyAllowsScript } from "../outputs/security.ts";
import { asBrowserReads, urlScheme } from "../model/urls.ts";
import { budgetProblems } from "./validate-budget.ts";
import { outputProblems } from "./validate-outputs.ts";
import type { WithheldStory } from "../model/story-report.ts";
import { runInWorkers } from "./worker-pool.ts";
import type { Problem, Report } from "./site-problems.ts";

export interface ValidateOptions {
  /** The site's public URL; absolute links to its origin are reported, as they break other copies. */
  siteUrl?: string;
  /**
   * Check the whole site: the feeds, sitemaps, robots.txt and JSON-LD (validate-outputs.ts)
   * against `siteUrl`, and the pages' performance budget (validate-budget.ts).
   */
  outputs?: boolean;
  /** Stories the build must not have published anywhere. */
  withheld?: readonly WithheldStory[];
}

/** A reason the site could not be checked at all, as opposed to a problem found in it. */
export class SiteError extends Error {}

/** The committed config, given as the global one so it also applies to sites built outside the project. */
const HTMLVALIDATE_CONFIG = fileURLToPath(new URL("../../../.htmlvalidate.json", import.meta.url));

/** Attributes holding one URL. SVG links may still use the old xlink:href. */
const URL_ATTRIBUTES = ["href", "xlink:href", "src", "poster", "action", "formaction", "cite", "data"];
/** Attributes holding a comma-separated list of image candidates. */
const SRCSET_ATTRIBUTES = ["srcset", "imagesrcset"];

/** `type` values a browser runs as script; anything else makes a <script> an inert data block. */
const SCRIPT_TYPES = new Set([
  "",
  "module",
  "importmap",
  "speculationrules",
  "application/ecmascript",
  "application/javascript",
  "application/x-ecmascript",
  "application/x-javascript",
  "text/ecmascript",
  "text/javascript",
  "text/javascript1.0",
  "text/javascript1.1",
  "text/javascript1.2",
  "text/javascript1.3",
  "text/javascript1.4",
  "text/javascript1.5",
  "text/jscript",
  "text/livescript",
  "text/x-ecmascript",
  "text/x-javascript",
]);

/**
 * Only these hold text rather than markup, as in a browser; the parser's default also skips the
 * content of <pre> and <noscript>, where links and script must be checked too.
 */
const PARSE_OPTIONS = { blockTextElements: { script: true, style: true, title: true, textarea: true } };

/** A URL found in a file, with the offset of the element or CSS token that holds it. */
interface Reference {
  url: string;
  offset: number;
}

/** What every check of one site needs to know; the same in every worker. */
export interface CheckSettings {
  siteDir: string;
  siteOrigin: string | undefined;
  /** The path of the site's root on its host ("/" unless SITE_URL has a prefix): where the 404 page links from. */
  basePath: string;
}

/** Shared by the checks of one thread. */
interface Context extends CheckSettings {
  /** Ids (and a[name]s) of each page already parsed as a link target. */
  anchors: Map<string, Set<string>>;
  htmlvalidate: HtmlValidate;
}

/** Pages a worker checks per message: small enough to share the work out evenly, big enough to start a worker for. */
const PAGES_PER_BATCH = 200;
const PAGE_WORKER = new URL("./validate-worker.ts", import.meta.url);

export async function validateSite(dir: string, options: ValidateOptions = {}): Promise<Report> {
  const siteDir = resolve(dir);
  const files = listFiles(siteDir);
  const pages = files.filter((file) => extname(file) === ".html");
  const stylesheets = files.filter((file) => extname(file) === ".css");
  if (pages.length === 0) throw new SiteError(`no .html pages in ${siteDir}`);

  const context = createContext({
    siteDir,
    siteOrigin: originOf(options.siteUrl),
    basePath: options.siteUrl ? new URL(options.siteUrl).pathname.replace(/\/?$/, "/") : "/",
  });
  const problems = [
    ...(await allPageProblems(context, pages)),
    ...stylesheets.flatMap((stylesheet) => stylesheetProblems(context, stylesheet)),
    ...(options.outputs && options.siteUrl ? await outputProblems(siteDir, options.siteUrl, options.withheld) : []),
    ...(options.outputs ? budgetProblems(siteDir, pages) : []),
  ];
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { pages: pages.length, stylesheets: stylesheets.length, problems };
}

/**
 * Every page's problems. Pages are independent (a #fragment's target is read from disk by
 * whichever thread needs it), so a large site is shared out in batches to one worker per core.
 */
async function allPageProblems(context: Context, pages: string[]): Promise<Problem[]> {
  const batches: string[][] = [];
  for (let start = 0; start < pages.length; start += PAGES_PER_BATCH) batches.push(pages.slice(start, start + PAGES_PER_BATCH));
  if (batches.length === 1 || availableParallelism() === 1) return checkPages(context, pages);
  const settings: CheckSettings = { siteDir: context.siteDir, siteOrigin: context.siteOrigin, basePath: context.basePath };
  const results = await runInWorkers<string[], Problem[]>(PAGE_WORKER, settings, batches, availableParallelism());
  return results.flat();
}

export function createContext(settings: CheckSettings): Context {
  return { ...settings, anchors: new Map(), htmlvalidate: new HtmlValidate(new ResolvedOnceConfigLoader()) };
}

/**
 * The project's html-validate config, resolved once. html-validate otherwise merges and resolves
 * its config, element metadata and all, for every file, which costs more than checking the page.
 */
class ResolvedOnceConfigLoader extends StaticConfigLoader {
  #resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;

  constructor() {
    super([nodejsResolver()], { extends: [HTMLVALIDATE_CONFIG] });
  }

  override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (configOverride !== undefined && Object.keys(configOverride).length > 0) return super.getConfigFor(handle, configOverride);
    this.#resolved ??= super.getConfigFor(handle);
    return this.#resolved;
  }
}

/** Checks pages one after another in this thread: markup, then the project's own checks. */
export async function checkPages(context: Context, pages: string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const page of pages) {
    const source = readFileSync(page, "utf8");
    problems.push(...(await markupProblems(context, page, source)), ...pageProblems(context, page, source));
  }
  return problems;
}

/** Every file in the site, as absolute paths. */
function listFiles(siteDir: string): string[] {
  if (!statSync(siteDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new SiteError(`no site folder at ${siteDir}`);
  }
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function originOf(siteUrl: string | undefined): string | undefined {
  if (!siteUrl) return undefined;
  try {
    return new URL(siteUrl).origin;
  } catch {
    throw new SiteError(`SITE_URL is not a URL: ${siteUrl}`);
  }
}

/** html-validate with the project's rules. */
async function markupProblems(context: Context, page: string, source: string): Promise<Problem[]> {
  const report = await context.htmlvalidate.validateString(source, page);
  return report.results
    .flatMap((result) => result.messages)
    .map(({ line, column, ruleId, message }) => ({ file: sitePath(context.siteDir, page), line, column, rule: ruleId, message }));
}

function pageProblems(context: Context, page: string, source: string): Problem[] {
  const root = parse(source, PARSE_OPTIONS);
  // Kept for the fragments that link here, so a page already parsed is not parsed again for them.
  if (!context.anchors.has(page)) context.anchors.set(page, anchorsOf(root));
  const elements = root.querySelectorAll("*");
  const findings = [
    ...elements.flatMap(elementProblems),
    ...elements.flatMap(htmlReferences).flatMap((reference) => referenceProblems(context, page, reference)),
  ];
  return findings.map((finding) => locate(context, page, source, finding));
}

function stylesheetProblems(context: Context, stylesheet: string): Problem[] {
  const source = readFileSync(stylesheet, "utf8");
  return cssReferences(source)
    .flatMap((reference) => referenceProblems(context, stylesheet, reference))
    .map((finding) => locate(context, stylesheet, source, finding));
}

/** A problem as a check finds it; `locate` adds the file and turns the offset into a line and column. */
interface Issue {
  rule: string;
  message: string;
}
interface Finding extends Issue {
  offset: number;
}

const issue = (rule: string, message: string): Issue => ({ rule, message });

/** Script and style in the element itself; a strict Content-Security-Policy must be possible. */
function elementProblems(element: HTMLElement): Finding[] {
  const issues: Issue[] = [];
  const type = element.tagName === "SCRIPT" ? element.getAttribute("type") : undefined;
  if (element.tagName === "SCRIPT" && !isDataBlock(type)) {
    const tag = type === undefined ? "<script>" : `<script type="${type}">`;
    issues.push(issue("no-script", `${tag} would run; only data blocks such as application/ld+json are allowed`));
  }
  // The dev server's pages let its reload script in; a page built to publish must never.
  const policy = isPolicyMeta(element) ? element.getAttribute("content") : undefined;
  if (policy !== undefined && policyAllowsScript(policy)) {
    issues.push(issue("no-script", `Content-Security-Policy "${policy}" allows script; a published page's must not`));
  }
  if (element.tagName === "STYLE") {
    issues.push(issue("no-inline-css", "<style> element; put the rules in the site stylesheet"));
  }
  for (const name of Object.keys(element.attributes).map((key) => key.toLowerCase())) {
    if (name.startsWith("on")) issues.push(issue("no-script", `${name} attribute: an event handler would run script`));
    if (name === "style") issues.push(issue("no-inline-css", "style attribute; use a class from the site stylesheet"));
  }
  return issues.map((found) => ({ offset: element.range[0], ...found }));
}

function isPolicyMeta(element: HTMLElement): boolean {
  return element.tagName === "META" && element.getAttribute("http-equiv")?.trim().toLowerCase() === "content-security-policy";
}

function isDataBlock(type: string | undefined): boolean {
  // Stricter than browsers, which run only an exact match: "text/javascript; x=y" counts as script here.
  const essence = type?.split(";")[0]?.trim().toLowerCase();
  return essence !== undefined && !SCRIPT_TYPES.has(essence);
}

function htmlReferences(element: HTMLElement): Reference[] {
  const offset = element.range[0];
  // A canonical URL must be absolute: it names the page's one public address, not a copy's.
  const canonical = element.tagName === "LINK" && /(^|\s)canonical(\s|$)/i.test(element.getAttribute("rel") ?? "");
  return Object.entries(element.attributes).flatMap(([key, value]) => {
    const name = key.toLowerCase();
    if (canonical && name === "href") return [];
    if (URL_ATTRIBUTES.includes(name)) return [{ url: value, offset }];
    if (SRCSET_ATTRIBUTES.includes(name)) return srcsetUrls(value).map((url) => ({ url, offset }));
    return [];
  });
}

/**
 * The URLs of a srcset, per the HTML parsing rules: each candidate is a run of non-space
 * characters (which may hold commas, as in data: URLs) and optional descriptors up to a comma;
 * a URL that ends in commas has no descriptors.
 */
export function srcsetUrls(srcset: string): string[] {
  const candidates = srcset.matchAll(/[\s,]*(\S+?)(?:,+(?=\s|$)|(?=\s|$)[^,]*)/g);
  return [...candidates].flatMap((match) => match[1] ?? []);
}

/** url(...) and @import "..." in a stylesheet; comments are blanked first, keeping offsets. */
function cssReferences(css: string): Reference[] {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
  const pattern = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  return [...code.matchAll(pattern)].map((match) => ({
    url: match.slice(1).find((group) => group !== undefined) ?? "",
    offset: match.index,
  }));
}

function referenceProblems(context: Context, from: string, { url, offset }: Reference): Finding[] {
  if (sitePath(context.siteDir, from) === "404.html" && !url.startsWith("#")) return notFoundPageProblems(context, from, { url, offset });
  const issues = urlFormIssue(url, context.siteOrigin) ?? (hasScheme(url) ? [] : targetIssues(context, from, url));
  return issues.map((found) => ({ offset, ...found }));
}

/**
 * Hosts serve the 404 page at any missing address, so its links start from the site's base path
 * instead of being relative; each must still name a page or file of the site.
 */
function notFoundPageProblems(context: Context, page: string, { url, offset }: Reference): Finding[] {
  const { basePath } = context;
  if (!url.startsWith(basePath) || url.startsWith("//")) {
    const issues = urlFormIssue(url, context.siteOrigin) ?? [];
    const relativeLink = issues.length === 0 && !hasScheme(url);
    const found = relativeLink ? [issue("relative-urls", `"${url}" on the 404 page must start with the base path ${basePath}`)] : issues;
    return found.map((entry) => ({ offset, ...entry }));
  }
  const path = url.slice(basePath.length).replace(/^([^?#]*\/)?(?=[?#]|$)/, (folder) => `${folder}index.html`);
  return targetIssues(context, page, path).map((entry) => ({ offset, ...entry }));
}

const hasScheme = (url: string): boolean => urlScheme(url) !== undefined;

/** Script, or a URL that is not relative although it points into this site. */
function urlFormIssue(url: string, siteOrigin: string | undefined): Issue[] | undefined {
  const bare = asBrowserReads(url);
  const scheme = urlScheme(url);
  if (scheme === "javascript") return [issue("no-script", `javascript: URL "${url}"`)];
  if (scheme === "file") return [issue("relative-urls", `file: URL "${url}" only works on one machine`)];
  if ((scheme === "http" || scheme === "https") && URL.canParse(bare) && new URL(bare).origin === siteOrigin) {
    return [issue("relative-urls", `"${url}" names the site's own origin; a relative URL works in every copy`)];
  }
  // Browsers read "\" as "/" in web URLs, so "\\x" is protocol-relative and "\x" root-relative.
  if (/^[/\\]{2}/.test(bare)) return [issue("relative-urls", `protocol-relative URL "${url}"; use a relative URL`)];
  if (/^[/\\]/.test(bare)) {
    return [issue("relative-urls", `root-relative URL "${url}" breaks under a path prefix and from disk`)];
  }
  return undefined;
}

/** A relative URL must name a file in the site, and its fragment an id in that file. */
function targetIssues(context: Context, from: string, url: string): Issue[] {
  const broken = (message: string): Issue[] => [issue("internal-links", `"${url}" ${message}`)];
  let target: URL;
  let file: string;
  let fragment: string;
  try {
    target = new URL(url, pathToFileURL(from));
    file = fileURLToPath(target);
    fragment = decodeURIComponent(target.hash.slice(1));
  } catch {
    return broken("is not a valid URL");
  }
  const inSite = relative(context.siteDir, file);
  if (isAbsolute(inSite) || inSite === ".." || inSite.startsWith(`..${sep}`)) {
    return broken("points outside the site folder");
  }
  const stats = statSync(file, { throwIfNoEntry: false });
  if (target.pathname.endsWith("/") || stats?.isDirectory()) {
    return broken("names a folder: from disk a folder link does not open its index.html; link to the file");
  }
  const name = sitePath(context.siteDir, file);
  if (!stats?.isFile()) return broken(`names ${name}, which does not exist`);
  if (!hasAnchor(context, file, fragment)) return broken(`has no target: no id="${fragment}" in ${name}`);
  return [];
}

/** Whether a fragment finds its place in a page (only HTML and SVG files are searched for ids). */
function hasAnchor(context: Context, file: string, fragment: string): boolean {
  // An empty fragment and "top" scroll to the top of any page.
  if (fragment === "" || fragment.toLowerCase() === "top") return true;
  if (![".html", ".svg"].includes(extname(file))) return true;
  let anchors = context.anchors.get(file);
  if (!anchors) {
    anchors = anchorsOf(parse(readFileSync(file, "utf8"), PARSE_OPTIONS));
    context.anchors.set(file, anchors);
  }
  return anchors.has(fragment);
}

/** The ids (and a[name]s) a #fragment may name in a parsed page. */
function anchorsOf(root: HTMLElement): Set<string> {
  const ids = root.querySelectorAll("[id]").map((element) => element.id);
  const names = root.querySelectorAll("a[name]").flatMap((element) => element.getAttribute("name") ?? []);
  return new Set([...ids, ...names]);
}

function sitePath(siteDir: string, file: string): string {
  return relative(siteDir, file).split(sep).join("/");
}

/** A finding as a problem at a line and column of its file. */
function locate(context: Context, file: string, source: string, { offset, rule, message }: Finding): Problem {
  const linesBefore = source.slice(0, offset).split("\n");
  const column = (linesBefore.at(-1)?.length ?? 0) + 1;
  return { file: sitePath(context.siteDir, file), line: linesBefore.length, column, rule, message };
}

/**
 * Every check of this project's own build: the site's URL as the build used it (SITE_URL, else
 * _data/site.ts's), its feeds and sitemaps, and the stories it must not have published.
 */
export async function projectChecks(withheld?: readonly WithheldStory[]): Promise<ValidateOptions> {
  const { withheldStories } = await import("./withheld-stories.ts");
  return { siteUrl: await projectSiteUrl(), outputs: true, withheld: withheld ?? (await withheldStories()) };
}

/** The project's address, loaded when asked for rather than as this module loads: the settings read the environment. */
export async function projectSiteUrl(): Promise<string> {
  return (await import("../../../_data/site.ts")).default.url;
}
