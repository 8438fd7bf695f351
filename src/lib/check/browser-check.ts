/**
 * The deploy gate's browser pass: opens a sample of every kind of page of a built site, served at
 * the address it was built for and from disk, and reports any script, Content Security Policy
 * violation, axe (WCAG 2.2 AA) violation, failed request or broken link. It assumes nothing about
 * the stories, so a newsroom's own site passes or fails on its own merits. A site whose photos are
 * on a media host (MEDIA_URL) has them served from the media folder on a second local origin, under
 * the media host's address as the pages name it, so the policy and every photo are checked before
 * any is uploaded.
 */
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { inTurns } from "../model/in-turns.ts";
import type { MediaHost } from "../model/media.ts";
import type { FieldProblem, Problem } from "../model/problems.ts";
import { axeViolations } from "./axe.ts";
import type { BrowserChoice } from "./browser.ts";
import { editionFolder, samplePages, type SitePage } from "./site-pages.ts";
import { readBuiltSiteUrl, startStaticServer, type Host, type OpenSite } from "../hosts/static-server.ts";

/** Where the pages are opened from. */
interface Mount {
  name: string;
  site: OpenSite;
  /** Whether a host serves the 404 page at missing addresses (from disk nothing does). */
  served: boolean;
  /**
   * Whether axe runs here. A page's markup and stylesheet are the same bytes in every mount (its
   * links are relative), so axe finds the same in each: it runs in the first, at about half a second a page.
   */
  axe: boolean;
}

/** Served as the host the build was made for would serve it: at the root with Netlify's headers, or under its prefix. */
async function hostFor(siteDir: string): Promise<Host> {
  const prefix = (await readBuiltSiteUrl(siteDir))?.pathname ?? "/";
  return prefix === "/" ? { name: "netlify" } : { name: "github-pages", prefix };
}

/** Everything that goes wrong while a page loads. */
async function watch(page: Page, expectedMissing: string | undefined): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  page.on("console", (message) => {
    // Chromium logs the missing address's own 404, which is the point of opening it.
    if (message.type() === "error" && message.location().url !== expectedMissing) {
      problems.push({ field: "console", message: `error: ${message.text()} (expected none)`, code: "WD420" });
    }
  });
  page.on("pageerror", (error) => problems.push({ field: "script", message: `error: ${error.message} (expected no script to run)`, code: "WD420" }));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "no reason given";
    if (reason !== "net::ERR_ABORTED") problems.push({ field: "request", message: `${request.url()} failed (${reason}; expected it to load)`, code: "WD422" });
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && response.url() !== expectedMissing) {
      problems.push({ field: "request", message: `HTTP ${response.status()} for ${response.url()} (expected a file of the site)`, code: "WD422" });
    }
  });
  await page.exposeBinding("reportCspViolation", (_source, violation: string) =>
    problems.push({ field: "csp", message: `CSP violation: ${violation} (expected nothing the site's Content-Security-Policy forbids)`, code: "WD421" }),
  );
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation(violation: string): void }).reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline content"}`);
    });
  });
  return problems;
}

/** Every URL the page links to or loads, resolved against the page. */
async function linkedUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const urls = [...document.querySelectorAll<HTMLElement>("a[href], link[href], img[src], source[srcset], img[srcset]")].flatMap((element) => {
      const single = element.getAttribute("href") ?? element.getAttribute("src");
      const set = element.getAttribute("srcset")?.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "") ?? [];
      return [single, ...set].flatMap((url) => (url ? [new URL(url, document.baseURI).href] : []));
    });
    return [...new Set(urls)];
  });
}

/** The address on the local media server of a URL under the media host's, if it is one. */
type MediaAddress = (url: string) => string | undefined;

/** Whether a linked URL inside the site (or a photo on the media host) answers: a file on disk, or a response below 400. */
async function linkAnswers(page: Page, url: string, mediaAddress: MediaAddress): Promise<boolean> {
  const target = new URL(mediaAddress(url) ?? url);
  target.hash = "";
  if (target.protocol === "file:") return existsSync(fileURLToPath(target));
  const response = await page.request.get(target.href, { maxRedirects: 5 }).catch(() => undefined);
  return response !== undefined && response.status() < 400;
}

/** A URL's answer, asked once per mount however many pages link to it. */
type CheckedLinks = Map<string, Promise<boolean>>;

