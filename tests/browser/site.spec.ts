import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test as base, type Page } from "@playwright/test";
import { parse as parseYaml } from "yaml";
import { axeViolations } from "../../src/lib/check/axe.ts";
import { parsePage } from "../../src/lib/check/parse-page.ts";
import { pageBudgetFacts } from "../../src/lib/check/validate-budget.ts";
import { openSite, type SiteMount } from "../support/open-site.ts";
import { buildTestSite, TEST_SITE_DIR } from "../support/test-site.ts";

// Each edition's front page is its root; All news, the whole list, is under all/.
const FRONT_PAGE = "index.html";
const INDEX_PAGE = "all/index.html";
const STORY_PAGE = "news/2013/09/02/moscow-denuclearization-talks.html";
const SAMPLE_PAGE = "news/2013/09/04/sample-topics.html";
// The fixture story Itar-Tass withdrew: its address holds only a notice.
const WITHDRAWN_PAGE = "news/2013/09/05/kaesong-reopening.html";
const STORY_SOURCE = new URL("../fixtures/newsroom/moscow-denuclearization-talks/index.md", import.meta.url);
// Printed by the site from the dateline, date and source fields, ahead of the story's first words.
const DATELINE = "MOSCOW, September 2 (Itar-Tass) - ";
// The seed story's translation, in the Russian edition under ru/.
const RU_FRONT_PAGE = "ru/index.html";
const RU_INDEX_PAGE = "ru/all/index.html";
const RU_STORY_PAGE = "ru/news/2013/09/02/moskva-peregovory.html";
const RU_STORY_SOURCE = new URL("../fixtures/newsroom/ru/moskva-peregovory/index.md", import.meta.url);
const RU_DATELINE = "МОСКВА, 2 сентября. /ИТАР-ТАСС/. ";

interface Story {
  title: string;
  lead: string;
  alt: string;
  paragraphs: string[];
}

/** A story as the newsroom typed it, so its page is checked against its source, word for word. */
function readStory(source: URL): Story {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(readFileSync(source, "utf8"));
  const front: unknown = match?.[1] === undefined ? undefined : parseYaml(match[1], { schema: "core" });
  const fields = (front ?? {}) as { title?: unknown; lead?: unknown; photo?: { alt?: unknown } };
  const { title, lead } = fields;
  const alt = fields.photo?.alt;
  if (typeof title !== "string" || typeof lead !== "string" || typeof alt !== "string" || match?.[2] === undefined) {
    throw new Error(`${source.pathname}: expected front matter with title, lead and photo.alt, then the story`);
  }
  // Markdown paragraphs are separated by blank lines; a line break inside one is a space.
  const paragraphs = match[2]
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph !== "");
  return { title, lead, alt, paragraphs };
}

const story = readStory(STORY_SOURCE);
const russianStory = readStory(RU_STORY_SOURCE);

const test = base.extend<{ pageProblems: string[]; missingAddresses: Set<string> }, { siteMount: SiteMount; siteBase: string }>({
  siteMount: [{ kind: "http", host: { name: "netlify" } }, { scope: "worker", option: true }],
  // The addresses a test opens to see a 404 page: their own 404 answer is the point, not a problem.
  missingAddresses: async ({}, use) => use(new Set()),
  // One server per worker, on a free port: the tests need nothing running beforehand.
  siteBase: [
    async ({ siteMount }, use) => {
      const site = await openSite(siteMount);
      await use(site.base);
      await site.close();
    },
    { scope: "worker" },
  ],
  // Every test fails on a console error or a broken request on any page it visited.
  pageProblems: [
    async ({ page, missingAddresses }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const from = message.location().url;
        // Chromium logs a missing address's own 404.
        if (missingAddresses.has(from)) return;
        problems.push(`console error on ${page.url()}: ${message.text()}${from ? ` (${from})` : ""}`);
      });
      page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
      page.on("requestfailed", (request) => {
        const reason = request.failure()?.errorText ?? "no reason given";
        // Chromium aborts what is still loading (the favicon, say) when a test clicks on; a missing file is a 404 below.
        if (reason !== "net::ERR_ABORTED") problems.push(`request failed: ${request.url()} (${reason})`);
      });
      page.on("response", (response) => {
        if (response.status() >= 400 && !missingAddresses.has(response.url())) problems.push(`HTTP ${response.status()} for ${response.url()}`);
      });
      // Anything the page's Content Security Policy blocks is a bug in the site, served or from disk.
      await page.exposeBinding("reportCspViolation", (_source, violation: string) =>
        problems.push(`CSP violation on ${page.url()}: ${violation}`),
      );
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          const report = (window as unknown as { reportCspViolation(violation: string): void }).reportCspViolation;
          report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline content"}`);
        });
      });
      await use(problems);
      expect(problems, "console errors and failed requests").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Whether axe runs in this mount. A page's markup and stylesheet are the same bytes in every mount
 * (its links are relative), so axe finds the same in each: it runs where the site is served at
 * the root, and the other mounts check what differs (loading, links, the policy).
 */
function axeRunsHere(): boolean {
  return test.info().project.name === "netlify";
}

async function open(page: Page, siteBase: string, path: string): Promise<void> {
  await page.goto(siteBase + path);
}

