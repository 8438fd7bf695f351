import { readFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import yaml from "js-yaml";
import { openSite, type SiteMount } from "../support/open-site.ts";

const INDEX_PAGE = "index.html";
const STORY_PAGE = "news/moscow-denuclearization-talks.html";
const STORY_SOURCE = new URL("../../src/news/moscow-denuclearization-talks/index.md", import.meta.url);
// Printed by the site from the dateline, date and source fields, ahead of the story's first words.
const DATELINE = "MOSCOW, September 2 (Itar-Tass) - ";
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface Story {
  title: string;
  lead: string;
  alt: string;
  paragraphs: string[];
}

/** The seed story as the newsroom typed it, so the page is checked against its source, word for word. */
function readStory(): Story {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(readFileSync(STORY_SOURCE, "utf8"));
  const front: unknown = match?.[1] === undefined ? undefined : yaml.load(match[1], { schema: yaml.CORE_SCHEMA });
  const fields = (front ?? {}) as { title?: unknown; lead?: unknown; photo?: { alt?: unknown } };
  const { title, lead } = fields;
  const alt = fields.photo?.alt;
  if (typeof title !== "string" || typeof lead !== "string" || typeof alt !== "string" || match?.[2] === undefined) {
    throw new Error(`${STORY_SOURCE.pathname}: expected front matter with title, lead and photo.alt, then the story`);
  }
  // Markdown paragraphs are separated by blank lines; a line break inside one is a space.
  const paragraphs = match[2]
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph !== "");
  return { title, lead, alt, paragraphs };
}

const story = readStory();

const test = base.extend<{ pageProblems: string[] }, { siteMount: SiteMount; siteBase: string }>({
  siteMount: [{ kind: "http", host: { name: "netlify" } }, { scope: "worker", option: true }],
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
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const from = message.location().url;
        problems.push(`console error on ${page.url()}: ${message.text()}${from ? ` (${from})` : ""}`);
      });
      page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
      page.on("requestfailed", (request) =>
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "no reason given"})`),
      );
      page.on("response", (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
      });
      await use(problems);
      expect(problems, "console errors and failed requests").toEqual([]);
    },
    { auto: true },
  ],
});

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

test("navigates All news -> story -> All news by its links", async ({ page, siteBase }) => {
  await open(page, siteBase, INDEX_PAGE);
  await expect(page.locator("h1")).toHaveText("All news");
  await page.getByRole("link", { name: story.title, exact: true }).click();
  await expect(page).toHaveURL(siteBase + STORY_PAGE);
  await expect(page.locator("h1")).toHaveText(story.title);
  await page.getByRole("link", { name: "All news", exact: true }).click();
  await expect(page).toHaveURL(siteBase + INDEX_PAGE);
  await expect(page.locator("h1")).toHaveText("All news");
});

for (const [name, path] of [["All news", INDEX_PAGE], ["story", STORY_PAGE]] as const) {
  test.describe(`the ${name} page`, () => {
    test("has no script element", async ({ page, siteBase }) => {
      await open(page, siteBase, path);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.locator("script")).toHaveCount(0);
    });

    test("does not scroll sideways at 320 px", async ({ page, siteBase }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await open(page, siteBase, path);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(clientWidth, "viewport width").toBe(320);
      expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
    });

    test("has no WCAG 2.2 AA violation found by axe", async ({ page, siteBase }) => {
      await open(page, siteBase, path);
      const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      // One line per rule and the elements it flags: axe's full result objects bury the point.
      const found = violations.map(
        ({ id, impact, help, nodes }) => `${id} (${impact ?? "?"}): ${help} at ${nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
      expect(found, `axe violations on ${path}`).toEqual([]);
    });
  });
}