async function checkPage(context: BrowserContext, mount: Mount, { kind, path }: SitePage, checkedLinks: CheckedLinks, mediaAddress: MediaAddress): Promise<Problem[]> {
  const page = await context.newPage();
  // A 404 page is what a host serves at a missing address in its edition's folder; from disk it is never opened.
  const address = kind === "404" ? `${mount.site.base}${editionFolder(path)}no-such-page-${Date.now()}.html` : mount.site.base + path;
  const problems = await watch(page, kind === "404" ? address : undefined);
  try {
    const response = await page.goto(address, { waitUntil: "load" });
    if (kind === "404" && response?.status() !== 404) {
      problems.push({ field: "status", message: `a missing address answered ${response?.status()} (expected 404, with this page)`, code: "WD422" });
    }
    // The search page runs the site's own script files (and the index's, which it inserts); any other script is refused.
    const scripts = await page.locator('script:not([type="application/ld+json"])').evaluateAll(
      (elements, root) => elements.filter((element) => !((element as HTMLScriptElement).src.startsWith(root) && element.textContent === "")).length,
      kind === "search" ? mount.site.base : "\0",
    );
    const expected = kind === "search" ? "expected only the site's own script files" : "expected none: pages run no script";
    if (scripts > 0) problems.push({ field: "script", message: `${scripts} script element(s) (${expected})`, code: "WD402" });
    if (mount.axe) {
      for (const { id, help, nodes } of await axeViolations(page)) {
        problems.push({ field: `axe/${id}`, message: `${help} (at ${nodes.map((node) => node.target.join(" ")).join(", ")})`, code: "WD401" });
      }
    }
    const here = page.url().replace(/#.*$/, "");
    // A link within the page (the skip link) names no other file; validate checks its target id.
    // Every candidate of a photo on the media host is asked for, not just the one the browser chose.
    const links = (await linkedUrls(page)).filter(
      (url) =>
        url.replace(/#.*$/, "") !== here &&
        (url.startsWith(mount.site.base.replace(/[^/]*$/, "")) || url.startsWith(new URL(mount.site.base).origin) || mediaAddress(url) !== undefined),
    );
    for (const url of links) if (!checkedLinks.has(url)) checkedLinks.set(url, linkAnswers(page, url, mediaAddress));
    const answers = await Promise.all(links.map((url) => checkedLinks.get(url)));
    links.forEach(
      (url, index) =>
        answers[index] || problems.push({ field: "link", message: `${url} does not answer (expected a page or file of the site)`, code: "WD422" }),
    );
  } finally {
    await page.close();
  }
  return problems.map((problem) => ({ file: path, ...problem, message: `${mount.name}${kind === "404" ? ", at a missing address" : ""}: ${problem.message}` }));
}

/**
 * Pages opened at once. A page mostly waits (on the server, on Chromium's own processes, on axe's
 * round trips), so a few in flight keep the cores busy; more only queue behind them.
 */
const PAGES_AT_ONCE = 3;

/**
 * Checks the site folder in the browser; resolves to every problem found, each at its page, and how
 * many pages were opened. `onProgress` hears how many of all the openings are done, first with none.
 * `media`: the media host the site's photos are named under, and the folder that holds them.
 */
export async function checkSiteInBrowser(
  siteDir: string,
  choice: BrowserChoice,
  onProgress: (opened: number, total: number) => void = () => {},
  media?: MediaHost,
): Promise<{ problems: Problem[]; opened: number }> {
  const pages = samplePages(siteDir);
  const host = await hostFor(siteDir);
  const served = await startStaticServer(siteDir, host);
  // A bucket serves its files by name, as the static server does at its root.
  const mediaServer = media && (await startStaticServer(media.folder, { name: "netlify" }));
  const mediaAddress: MediaAddress = (url) => (media && mediaServer && url.startsWith(media.url) ? mediaServer.base + url.slice(media.url.length) : undefined);
  const mounts: Mount[] = [
    { name: host.name === "netlify" ? "served at /" : `served under ${host.prefix}`, site: served, served: true, axe: true },
    { name: "from disk", site: { base: pathToFileURL(`${siteDir}/`).href, close: async () => {} }, served: false, axe: false },
  ];
  const openings = mounts.map((mount) => ({ mount, pages: pages.filter(({ kind }) => mount.served || kind !== "404") }));
  const total = openings.reduce((sum, { pages: opening }) => sum + opening.length, 0);
  const browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args });
  const problems: Problem[] = [];
  let opened = 0;
  onProgress(opened, total);
  try {
    for (const { mount, pages: opening } of openings) {
      const checkedLinks: CheckedLinks = new Map();
      // One context per mount: a static site keeps no state between pages, and a context is costly to open.
      const context = await browser.newContext();
      // The page asks the media host's address (its policy is checked against it); the local media server answers.
      await context.route(
        (url) => mediaAddress(url.href) !== undefined,
        async (route) => {
          const local = mediaAddress(route.request().url());
          await (local === undefined ? route.continue() : route.fulfill({ response: await route.fetch({ url: local }) }));
        },
      );
      const found = await inTurns(opening, PAGES_AT_ONCE, async (page) => {
        const pageProblems = await checkPage(context, mount, page, checkedLinks, mediaAddress);
        opened += 1;
        onProgress(opened, total);
        return pageProblems;
      });
      await context.close();
      problems.push(...found.flat());
    }
  } finally {
    await browser.close();
    await served.close();
    await mediaServer?.close();
  }
  return { problems, opened };
}