test.describe("the story page", () => {
  test.beforeEach(async ({ page, siteBase }) => open(page, siteBase, STORY_PAGE));

  test("shows the headline as the one visible h1 and in the title", async ({ page }) => {
    const h1 = page.locator("h1");
    await expect(h1).toHaveCount(1);
    await expect(h1).toBeVisible();
    await expect(h1).toHaveText(story.title);
    expect(await page.title()).toContain(story.title);
  });

  test("shows the lead and the publication date", async ({ page }) => {
    await expect(page.locator("article .lead")).toHaveText(story.lead);
    await expect(page.locator("article time")).toHaveAttribute("datetime", "2013-09-02");
  });

  test("shows the photo, loaded, with its credit", async ({ page }) => {
    const figure = page.locator("article figure");
    const img = figure.locator("img");
    await expect(img).toHaveAttribute("alt", story.alt);
    // A broken src still lays out a box; only a decoded image has a natural width.
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
    // The credit is upper-cased by CSS; the text itself stays as the agency gives it.
    await expect(figure.locator("figcaption")).toContainText("Photo EPA/ITAR-TASS");
  });

  test("opens the story with the dateline in its first paragraph", async ({ page }) => {
    const first = await page.locator(".story-body p").first().textContent();
    expect(first?.startsWith(`${DATELINE}Moscow hopes`), `first paragraph: ${first}`).toBe(true);
  });

  test("prints every paragraph of the story word for word", async ({ page }) => {
    const [opening = "", ...rest] = story.paragraphs;
    expect(story.paragraphs.length, "paragraphs read from the story source").toBeGreaterThan(1);
    await expect(page.locator(".story-body > p")).toHaveText([DATELINE + opening, ...rest]);
  });
});

test.describe("the story page's reading experience", () => {
  test.beforeEach(async ({ page, siteBase }) => open(page, siteBase, STORY_PAGE));

  test("has one banner, navigation, main and footer landmark, in the page's language", async ({ page }) => {
    for (const role of ["banner", "main", "contentinfo"] as const) await expect(page.getByRole(role)).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Sections" })).toHaveCount(1);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // Words break at the language's hyphenation points, so short lines stay even.
    expect(await page.locator(".story-body p").first().evaluate((el) => getComputedStyle(el).hyphens)).toBe("auto");
  });

  test("loads the lead photo first, at its size before it arrives, as wide as the column the sizes attribute names", async ({ page }) => {
    const img = page.locator("article figure img");
    await expect(img).toHaveAttribute("fetchpriority", "high");
    await expect(img).not.toHaveAttribute("loading", "lazy");
    // 40rem, the column in src/lib/media/photos.ts's PHOTO_SIZES, at 1280 px; the viewport less 2rem at 360 px.
    for (const [viewport, expected] of [[1280, 640], [360, 328]] as const) {
      await page.setViewportSize({ width: viewport, height: 800 });
      expect(await img.evaluate((el: HTMLImageElement) => Math.round(el.getBoundingClientRect().width))).toBe(expected);
    }
  });

  test("shows keyboard focus, starting with a skip link to the story", async ({ page }) => {
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    expect(await skip.evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth))).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    await expect(focused).toHaveText("All news");
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
  });

  test("prints without navigation, with the dateline, the credit and the story's address", async ({ page }) => {
    await page.emulateMedia({ media: "print" });
    for (const hidden of [".site-nav", ".crumbs", ".skip-link", ".site-footer"]) await expect(page.locator(hidden)).toBeHidden();
    await expect(page.locator(".dateline")).toBeVisible();
    await expect(page.locator(".credit")).toBeVisible();
    await expect(page.locator(".story-url")).toBeVisible();
    await expect(page.locator(".story-url")).toContainText(`/${STORY_PAGE}`);
    await page.emulateMedia({ media: "screen" });
    await expect(page.locator(".story-url")).toBeHidden();
  });

  test("moves nothing for a reader who asked for reduced motion", async ({ page }) => {
    const motion = () =>
      page.evaluate(() => {
        const styles = [...document.querySelectorAll("*")].map((el) => getComputedStyle(el));
        return {
          smoothScroll: getComputedStyle(document.documentElement).scrollBehavior === "smooth",
          moving: styles.filter((style) => style.transitionDuration.split(",").some((d) => parseFloat(d) > 0) || style.animationName !== "none").length,
        };
      });
    expect((await motion()).moving, "links ease their underline by default").toBeGreaterThan(0);
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await motion()).toEqual({ smoothScroll: false, moving: 0 });
  });

  test("keeps focus and badges visible in forced colors", async ({ page, siteBase }) => {
    await page.emulateMedia({ forcedColors: "active" });
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeInViewport();
    expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
    await open(page, siteBase, SAMPLE_PAGE);
    expect(await page.locator(".state").first().evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("solid");
    // On a phone the sections' row fades out at its end, but not in forced colors.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.locator(".sections").evaluate((el) => getComputedStyle(el).maskImage)).toBe("none");
    await page.emulateMedia({ forcedColors: "none" });
    // The fade is tied to the row's scrolling, which the browser starts again a frame later.
    await expect.poll(() => page.locator(".sections").evaluate((el) => getComputedStyle(el).maskImage)).toMatch(/^linear-gradient/);
  });

  test("fades the sections' row only while sections are out of sight", async ({ page }) => {
    const sections = page.locator(".sections");
    const fade = () => sections.evaluate((el) => ({ mask: getComputedStyle(el).maskImage, scrolls: el.scrollWidth > el.clientWidth }));
    // Where every section fits the row, the last one is not dimmed.
    await page.setViewportSize({ width: 600, height: 800 });
    expect(await fade()).toEqual({ mask: "none", scrolls: false });
    // Where they do not, the end of the row fades, until it is scrolled to.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(fade).toEqual({ mask: expect.stringMatching(/^linear-gradient\(to right, rgb\(0, 0, 0\) calc\(100% - 24px\)/), scrolls: true });
    await sections.evaluate((el) => el.scrollTo({ left: el.scrollWidth, behavior: "instant" }));
    await expect.poll(async () => (await fade()).mask).toMatch(/^linear-gradient\(to right, rgb\(0, 0, 0\) 100%/);
  });
});

