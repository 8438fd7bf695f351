import { expect, test } from "@playwright/test";
import { openSite, type SiteMount } from "../support/open-site.ts";

const STORY = "news/2013/09/02/moscow-denuclearization-talks";

// Netlify also serves a page at its pretty URL, without ".html". The page sits in the same
// folder either way, so its relative links must still find the photo, the stylesheet and All news.
test("on Netlify, a story opened at its pretty URL loads whole and links back to All news", async ({ page }, testInfo) => {
  const mount = (testInfo.project.use as { siteMount?: SiteMount }).siteMount;
  test.skip(mount?.kind !== "http" || mount.host.name !== "netlify", "pretty URLs are Netlify's");
  const site = await openSite({ kind: "http", host: { name: "netlify" } });
  try {
    const failed: string[] = [];
    page.on("response", (response) => response.status() >= 400 && failed.push(`HTTP ${response.status()} for ${response.url()}`));
    page.on("requestfailed", (request) => failed.push(`request failed: ${request.url()}`));
    await page.goto(site.base + STORY, { waitUntil: "load" });
    expect(failed).toEqual([]);
    await expect(page).toHaveURL(site.base + STORY);
    const photo = page.locator("article figure img");
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    // The stylesheet applied: the skip link is moved off screen until focused.
    await expect(page.locator(".skip-link")).not.toBeInViewport();
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "All news" }).click();
    await expect(page).toHaveURL(`${site.base}all/index.html`);
  } finally {
    await site.close();
  }
});
