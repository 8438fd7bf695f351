/**
 * A third edition is a settings entry and a strings file, nothing else: an Arabic edition, written
 * right to left, added to a copy of the project builds, passes every check, and lays out from the
 * right without overflowing a phone's screen, its 404 page too.
 */
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { chromium, type Page } from "@playwright/test";
import { findBrowser } from "../../src/lib/check/browser.ts";
import { startStaticServer } from "../../src/lib/hosts/static-server.ts";
import { buildFixtureInProcess, makeFixtureSite } from "../support/fixture-site.ts";

const ARABIC_STRINGS = new URL("../fixtures/editions/ar.json", import.meta.url);

const root = makeFixtureSite({
  "talks.md": "---\ntitle: Talks resume in Cairo\nlead: Delegations meet again.\ndate: 2013-09-02T10:00\ndateline: CAIRO\ntimezone: Africa/Cairo\nsource: MENA\ntags: [Diplomacy]\n---\n\nDelegations met again on Monday.\n",
  "ar/mufawadat.md":
    "---\ntitle: استئناف المحادثات في القاهرة\nlead: التقت الوفود مجددًا لبحث الخطوات المقبلة في المفاوضات.\ndate: 2013-09-02T12:00\ndateline: القاهرة\ntimezone: Africa/Cairo\nsource: أ ش أ\nlang: ar\ntranslationOf: talks.md\ntags: [دبلوماسية]\n---\n\nالتقت الوفود مجددًا يوم الاثنين لبحث الخطوات المقبلة في المفاوضات الجارية بين الطرفين.\n",
});
after(() => rmSync(root, { recursive: true, force: true }));

test("an Arabic edition, added as a settings entry and a strings file, builds and reads right to left at 360 px", { timeout: 300_000 }, async () => {
  const settings = join(root, "_data", "site.ts");
  const russian = '{ lang: "ru", dir: "ltr", name: "Русский", path: "ru/" },';
  const code = readFileSync(settings, "utf8");
  assert.ok(code.includes(russian), "the settings list the Russian edition");
  writeFileSync(settings, code.replace(russian, `${russian}\n      { lang: "ar", dir: "rtl", name: "العربية", path: "ar/" },`));
  copyFileSync(ARABIC_STRINGS, join(root, "_data", "strings", "ar.json"));

  const run = await buildFixtureInProcess(root, { BUILD_MOMENT: "2013-09-10T00:00Z" });
  assert.equal(run.status, 0, run.output);

  const choice = findBrowser();
  assert.ok(choice, "a browser to lay the pages out in (see node scripts/browser.ts)");
  const server = await startStaticServer(join(root, "_site"), { name: "netlify" });
  const browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ["ar/index.html", "ar/news/2013/09/02/mufawadat.html", "ar/topics/index.html", "ar/archive/2013/09/02/index.html"]) {
      await page.goto(server.base + path);
      assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ["ar", "rtl"], path);
      assert.deepEqual(await layout(page, "h1"), { direction: "rtl", startsAtRight: true }, `${path}: the heading starts at the right`);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      assert.ok(scrollWidth <= clientWidth, `${path}: ${scrollWidth}px wide in a ${clientWidth}px viewport`);
    }
    await page.goto(`${server.base}ar/news/2013/09/02/mufawadat.html`);
    assert.deepEqual(await layout(page, ".story-body p"), { direction: "rtl", startsAtRight: true }, "the story's text starts at the right");
    // The phone's header: with two other editions, a row for the masthead, the sections and search, and one for the
    // editions, at most 100 px tall; the sections in sight, its links tap targets at least 44 px tall, the masthead at the right.
    const header = await page.evaluate(() => {
      const links = [...document.querySelectorAll(".site-header a")].map((link) => link.getBoundingClientRect());
      const name = document.querySelector(".site-name a")?.getBoundingClientRect();
      const sections = document.querySelector(".site-nav .sections")?.getBoundingClientRect().width ?? 0;
      return { height: document.querySelector(".site-header")?.getBoundingClientRect().height ?? Infinity, sections, shortest: Math.min(...links.map(({ height }) => height)), nameRight: name?.right ?? 0, linksLeft: Math.min(...links.map(({ left }) => left)) };
    });
    assert.ok(header.height <= 100, `the header is ${header.height}px tall`);
    assert.ok(header.sections >= 120, `the sections show ${header.sections}px of themselves`);
    assert.ok(header.shortest >= 44, `a header link is ${header.shortest}px tall`);
    assert.ok(header.nameRight > 300 && header.linksLeft < header.nameRight - 100, `the masthead ends at ${header.nameRight}px, the links start at ${header.linksLeft}px`);
    assert.match((await page.textContent(".story-body p")) ?? "", /^القاهرة، 2 سبتمبر \(أ ش أ\) -/);
    // The switch names each edition as it names itself; its title says, in the page's language, "read in"
    // where it leads to the translation, the other edition where the story has none there (no Russian version here).
    assert.deepEqual(await switchLinks(page), [["English", "en", "اقرأ باللغة الإنجليزية"], ["Русский", "ru", "النسخة الروسية"]]);
    // The edition's own 404 page at a missing address in its folder, in Arabic, right to left, with its headline.
    const missing = await page.goto(`${server.base}ar/news/2013/09/02/gone.html`);
    assert.equal(missing?.status(), 404);
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ["ar", "rtl"]);
    assert.deepEqual(await layout(page, "h1"), { direction: "rtl", startsAtRight: true }, "the 404 page's heading starts at the right");
    assert.deepEqual(await page.locator(".headline-list a").allTextContents(), ["استئناف المحادثات في القاهرة"]);
    await page.goto(`${server.base}news/2013/09/02/talks.html`);
    assert.deepEqual(await switchLinks(page), [["Русский", "ru", "Russian edition"], ["العربية", "ar", "Read in Arabic"]]);
    await page.getByRole("link", { name: "العربية" }).click();
    assert.equal(page.url(), `${server.base}ar/news/2013/09/02/mufawadat.html`);
  } finally {
    await browser.close();
    await server.close();
  }
});

/** The element's direction, and whether its first line of text starts at its right edge. */
function layout(page: Page, selector: string): Promise<{ direction: string; startsAtRight: boolean }> {
  return page.locator(selector).first().evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    // A line of mixed scripts ("2 سبتمبر 2013") is several runs: the first line is every run at the top.
    const runs = [...range.getClientRects()];
    const top = Math.min(...runs.map((run) => run.top));
    const firstLine = runs.filter((run) => run.top < top + 2);
    const box = element.getBoundingClientRect();
    const [left, right] = [Math.min(...firstLine.map((run) => run.left)), Math.max(...firstLine.map((run) => run.right))];
    return { direction: getComputedStyle(element).direction, startsAtRight: firstLine.length > 0 && Math.abs(right - box.right) < 2 && left > box.left + 2 };
  });
}

function switchLinks(page: Page): Promise<string[][]> {
  return page.locator(".language-switch a").evaluateAll((links) => links.map((link) => [link.textContent ?? "", link.querySelector("span")?.lang ?? "", link.getAttribute("title") ?? ""]));
}