test.describe("on a 360 x 800 phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  // Every reader-facing link of the header: the masthead, the sections, search and the other editions.
  const headerLinks = (page: Page) => page.getByRole("banner").getByRole("link");

  for (const [name, path] of [["English", STORY_PAGE], ["Russian", RU_STORY_PAGE]] as const) {
    test(`the ${name} story's first screen holds its headline, lead, date, dateline and first lines under a header at most 80 px tall`, async ({ page, siteBase }) => {
      await open(page, siteBase, path);
      await expect(page.locator("article figure img"), "a story with a photo").toHaveCount(1);
      const header = await page.getByRole("banner").boundingBox();
      expect(header?.height, "the header's height").toBeLessThanOrEqual(80);
      for (const part of ["h1", ".lead", ".published time", ".dateline"]) await expect(page.locator(part), part).toBeInViewport({ ratio: 1 });
      // The first two lines of the story's text, not just its top edge.
      const first = page.locator(".story-body p").first();
      const { top, lineHeight } = await first.evaluate((el) => ({ top: el.getBoundingClientRect().top, lineHeight: parseFloat(getComputedStyle(el).lineHeight) }));
      expect(top + 2 * lineHeight, "the bottom of the story's second line").toBeLessThanOrEqual(800);
    });
  }

  test("every header link is a tap target at least 44 px tall, reached by the keyboard with its focus in sight", async ({ page, siteBase }) => {
    await open(page, siteBase, STORY_PAGE);
    const names = await headerLinks(page).allTextContents();
    expect(names).toEqual(["Wire Desk", "All news", "Topics", "Archive", "Search", "Русский"]);
    // The skip link first, then the header's links in reading order, each scrolled into sight as it takes focus.
    await page.keyboard.press("Tab");
    for (const [index, link] of (await headerLinks(page).all()).entries()) {
      await page.keyboard.press("Tab");
      await expect(link).toBeFocused();
      await expect(link).toBeInViewport({ ratio: 1 });
      const { height, outline } = await link.evaluate((el) => ({ height: el.getBoundingClientRect().height, outline: getComputedStyle(el).outlineStyle }));
      expect(height, `${names[index]}'s height`).toBeGreaterThanOrEqual(44);
      expect(outline, `${names[index]}'s focus`).toBe("solid");
    }
  });

  test("the header keeps to one row without scrolling the page sideways, and nothing moves as the page loads", async ({ page, siteBase }) => {
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
      }).observe({ type: "layout-shift", buffered: true });
    });
    await open(page, siteBase, STORY_PAGE);
    await expect.poll(() => page.locator("article figure img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const tops = await headerLinks(page).evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().top)));
    expect(new Set(tops).size, "rows of header links").toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts)).toEqual([]);
    if (!axeRunsHere()) return;
    const violations = await axeViolations(page);
    expect(violations.map(({ id, nodes }) => `${id} at ${nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("a story without a photo shows no figure, only its agency photo's credit as text: its text starts on the first screen", async ({ page, siteBase }) => {
    await open(page, siteBase, SAMPLE_PAGE);
    await expect(page.locator("figure")).toHaveCount(0);
    await expect(page.locator("main .photo-credit")).toHaveText("Photo Kyodo");
    await expect(page.locator(".story-body p").first()).toBeInViewport();
  });

  test("at 1280 px the nameplate stays centred above the sections and the editions", async ({ page, siteBase }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page, siteBase, STORY_PAGE);
    const name = await page.locator(".site-name a").boundingBox();
    const sections = await page.getByRole("navigation", { name: "Sections" }).boundingBox();
    const editions = await page.getByRole("navigation", { name: "Languages" }).boundingBox();
    expect(Math.abs((name?.x ?? 0) + (name?.width ?? 0) / 2 - 640), "the name's distance from the centre").toBeLessThanOrEqual(1);
    expect(sections?.y ?? 0).toBeGreaterThanOrEqual((name?.y ?? 0) + (name?.height ?? 0));
    expect(editions?.y ?? 0).toBeGreaterThanOrEqual((sections?.y ?? 0) + (sections?.height ?? 0));
    for (const height of await headerLinks(page).evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height))) expect(height).toBeGreaterThanOrEqual(44);
  });
});

test("a story's page with its stylesheet, without the story's text, fits the first round trip (14 KB gzipped)", () => {
  const html = readFileSync(join(TEST_SITE_DIR, STORY_PAGE), "utf8");
  const stylesheet = readdirSync(join(TEST_SITE_DIR, "assets")).find((file) => /^site\.[0-9a-f]+\.css$/.test(file));
  expect(stylesheet).toBeDefined();
  const css = gzipSync(readFileSync(join(TEST_SITE_DIR, "assets", stylesheet ?? ""))).length;
  // The page's size as the build's budget check measures it (gzipped, without the story's text).
  const page = pageBudgetFacts(STORY_PAGE, parsePage(html)).storyPageBytes;
  expect(page).toBeDefined();
  expect((page ?? Infinity) + css).toBeLessThanOrEqual(14 * 1024);
});

test.describe("in the dark color scheme", () => {
  test.use({ colorScheme: "dark" });

  for (const [name, path] of [["story", STORY_PAGE], ["front", FRONT_PAGE], ["All news", INDEX_PAGE]] as const) {
    test(`the ${name} page is light on dark, with no contrast problem axe can find`, async ({ page, siteBase }) => {
      await open(page, siteBase, path);
      const [r = 255, g = 255, b = 255] = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).match(/\d+/g)?.map(Number) ?? [];
      expect(Math.max(r, g, b), "background channel").toBeLessThan(64);
      if (!axeRunsHere()) return;
      const violations = await axeViolations(page);
      expect(violations.map(({ id, nodes }) => `${id} at ${nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
});

test.describe("at 400% zoom on a 1280 x 1024 screen", () => {
  // Zoom divides the CSS pixels of a window: 1280 x 1024 at 400% lays a page out in 320 x 256.
  test.use({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });

  for (const [name, path] of [["story", STORY_PAGE], ["front", FRONT_PAGE], ["All news", INDEX_PAGE]] as const) {
    test(`the ${name} page reflows into one column without scrolling sideways`, async ({ page, siteBase }) => {
      await open(page, siteBase, path);
      const { scrollWidth, clientWidth, ratio } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        ratio: window.devicePixelRatio,
      }));
      expect([clientWidth, ratio]).toEqual([320, 4]);
      expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
      // The headline starts on the first screen: nothing fixed or oversized pushes the story away.
      await expect(page.locator("h1")).toBeInViewport({ ratio: 0.1 });
    });
  }
});

