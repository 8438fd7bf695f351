/**
 * axe-core's WCAG 2.2 AA rules on a page the browser pass or a browser test has opened. axe is
 * evaluated by the driver in the page itself (which the page's Content-Security-Policy does not
 * govern) and run there once: a third of the time @axe-core/playwright took (about 0.5 s a page
 * against 1.5), which injects axe into every frame and again into a blank page of its own to merge
 * the frames' results. The site's pages have no frames: their policy's default-src 'none' forbids
 * them.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults, Result, RunOptions } from "axe-core";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const RUN: RunOptions = { runOnly: { type: "tag", values: AXE_TAGS }, resultTypes: ["violations"], iframes: false };

let source: string | undefined;

/** What axe finds wrong on the page as it is now. */
export async function axeViolations(page: Page): Promise<Result[]> {
  source ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  const results = await page.evaluate(
    (options) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, options),
    RUN,
  );
  return results.violations;
}
