/**
 * Measures photo conversion settings on generated, photo-like pictures and prints Markdown tables
 * for BENCHMARKS.md ("Photos: conversion settings", "Photos: what a build publishes").
 * Usage: npm run bench:photos [-- --published]   (--published: only the published sets' table)
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { makeSamplePhoto, NEWS_PHOTOS, SAMPLE_PHOTOS } from "../src/lib/media/sample-photos.ts";
import { CANDIDATE_SETTINGS, PUBLISHED_SETS, publishedTables, SHARP_DEFAULT_SETTINGS, settingsTable, throughputTable } from "../src/lib/media/photo-bench.ts";
import { CONVERSION_SETTINGS } from "../src/lib/media/photos.ts";

const { values } = parseArgs({ options: { published: { type: "boolean", default: false } } });
const load = () => loadavg().map((figure) => figure.toFixed(2)).join(" ");
const cores = availableParallelism();
const { vips, aom, webp, mozjpeg } = sharp.versions;
console.log(`npm run bench:photos, ${new Date().toISOString().slice(0, 10)}: ${cores} cores, Node.js ${process.versions.node}, sharp ${sharp.versions.sharp} (libvips ${vips}, aom ${aom}, libwebp ${webp}, mozjpeg ${mozjpeg}), load average ${load()} (1, 5, 15 min) at the start\n`);

const news = await Promise.all(NEWS_PHOTOS.map(async (sample) => ({ name: sample.name, contents: await makeSamplePhoto(sample) })));
console.log(`News photos (${NEWS_PHOTOS.map(({ name, width, height, grain }) => `${name} ${width}x${height} grain ${grain}`).join(", ")}), every file each set publishes:\n`);
const { perPhoto, summary } = await publishedTables(news, PUBLISHED_SETS);
console.log(`${summary}\n\n${perPhoto}`);
if (values.published) {
  console.log(`\nload average ${load()} at the end`);
  process.exit(0);
}

console.log(`\nload average ${load()}\n`);
const photos = await Promise.all(SAMPLE_PHOTOS.map(async (sample) => ({ name: sample.name, contents: await makeSamplePhoto(sample) })));
console.log("Each setting, all four widths of one photo, one file at a time:\n");
console.log(await settingsTable(photos, CANDIDATE_SETTINGS));

// Whole photos through the build's converter: the same three pictures and three more like them.
const folder = await mkdtemp(join(tmpdir(), "bench-photos-"));
try {
  const samples = [...SAMPLE_PHOTOS, ...SAMPLE_PHOTOS.map((sample) => ({ ...sample, seed: sample.seed + 10 }))];
  const files = await Promise.all(
    samples.map(async (sample) => {
      const file = join(folder, `sample-${sample.seed}.jpg`);
      await writeFile(file, await makeSamplePhoto(sample));
      return file;
    }),
  );
  console.log(`\nWhole photos through the build's converter (AVIF and JPEG at every width), load average ${load()} before:\n`);
  console.log(
    await throughputTable(files, [
      { label: "sharp's defaults, one photo at a time", settings: SHARP_DEFAULT_SETTINGS, parallelPhotos: 1 },
      { label: `sharp's defaults, ${cores} at a time`, settings: SHARP_DEFAULT_SETTINGS, parallelPhotos: cores },
      { label: "chosen settings, one photo at a time", settings: CONVERSION_SETTINGS, parallelPhotos: 1 },
      { label: `chosen settings, ${cores} at a time`, settings: CONVERSION_SETTINGS, parallelPhotos: cores },
    ]),
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
console.log(`\nload average ${load()} at the end`);