test.describe("the front page", () => {
  test("leads with the story its editors ranked first, then the top stories by priority and date, and links All news", async ({ page, siteBase }) => {
    await open(page, siteBase, FRONT_PAGE);
    expect(await page.title()).toBe("Wire Desk");
    await expect(page.locator("h1")).toHaveText("Top stories");
    // The updated sample has priority 2: it leads the newer sample, which has none (5), and the seed story, older than the recent days.
    await expect(page.locator(".front-lead h2 a")).toHaveText("Sample story: how an updated and corrected story appears");
    await expect(page.locator(".front-top h2 a")).toHaveText(["Sample story: how topics connect stories", story.title]);
    // A top story's photo is small and waits until it nears the screen, its box sized before it arrives.
    const thumbnail = page.locator(".front-top figure img");
    await expect(thumbnail).toHaveAttribute("loading", "lazy");
    await expect(thumbnail).toHaveAttribute("alt", story.alt);
    expect(await thumbnail.evaluate((img: HTMLImageElement) => [img.getAttribute("width"), img.getAttribute("height")])).toEqual(["1200", "800"]);
    await expect(page.locator(".front-top figcaption")).toContainText("Photo EPA/ITAR-TASS");
    await expect(page.locator("script")).toHaveCount(0);
    await page.getByRole("main").getByRole("link", { name: "All news" }).click();
    await expect(page).toHaveURL(siteBase + INDEX_PAGE);
    await page.getByRole("banner").getByRole("link", { name: "Wire Desk" }).click();
    await expect(page).toHaveURL(siteBase + FRONT_PAGE);
  });

  test("with no priority the newest story with a photo leads, its photo shown first and loaded", async ({ page, siteBase }) => {
    await open(page, siteBase, RU_FRONT_PAGE);
    await expect(page.locator("h1")).toHaveText("Главное");
    await expect(page.locator(".front-lead h2 a")).toHaveText(russianStory.title);
    const img = page.locator(".front-lead figure img");
    await expect(img).toHaveAttribute("alt", russianStory.alt);
    await expect(img).toHaveAttribute("fetchpriority", "high");
    await expect(img).not.toHaveAttribute("loading", "lazy");
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
    await expect(page.locator(".front-lead figcaption")).toContainText("Фото EPA/ИТАР-ТАСС");
    await expect(page.locator(".front-top h2 a")).toHaveText(["Север и Юг Кореи договорились о работе Кэсона"]);
    await expect(page.locator("script")).toHaveCount(0);
  });
});

