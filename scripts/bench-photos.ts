/**
 * Measures photo conversion settings on generated, photo-like pictures and prints Markdown tables
 * for BENCHMARKS.md ("Photos: conversion settings"). Usage: npm run bench:photos
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { makeSamplePhoto, SAMPLE_PHOTOS } from "../src/lib/media/sample-photos.ts";
import { CANDIDATE_SETTINGS, SHARP_DEFAULT_SETTINGS, settingsTable, throughputTable } from "../src/lib/media/photo-bench.ts";
import { CONVERSION_SETTINGS } from "../src/lib/media/photos.ts";

const load = () => loadavg().map((figure) => figure.toFixed(2)).join(" ");
const cores = availableParallelism();
console.log(`npm run bench:photos, ${new Date().toISOString().slice(0, 10)}: ${cores} cores, load average ${load()} (1, 5, 15 min) at the start\n`);

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
  console.log(`\nWhole photos through the build's converter (AVIF, WebP and JPEG at every width), load average ${load()} before:\n`);
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
