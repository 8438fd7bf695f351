import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import {
  conversionThroughput,
  encodeFigures,
  markdownTable,
  psnr,
  settingsTable,
  SHARP_DEFAULT_SETTINGS,
} from "../../../src/lib/media/photo-bench.ts";
import { makeSamplePhoto, type SamplePhoto } from "../../../src/lib/media/sample-photos.ts";

const small: SamplePhoto = { name: "small", width: 400, height: 300, grain: 6, seed: 7 };

test("a sample photo is the same for the same seed, another for another seed, and grain makes it weigh more", async () => {
  const photo = await makeSamplePhoto(small);
  assert.deepEqual(await makeSamplePhoto(small), photo);
  assert.notDeepEqual(await makeSamplePhoto({ ...small, seed: 8 }), photo);
  const { width, height, format } = await sharp(photo).metadata();
  assert.deepEqual([width, height, format], [400, 300, "jpeg"]);
  const clean = await makeSamplePhoto({ ...small, grain: 0 });
  assert.ok(photo.length > clean.length * 1.2, `grainy ${photo.length} bytes, clean ${clean.length}`);
});

test("PSNR: infinite for the same image, 20 log10(255) dB for an error of one level everywhere", () => {
  const image = Uint8Array.from([0, 10, 200, 255]);
  assert.equal(psnr(image, image), Infinity);
  assert.equal(psnr(image, Uint8Array.from([1, 11, 201, 254])).toFixed(3), (20 * Math.log10(255)).toFixed(3));
  assert.throws(() => psnr(image, image.subarray(1)), /differ in size/);
});

test("a setting's figures: its files' bytes, and a lower quality both smaller and further from the photo", async () => {
  const photo = await makeSamplePhoto(small);
  const fine = await encodeFigures(photo, { label: "fine", format: "jpeg", widths: [200, 400], options: { quality: 95 } });
  const coarse = await encodeFigures(photo, { label: "coarse", format: "jpeg", widths: [200, 400], options: { quality: 30 } });
  const expectedBytes = (await sharp(photo).flatten({ background: "#ffffff" }).resize({ width: 200 }).jpeg({ quality: 30 }).toBuffer()).length
    + (await sharp(photo).flatten({ background: "#ffffff" }).resize({ width: 400 }).jpeg({ quality: 30 }).toBuffer()).length;
  assert.equal(coarse.bytes, expectedBytes);
  assert.ok(coarse.bytes < fine.bytes);
  assert.ok(coarse.psnr < fine.psnr, `${coarse.psnr} dB against ${fine.psnr} dB`);
  assert.ok(fine.cpuSeconds > 0);
});

test("the settings table has a row per setting and a CPU and size column per photo", async () => {
  const photos = [{ name: "small", contents: await makeSamplePhoto(small) }];
  const table = await settingsTable(photos, [
    { label: "JPEG 80", format: "jpeg", widths: [320], options: {} },
    { label: "WebP 80", format: "webp", widths: [320], options: {} },
  ]);
  const lines = table.split("\n");
  assert.equal(lines[0], "| setting | small: CPU s | KB | PSNR, dB |");
  assert.equal(lines[1], "| --- | ---: | ---: | ---: |");
  assert.equal(lines.length, 4);
  assert.match(lines[2] ?? "", /^\| JPEG 80 \| \d+\.\d\d \| \d+ \| \d+\.\d \|$/);
  assert.match(lines[3] ?? "", /^\| WebP 80 \| /);
});

test("a Markdown table aligns figures right", () => {
  assert.equal(markdownTable(["what", "n"], [["a", "1"]]), "| what | n |\n| --- | ---: |\n| a | 1 |");
});

test("the throughput run converts every photo through the build's converter", async () => {
  const folder = mkdtempSync(join(tmpdir(), "photo-bench-test-"));
  const files = [1, 2].map((seed) => join(folder, `sample-${seed}.jpg`));
  for (const [index, file] of files.entries()) writeFileSync(file, await makeSamplePhoto({ ...small, width: 1280, height: 720, seed: index + 1 }));
  const figures = await conversionThroughput(files, { label: "", settings: { ...SHARP_DEFAULT_SETTINGS, avif: { effort: 0 } }, parallelPhotos: 2 });
  assert.equal(figures.photos, 2);
  assert.ok(figures.wallSeconds > 0 && figures.cpuSeconds > 0);
});