test.describe("each edition's 404 page", () => {
  /** Opens a missing address, which must answer 404 with a page; the page's stylesheet applied (the skip link moved off screen). */
  async function openMissing(page: Page, missingAddresses: Set<string>, address: string): Promise<void> {
    missingAddresses.add(address);
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(404);
    await expect(page.locator(".skip-link")).not.toBeInViewport();
  }

  /** The page's language, direction and heading, and that its headline of `title` opens that story, served at `storyUrl`. */
  async function expectNotFoundPage(page: Page, lang: string, heading: string, title: string, storyUrl: string): Promise<void> {
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.locator("h1")).toHaveText(heading);
    await page.locator(".headline-list").getByRole("link", { name: title, exact: true }).click();
    await expect(page).toHaveURL(storyUrl);
    await expect(page.locator("h1")).toHaveText(title);
  }

  test("as Netlify serves the build, a missing address in an edition's folder, however deep, shows that edition's 404 page and its latest headlines", async ({ page, siteBase, missingAddresses }, testInfo) => {
    test.skip(testInfo.project.name !== "netlify", "the build's _redirects are Netlify's; GitHub Pages and the disk have their own tests");
    await openMissing(page, missingAddresses, `${siteBase}ru/news/2013/09/02/gone.html`);
    await expect(page.locator(".headline-list a")).toHaveText([russianStory.title, "Север и Юг Кореи договорились о работе Кэсона"]);
    if (axeRunsHere()) {
      const violations = await axeViolations(page);
      expect(violations.map(({ id, nodes }) => `${id} at ${nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
    await expectNotFoundPage(page, "ru", "Страница не найдена", russianStory.title, `${siteBase}${RU_STORY_PAGE}`);
    // Elsewhere the default edition's, in English, with no Russian headline.
    await openMissing(page, missingAddresses, `${siteBase}rumours/gone`);
    await expect(page.locator(".headline-list")).not.toContainText(russianStory.title);
    await expectNotFoundPage(page, "en", "Page not found", story.title, `${siteBase}${STORY_PAGE}`);
  });

  test("as GitHub Pages serves a build for its prefix, every missing address shows the root 404 page, and an edition's own opens at its address", async ({ page, missingAddresses }, testInfo) => {
    test.skip(testInfo.project.name !== "github-pages", "GitHub Pages' own mount");
    // It builds the fixture newsroom once more, for the prefix.
    test.setTimeout(180_000);
    // A 404 page links from the path the build was made for, so this one is built for the prefix.
    const dir = mkdtempSync(join(tmpdir(), "wire-desk-prefixed-"));
    buildTestSite(dir, "http://localhost:8080/newsroom/");
    const site = await openSite({ kind: "http", host: { name: "github-pages", prefix: "/newsroom/" } }, dir);
    try {
      await openMissing(page, missingAddresses, `${site.base}ru/news/2013/09/02/gone.html`);
      await expectNotFoundPage(page, "en", "Page not found", story.title, `${site.base}${STORY_PAGE}`);
      await page.goto(`${site.base}ru/404.html`);
      await expectNotFoundPage(page, "ru", "Страница не найдена", russianStory.title, `${site.base}${RU_STORY_PAGE}`);
    } finally {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("navigates All news -> story -> All news by its links", async ({ page, siteBase }) => {
  await open(page, siteBase, INDEX_PAGE);
  await expect(page.locator("h1")).toHaveText("All news");
  await page.getByRole("link", { name: story.title, exact: true }).click();
  await expect(page).toHaveURL(siteBase + STORY_PAGE);
  await expect(page.locator("h1")).toHaveText(story.title);
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "All news" }).click();
  await expect(page).toHaveURL(siteBase + INDEX_PAGE);
  await expect(page.locator("h1")).toHaveText("All news");
});

test("the label above a story's headline is its main topic, leading to the topic's page", async ({ page, siteBase }) => {
  await open(page, siteBase, SAMPLE_PAGE);
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Sample stories" }).click();
  await expect(page).toHaveURL(`${siteBase}topics/sample-stories/index.html`);
  await expect(page.locator("h1")).toHaveText("Sample stories");
});

test("an archive day lists each story's time and leads to the nearest days with stories", async ({ page, siteBase }) => {
  await open(page, siteBase, "archive/2013/09/03/index.html");
  await expect(page.locator(".story-list .meta time")).toHaveText(["10:00 BST"]);
  const days = page.getByRole("navigation", { name: "Days" }).getByRole("link");
  await expect(days).toHaveText(["Later: September 4, 2013", "Earlier: September 2, 2013"]);
  await days.last().click();
  await expect(page).toHaveURL(`${siteBase}archive/2013/09/02/index.html`);
  await expect(page.locator("h1")).toHaveText("September 2, 2013");
});

test("navigates from a story's date down the archive and back up to it", async ({ page, siteBase }) => {
  await open(page, siteBase, STORY_PAGE);
  await page.locator(".published a").click();
  await expect(page).toHaveURL(`${siteBase}archive/2013/09/02/index.html`);
  await expect(page.locator("h1")).toHaveText("September 2, 2013");
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await crumbs.getByRole("link", { name: "September 2013" }).click();
  await expect(page.locator("h1")).toHaveText("September 2013");
  await expect(page.locator(".period-list a")).toHaveText(["September 4, 2013", "September 3, 2013", "September 2, 2013"]);
  await crumbs.getByRole("link", { name: "2013", exact: true }).click();
  await crumbs.getByRole("link", { name: "Archive" }).click();
  await expect(page).toHaveURL(`${siteBase}archive/index.html`);
  await page.getByRole("main").getByRole("link", { name: "2013" }).click();
  await page.getByRole("link", { name: "September 2013" }).click();
  await page.getByRole("link", { name: "September 2, 2013" }).click();
  await page.getByRole("link", { name: story.title, exact: true }).click();
  await expect(page).toHaveURL(siteBase + STORY_PAGE);
});

test("navigates from a story to its related stories, its topics, their stories and the topics index", async ({ page, siteBase }) => {
  await open(page, siteBase, SAMPLE_PAGE);
  // Related stories are earlier ones sharing a topic: the updated sample, a day before; the seed story, earlier still, makes up the list.
  const related = page.getByRole("complementary", { name: "Related stories" }).getByRole("link");
  await expect(related).toHaveText(["Sample story: how an updated and corrected story appears", story.title]);
  await related.first().click();
  await expect(page).toHaveURL(`${siteBase}news/2013/09/03/sample-updated-and-corrected.html`);
  await expect(page.locator(".updated")).toHaveText("Updated September 3, 2013, 16:30 BST");
  await expect(page.locator(".corrections h2")).toHaveText("Correction");
  // The sample spells the topic "site  help"; the site prints the spelling most stories use.
  await page.getByRole("navigation", { name: "Topics" }).getByRole("link", { name: "Site help" }).click();
  await expect(page).toHaveURL(`${siteBase}topics/site-help/index.html`);
  await expect(page.locator("h1")).toHaveText("Site help");
  await expect(page.locator(".story-list h2 a")).toHaveText([
    "Sample story: how topics connect stories",
    "Sample story: how an updated and corrected story appears",
  ]);
  await page.getByRole("link", { name: "Sample story: how topics connect stories" }).click();
  await expect(page).toHaveURL(siteBase + SAMPLE_PAGE);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Topics" }).click();
  await expect(page).toHaveURL(`${siteBase}topics/index.html`);
  await expect(page.locator(".topic-index a")).toHaveText(["Sample stories", "Site help"]);
});

test("a story with no related story ends with the stories just before it, headed More news", async ({ page, siteBase }) => {
  // The updated sample's topics are the samples'; the only story before it is the seed story, which has none.
  await open(page, siteBase, "news/2013/09/03/sample-updated-and-corrected.html");
  await page.getByRole("complementary", { name: "More news" }).getByRole("link", { name: story.title }).click();
  await expect(page).toHaveURL(siteBase + STORY_PAGE);
});

test("a withdrawn story's address says who withdrew it and when, leads back to All news, and is not for search engines", async ({ page, siteBase }) => {
  await open(page, siteBase, WITHDRAWN_PAGE);
  await expect(page.locator("h1")).toHaveText("Story withdrawn");
  expect(await page.title()).toBe("Story withdrawn | Wire Desk");
  await expect(page.getByRole("main").locator("p").first()).toHaveText("Itar-Tass withdrew this story on September 6, 2013, 10:00 MSK.");
  await expect(page.locator("main time")).toHaveAttribute("datetime", "2013-09-06T10:00:00+04:00");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  await expect(page.locator('script[type="application/ld+json"], main img, article')).toHaveCount(0);
  await page.getByRole("main").getByRole("link", { name: "Read all news" }).click();
  await expect(page).toHaveURL(siteBase + INDEX_PAGE);
  // All news does not offer it, and its day has no archive page (the archive's September lists the 2nd to the 4th).
  await expect(page.locator('a[href*="kaesong-reopening"]')).toHaveCount(0);
});

test("lists no draft and no withdrawn story: the draft sample is only for the dev server", async ({ page, siteBase }) => {
  await open(page, siteBase, INDEX_PAGE);
  await expect(page.locator(".story-list h2 a")).toHaveText([
    "Sample story: how topics connect stories",
    "Sample story: how an updated and corrected story appears",
    story.title,
  ]);
});

test.describe("the Russian edition", () => {
  test("prints the translated story word for word, in Russian: language, dateline, date and navigation", async ({ page, siteBase }) => {
    await open(page, siteBase, RU_STORY_PAGE);
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.locator("h1")).toHaveText(russianStory.title);
    expect(await page.title()).toBe(`${russianStory.title} | Wire Desk`);
    await expect(page.locator("article .lead")).toHaveText(russianStory.lead);
    const [opening = "", ...rest] = russianStory.paragraphs;
    await expect(page.locator(".story-body > p")).toHaveText([RU_DATELINE + opening, ...rest]);
    await expect(page.locator(".published time")).toHaveText("2 сентября 2013 г., 15:40 MSK");
    await expect(page.getByRole("navigation", { name: "Разделы" }).getByRole("link")).toHaveText(["Все новости", "Темы", "Архив", "Поиск"]);
    await expect(page.getByRole("link", { name: "Перейти к содержанию" })).toHaveCount(1);
  });

  test("the dateline wraps only between its pieces: never at the agency's hyphen, never before a dash", async ({ page, siteBase }) => {
    await open(page, siteBase, RU_STORY_PAGE);
    const pieces = page.locator(".story-body .dateline > span");
    await expect(pieces).toHaveText(["МОСКВА,", "2 сентября.", "/ИТАР-ТАСС/."]);
    for (const piece of await pieces.all()) await expect(piece).toHaveCSS("white-space", "nowrap");
    // The text itself is the dateline as typed: plain hyphens and spaces, for copying and for screen readers.
    expect(await page.locator(".story-body .dateline").textContent()).toBe(RU_DATELINE.trimEnd());
  });

  test("the language switch names each edition in its own language, and says where it leads in the page's", async ({ page, siteBase }) => {
    await open(page, siteBase, STORY_PAGE);
    const toRussian = page.getByRole("navigation", { name: "Languages" }).getByRole("link");
    await expect(toRussian).toHaveText(["Русский"]);
    await expect(toRussian.locator("span")).toHaveAttribute("lang", "ru");
    await expect(toRussian).toHaveAttribute("title", "Read in Russian");
    await open(page, siteBase, RU_INDEX_PAGE);
    const toEnglish = page.getByRole("navigation", { name: "Языки" }).getByRole("link");
    await expect(toEnglish).toHaveText(["English"]);
    await expect(toEnglish.locator("span")).toHaveAttribute("lang", "en");
    await expect(toEnglish).toHaveAttribute("title", "Английская версия");
  });

  test("the language switch leads from a story to its translation and back", async ({ page, siteBase }) => {
    await open(page, siteBase, STORY_PAGE);
    await page.getByRole("navigation", { name: "Languages" }).getByRole("link", { name: "Русский" }).click();
    await expect(page).toHaveURL(siteBase + RU_STORY_PAGE);
    await expect(page.locator("h1")).toHaveText(russianStory.title);
    await page.getByRole("navigation", { name: "Языки" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(siteBase + STORY_PAGE);
    await expect(page.locator("h1")).toHaveText(story.title);
  });

  test("the language switch leads from All news to All news, and a story with no translation to the other edition's front page", async ({ page, siteBase }) => {
    await open(page, siteBase, INDEX_PAGE);
    await page.getByRole("navigation", { name: "Languages" }).getByRole("link", { name: "Русский" }).click();
    await expect(page).toHaveURL(siteBase + RU_INDEX_PAGE);
    await expect(page.locator("h1")).toHaveText("Все новости");
    // Only Russian stories: the English ones are in the English edition alone.
    await expect(page.locator(".story-list h2 a")).toHaveText([russianStory.title, "Север и Юг Кореи договорились о работе Кэсона"]);
    await page.getByRole("link", { name: "Север и Юг Кореи договорились о работе Кэсона" }).click();
    await expect(page.locator(".published time")).toHaveText("7 марта 2013 г., 10:15 KST");
    await expect(page.locator(".corrections h2")).toHaveText("Исправление");
    await page.getByRole("navigation", { name: "Языки" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(siteBase + FRONT_PAGE);
    await expect(page.locator("h1")).toHaveText("Top stories");
  });
});

const PAGES = [
  ["Russian front", RU_FRONT_PAGE],
  ["Russian All news", RU_INDEX_PAGE],
  ["Russian story", RU_STORY_PAGE],
  ["Russian topics", "ru/topics/index.html"],
  ["Russian archive day", "ru/archive/2013/03/07/index.html"],
  ["front", FRONT_PAGE],
  ["All news", INDEX_PAGE],
  ["story", STORY_PAGE],
  ["sample story", "news/2013/09/03/sample-updated-and-corrected.html"],
  ["topic", "topics/site-help/index.html"],
  ["topics", "topics/index.html"],
  ["archive day", "archive/2013/09/02/index.html"],
  ["archive month", "archive/2013/09/index.html"],
  ["withdrawn story", WITHDRAWN_PAGE],
] as const;

for (const [name, path] of PAGES) {
  // One opening per page and mount: reloading a static page for each question only repeats its load.
  test(`the ${name} page runs no script, passes axe and does not scroll sideways at 320 px`, async ({ page, siteBase }) => {
    await open(page, siteBase, path);
    await test.step("has no executable script", async () => {
      await expect(page.locator("h1")).toHaveCount(1);
      // Structured data is a data block: browsers never run it.
      await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
    });
    if (axeRunsHere()) {
      await test.step("has no WCAG 2.2 AA violation found by axe", async () => {
        const violations = await axeViolations(page);
        // One line per rule and the elements it flags: axe's full result objects bury the point.
        const found = violations.map(
          ({ id, impact, help, nodes }) => `${id} (${impact ?? "?"}): ${help} at ${nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
        expect(found, `axe violations on ${path}`).toEqual([]);
      });
    }
    await test.step("does not scroll sideways at 320 px", async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(clientWidth, "viewport width").toBe(320);
      expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
    });
  });
}

