/**
 * Builds the site into a fresh folder and only then puts it in place of _site/, so a failed
 * build never leaves a half-written site and no page of a deleted story survives.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import Eleventy from "@11ty/eleventy";

const OUTPUT = "_site";

async function build(): Promise<boolean> {
  const staging = mkdtempSync(".site-build-");
  try {
    // Eleventy prints what went wrong (every story problem at once) before it rejects.
    await new Eleventy("src", staging, { configPath: ".eleventy.ts", quietMode: true }).write();
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return false;
  }
  const previous = `${staging}-previous`;
  if (existsSync(OUTPUT)) renameSync(OUTPUT, previous);
  renameSync(staging, OUTPUT);
  rmSync(previous, { recursive: true, force: true });
  return true;
}

if (await build()) {
  console.log(`build: wrote ${OUTPUT}/`);
} else {
  console.error(`build: failed; ${OUTPUT}/ was left as it was.`);
  process.exitCode = 1;
}
