import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import sharp, { type Sharp } from "sharp";
import {
  conversionThroughput,
  encodeFigures,
  markdownTable,
  pickedWidth,
  psnr,
  publishedFigures,
  publishedTables,
  settingsTable,
  SHARP_DEFAULT_SETTINGS,
  SHOWN_WIDTHS,
  ssimOf,
} from "../../../src/lib/media/photo-bench.ts";
import { makeSamplePhoto, NEWS_PHOTOS, type SamplePhoto } from "../../../src/lib/media/sample-photos.ts";

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

test("each news scene is its own picture, the same for the same seed; the night is dark, the sign has sharp edges", async () => {
  const scenes = new Map<string, Buffer>();
  for (const sample of NEWS_PHOTOS) {
    const small = { ...sample, width: 480, height: 320 };
    const photo = await makeSamplePhoto(small);
    assert.deepEqual(await makeSamplePhoto(small), photo, sample.name);
    assert.notDeepEqual(await makeSamplePhoto({ ...small, seed: small.seed + 1 }), photo, sample.name);
    scenes.set(sample.name, photo);
  }
  assert.deepEqual([...scenes.keys()], ["portrait", "crowd", "sign", "night"]);
  const meanLight = async (photo: Buffer | undefined) => (await sharp(photo).greyscale().stats()).channels[0]?.mean ?? NaN;
  assert.ok((await meanLight(scenes.get("night"))) < 40, "the night is dark");
  assert.ok((await meanLight(scenes.get("portrait"))) > 60, "the portrait is not");
  // Lettering: the sign's strongest edges are much stronger than the portrait's soft gradients.
  const edges = async (photo: Buffer | undefined) =>
    (await sharp(photo).greyscale().convolve({ width: 3, height: 3, kernel: [0, -1, 0, -1, 4, -1, 0, -1, 0] }).stats()).channels[0]?.stdev ?? NaN;
  assert.ok((await edges(scenes.get("sign"))) > (await edges(scenes.get("portrait"))), "the sign's edges are sharper");
});

test("the file a browser picks: the narrowest at least as wide as shown, else the widest", () => {
  assert.equal(pickedWidth([320, 640, 1280], 128), 320);
  assert.equal(pickedWidth([320, 640, 1280], 328), 640);
  assert.equal(pickedWidth([1280, 320, 640], 656), 1280);
  assert.equal(pickedWidth([320, 640], 1280), 640);
  assert.deepEqual(SHOWN_WIDTHS.map((shown) => pickedWidth([320, 640, 960, 1280], shown)), [320, 320, 640, 960, 640, 1280]);
});

test("SSIM: 1 for the same image, lower for a blurred one, lower still for a more blurred one", async () => {
  const photo = await makeSamplePhoto(small);
  const pixels = async (image: Sharp) => {
    const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data: new Uint8ClampedArray(data), width: info.width, height: info.height };
  };
  const reference = await pixels(sharp(photo));
  assert.equal(ssimOf(reference, reference), 1);
  const slightly = ssimOf(reference, await pixels(sharp(photo).blur(0.6)));
  const much = ssimOf(reference, await pixels(sharp(photo).blur(3)));
  assert.ok(slightly < 1 && much < slightly, `${slightly}, ${much}`);
});

test("a published set's figures: every file's bytes, and each format scored as readers see it", async () => {
  const photo = await makeSamplePhoto({ ...small, width: 1280, height: 640 });
  const lean = await publishedFigures(photo, { label: "", widths: [320, 640, 1280], encodings: [{ format: "avif", options: { effort: 0 } }, { format: "jpeg", options: {} }] });
  let expectedBytes = 0;
  for (const width of [320, 640, 1280]) {
    const resized = () => sharp(photo).flatten({ background: "#ffffff" }).resize({ width });
    expectedBytes += (await resized().avif({ effort: 0 }).toBuffer()).length + (await resized().jpeg().toBuffer()).length;
  }
  assert.equal(lean.bytes, expectedBytes);
  assert.deepEqual(Object.keys(lean.ssim), ["avif", "jpeg"]);
  // Shown 1280 px wide from a 640 px file: softer than from a 1280 px one.
  const narrow = await publishedFigures(photo, { label: "", widths: [320, 640], encodings: [{ format: "jpeg", options: {} }] });
  assert.ok((narrow.ssim.jpeg ?? 1) < (lean.ssim.jpeg ?? 0), `without 1280: ${narrow.ssim.jpeg}, with: ${lean.ssim.jpeg}`);
});

test("the published sets' tables: a row per set and photo, each set's share of the first, and a summary per set", async () => {
  const photo = { name: "small", contents: await makeSamplePhoto(small) };
  const jpeg = { format: "jpeg", options: {} } as const;
  const { perPhoto, summary } = await publishedTables([photo], [
    { label: "two widths", widths: [200, 400], encodings: [jpeg] },
    { label: "one width", widths: [400], encodings: [jpeg] },
  ]);
  const rows = perPhoto.split("\n");
  assert.equal(rows[0], "| set | photo | KB per photo | of the first | AVIF SSIM | WebP SSIM | JPEG SSIM |");
  assert.match(rows[2] ?? "", /^\| two widths \| small \| \d+ \| 100% \|  \|  \| 0\.\d{4} \|$/);
  assert.match(rows[3] ?? "", /^\| one width \| small \| \d+ \| (\d\d)% \|  \|  \| 0\.\d{4} \|$/);
  const lines = summary.split("\n");
  assert.equal(lines[0], "| set | KB per photo, mean | of the first | AVIF SSIM, lowest | WebP SSIM, lowest | JPEG SSIM, lowest |");
  assert.equal(lines.length, 4);
  assert.match(lines[3] ?? "", /^\| one width \| \d+ \| \d\d% \|  \|  \| 0\.\d{4} \|$/);
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

test("the throughput run converts every photo through the build's converter", async (t) => {
  const folder = mkdtempSync(join(tmpdir(), "photo-bench-test-"));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const files = [1, 2].map((seed) => join(folder, `sample-${seed}.jpg`));
  for (const [index, file] of files.entries()) writeFileSync(file, await makeSamplePhoto({ ...small, width: 1280, height: 720, seed: index + 1 }));
  const figures = await conversionThroughput(files, { label: "", settings: { ...SHARP_DEFAULT_SETTINGS, avif: { effort: 0 } }, parallelPhotos: 2 });
  assert.equal(figures.photos, 2);
  assert.ok(figures.wallSeconds > 0 && figures.cpuSeconds > 0);
});