test("a topic of one long word breaks on a phone rather than make the story page scroll sideways", async ({ page, siteBase }) => {
  await open(page, siteBase, "news/2013/09/03/sample-updated-and-corrected.html");
  await page.setViewportSize({ width: 320, height: 640 });
  // A German compound as long as a topic may be: the fixture's own topics are short.
  await page.locator(".story-topics a").first().evaluate((link) => (link.textContent = "Donaudampfschifffahrtsgesellschaftskapitaensmuetzenabzeichen"));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test.describe("search", () => {
  // "announce" is in one fixture story's text alone, in neither its headline nor its lead.
  const SEARCH_PAGE = "search/index.html";

  test("search finds a word of one story's text, case and all, marks it, and its result opens the story", async ({ page, siteBase }) => {
    await open(page, siteBase, SEARCH_PAGE);
    await expect(page.locator("#search-needs-script"), "the script runs, so the page does not say search needs it").toBeHidden();
    await page.getByLabel("Words to find").fill("ANNOUNCE");
    await page.getByRole("button", { name: "Search" }).click();
    // A plain GET form: the query is in the address, so a search can be linked.
    await expect(page).toHaveURL(/[?&]q=ANNOUNCE/);
    const results = page.locator("#search-results .story-item");
    await expect(results).toHaveCount(1);
    await expect(page.getByRole("status")).toHaveText("1 story found for “ANNOUNCE”");
    await expect(results.locator("h2 a")).toHaveText("Sample story: how an updated and corrected story appears");
    await expect(results.locator(".meta time")).toHaveAttribute("datetime", /^2013-09-03/);
    await expect(results.locator(".meta .place")).toHaveText("LONDON, September 3 (Wire Desk)");
    await results.locator("h2 a").click();
    await expect(page).toHaveURL(siteBase + "news/2013/09/03/sample-updated-and-corrected.html");
    await page.goBack();
    await expect(page.getByLabel("Words to find")).toHaveValue("ANNOUNCE");
  });

  test("search matches prefixes and words without their accents, and marks what it matched", async ({ page, siteBase }) => {
    await open(page, siteBase, `${SEARCH_PAGE}?q=denucl`);
    await expect(page.locator("#search-results .story-item h2 a")).toHaveText([story.title]);
    await expect(page.locator("#search-results .story-item mark").first()).toHaveText(/^denucl/i);
    if (axeRunsHere()) {
      const violations = await axeViolations(page);
      expect(violations.map(({ id, nodes }) => `${id} at ${nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });

  test("search says so when nothing matches, and works in the Russian edition, in its words", async ({ page, siteBase }) => {
    await open(page, siteBase, `${SEARCH_PAGE}?q=zzzzzz`);
    await expect(page.getByRole("status")).toHaveText("No story found for “zzzzzz”.");
    await expect(page.locator("#search-results .story-item")).toHaveCount(0);
    await open(page, siteBase, `ru/${SEARCH_PAGE}`);
    await page.getByLabel("Что найти").fill("представители");
    await page.getByRole("button", { name: "Найти" }).click();
    const results = page.locator("#search-results .story-item");
    await expect(results).toHaveCount(1);
    await expect(page.getByRole("status")).toHaveText("По запросу «представители» найдено: 1 новость");
    // The word is in the story's text, which a result does not show: nothing it shows is marked.
    await expect(results.locator("h2 a")).toHaveText("Север и Юг Кореи договорились о работе Кэсона");
    await results.locator("h2 a").click();
    await expect(page).toHaveURL(siteBase + "ru/news/2013/03/07/kaesong-peregovory.html");
  });

  test("the switch to the other edition's search page takes the query along", async ({ page, siteBase }) => {
    await open(page, siteBase, `ru/${SEARCH_PAGE}?q=${encodeURIComponent("Кэсон & talks")}`);
    const english = page.locator(".language-switch a[hreflang='en']");
    await expect(english).toHaveAttribute("href", `../../${SEARCH_PAGE}?q=${encodeURIComponent("Кэсон & talks")}`);
    await english.click();
    await expect(page.getByLabel("Words to find")).toHaveValue("Кэсон & talks");
  });

  test("no built page but the two search pages has a script element other than structured data", ({}, testInfo) => {
    test.skip(testInfo.project.name !== "netlify", "reads the built files, the same in every mount");
    const pages = readdirSync(TEST_SITE_DIR, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html")).map((file) => file.split(sep).join("/"));
    const withScript = pages.filter((file) => /<script(?![^>]*type="application\/ld\+json")/.test(readFileSync(join(TEST_SITE_DIR, file), "utf8")));
    expect(pages.length).toBeGreaterThan(20);
    expect(withScript.sort()).toEqual(["ru/search/index.html", "search/index.html"]);
  });

  test("the search page runs only the site's own script files; without script it says search needs it and links the topics and archive", async ({ browser, siteBase }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await open(page, siteBase, SEARCH_PAGE);
    await expect(page.locator("#search-needs-script")).toBeVisible();
    await expect(page.locator("#search-needs-script a")).toHaveText(["topics", "archive"]);
    const sources = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => [script.getAttribute("src") ?? "inline", script.textContent ?? ""]));
    expect(sources.map(([src]) => src?.replace(/\.[0-9a-f]+\.js$/, ".js"))).toEqual(["../assets/minisearch.js", "../assets/search-words.js", "../assets/search.js"]);
    expect(sources.every(([, text]) => text === "")).toBe(true);
    await context.close();
  });
});

test.describe("bylines and credits", () => {
  const BYLINE_PAGE = "news/2013/09/03/sample-updated-and-corrected.html";
  const BYLINE_HEADLINE = "Sample story: how an updated and corrected story appears";

  test("each name of a byline leads to its author's page, which lists the story and leads back to it", async ({ page, siteBase }) => {
    await open(page, siteBase, BYLINE_PAGE);
    const names = page.locator("main .byline a");
    await expect(names).toHaveText(["Ann Smith", "Bo Li"]);
    await names.first().click();
    await expect(page).toHaveURL(new RegExp(`^${siteBase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}authors/ann-smith/`));
    await expect(page.locator("h1")).toContainText("Ann Smith");
    await page.locator("main").getByRole("link", { name: BYLINE_HEADLINE }).click();
    await expect(page.locator("h1")).toHaveText(BYLINE_HEADLINE);
  });

  test("the feeds name a story's authors, and a story's structured data names its photo's credit", async ({ page, siteBase }, testInfo) => {
    test.skip(testInfo.project.name !== "netlify", "reads the built feeds, the same in every mount; the page's data is read once");
    expect(readFileSync(join(TEST_SITE_DIR, "feed.xml"), "utf8")).toContain("<dc:creator>Ann Smith</dc:creator>");
    expect(readFileSync(join(TEST_SITE_DIR, "atom.xml"), "utf8")).toMatch(/<author><name>Bo Li<\/name><uri>[^<]*authors\/bo-li\/<\/uri><\/author>/);
    const feed = JSON.parse(readFileSync(join(TEST_SITE_DIR, "feed.json"), "utf8")) as { items: { title: string; authors?: { name: string }[] }[] };
    expect(feed.items.find((item) => item.title === BYLINE_HEADLINE)?.authors?.map(({ name }) => name)).toEqual(["Ann Smith", "Bo Li"]);
    await open(page, siteBase, STORY_PAGE);
    const graphs = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text) as { "@graph": { "@type": string; image?: { creditText?: string } }[] });
    const article = graphs.flatMap((data) => data["@graph"]).find((node) => node["@type"] === "NewsArticle");
    expect(article?.image?.creditText).toBe("Photo EPA/ITAR-TASS");
  });
});

test("a Content Security Policy violation is caught and fails a test", async ({ page, siteBase, pageProblems }) => {
  await open(page, siteBase, STORY_PAGE);
  // An image from elsewhere is what the policy forbids; the policy blocks it before any request.
  await page.evaluate(() => {
    const image = document.createElement("img");
    image.src = "https://example.invalid/tracker.png";
    image.alt = "";
    document.body.append(image);
  });
  await expect.poll(() => pageProblems.some((problem) => problem.includes("CSP violation") && problem.includes("img-src"))).toBe(true);
  pageProblems.splice(0);
});
