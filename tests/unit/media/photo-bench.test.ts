import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import sharp, { type Sharp } from "sharp";
import { ssim } from "ssim.js";
import { publishedTables, settingsTable, SHARP_DEFAULT_SETTINGS, throughputTable, type Encoding, type PublishedSet } from "../../../src/lib/media/photo-bench.ts";
import { makeSamplePhoto, NEWS_PHOTOS, type SamplePhoto } from "../../../src/lib/media/sample-photos.ts";

const small: SamplePhoto = { name: "small", width: 400, height: 300, grain: 6, seed: 7 };

/** A Markdown table's rows after its header and rule, each as its cells. */
const bodyRows = (table: string): string[][] => table.split("\n").slice(2).map((line) => line.slice(2, -2).split(" | "));

/** The photo resized as the bench resizes it before encoding. */
const resized = (photo: Buffer, width: number): Sharp => sharp(photo).flatten({ background: "#ffffff" }).resize({ width });

/** Each set's row of the per-photo table for one photo: its KB, its share of the first set, and its AVIF, WebP and JPEG SSIM. */
async function publishedRows(photo: Buffer, sets: readonly PublishedSet[]): Promise<string[][]> {
  const { perPhoto } = await publishedTables([{ name: "photo", contents: photo }], sets);
  return bodyRows(perPhoto).map((cells) => cells.slice(2));
}

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

test("each format is scored as readers see it: at 128, 256, 328, 656, 640 and 1280 px, the narrowest file at least as wide as shown, else the widest, with SSIM pixel for pixel", async () => {
  const photo = await makeSamplePhoto({ ...small, width: 1280, height: 640 });
  const pixels = async (image: Sharp) => {
    const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data: new Uint8ClampedArray(data), width: info.width, height: info.height };
  };
  // Shown at each width, from the file of the width picked for it.
  const picks: [shown: number, picked: number][] = [[128, 320], [256, 320], [328, 640], [656, 960], [640, 640], [1280, 1280]];
  let sum = 0;
  for (const [shown, picked] of picks) {
    const reference = await pixels(resized(photo, shown));
    const file = await resized(photo, picked).jpeg().toBuffer();
    sum += ssim(reference, await pixels(sharp(file).resize({ width: shown, height: reference.height, fit: "fill" })), { downsample: false }).mssim;
  }
  const jpeg: Encoding = { format: "jpeg", options: {} };
  // The widths in any order: the browser picks by width, not by place in the list.
  const rows = await publishedRows(photo, [
    { label: "four widths", widths: [320, 640, 960, 1280], encodings: [jpeg] },
    { label: "four widths, unordered", widths: [1280, 320, 960, 640], encodings: [jpeg] },
  ]);
  assert.equal(rows[0]?.[4], (sum / picks.length).toFixed(4));
  assert.equal(rows[1]?.[4], rows[0]?.[4]);
});

test("a published set's figures: every file's bytes, and each format scored as readers see it", async () => {
  const photo = await makeSamplePhoto({ ...small, width: 1280, height: 640 });
  const lean: PublishedSet = { label: "lean", widths: [320, 640, 1280], encodings: [{ format: "avif", options: { effort: 0 } }, { format: "jpeg", options: {} }] };
  const jpegOnly: PublishedSet = { label: "JPEG", widths: [320, 640, 1280], encodings: [{ format: "jpeg", options: {} }] };
  // Shown 1280 px wide from a 640 px file: softer than from a 1280 px one.
  const narrow: PublishedSet = { label: "narrow", widths: [320, 640], encodings: [{ format: "jpeg", options: {} }] };
  const [leanRow, jpegRow, narrowRow] = await publishedRows(photo, [lean, jpegOnly, narrow]);
  let avifBytes = 0;
  let jpegBytes = 0;
  for (const width of [320, 640, 1280]) {
    avifBytes += (await resized(photo, width).avif({ effort: 0 }).toBuffer()).length;
    jpegBytes += (await resized(photo, width).jpeg().toBuffer()).length;
  }
  assert.equal(leanRow?.[0], ((avifBytes + jpegBytes) / 1024).toFixed(0));
  assert.equal(jpegRow?.[1], `${Math.round((100 * jpegBytes) / (avifBytes + jpegBytes))}%`);
  assert.match(leanRow?.slice(2).join(" | ") ?? "", /^0\.\d{4} \|  \| 0\.\d{4}$/, "AVIF and JPEG scored, no WebP");
  assert.equal(jpegRow?.[4], leanRow?.[4], "each format scored on its own files");
  assert.ok(Number(narrowRow?.[4]) < Number(leanRow?.[4]), `without 1280: ${narrowRow?.[4]}, with: ${leanRow?.[4]}`);
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

test("a setting's figures: its files' bytes, and its PSNR against the plain resize, infinite for a lossless file", async () => {
  const photo = await makeSamplePhoto(small);
  const table = await settingsTable([{ name: "small", contents: photo }], [
    { label: "fine", format: "jpeg", widths: [200, 400], options: { quality: 95 } },
    { label: "coarse", format: "jpeg", widths: [200, 400], options: { quality: 30 } },
    { label: "lossless", format: "webp", widths: [200, 400], options: { lossless: true } },
  ]);
  const [fine, coarse, lossless] = bodyRows(table);
  let bytes = 0;
  let psnrSum = 0;
  for (const width of [200, 400]) {
    const reference = await resized(photo, width).raw().toBuffer();
    const file = await resized(photo, width).jpeg({ quality: 30 }).toBuffer();
    bytes += file.length;
    const decoded = await sharp(file).removeAlpha().raw().toBuffer();
    const meanSquare = reference.reduce((squares, level, index) => squares + (level - (decoded[index] ?? 0)) ** 2, 0) / reference.length;
    psnrSum += 10 * Math.log10((255 * 255) / meanSquare);
  }
  assert.equal(coarse?.[2], (bytes / 1024).toFixed(0));
  assert.equal(coarse?.[3], (psnrSum / 2).toFixed(1));
  assert.ok(Number(coarse?.[2]) < Number(fine?.[2]), `coarse ${coarse?.[2]} KB, fine ${fine?.[2]} KB`);
  assert.ok(Number(coarse?.[3]) < Number(fine?.[3]), `${coarse?.[3]} dB against ${fine?.[3]} dB`);
  assert.equal(lossless?.[3], "Infinity");
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

test("the throughput run converts every photo through the build's converter", async (t) => {
  const folder = mkdtempSync(join(tmpdir(), "photo-bench-test-"));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const files = [1, 2].map((seed) => join(folder, `sample-${seed}.jpg`));
  for (const [index, file] of files.entries()) writeFileSync(file, await makeSamplePhoto({ ...small, width: 1280, height: 720, seed: index + 1 }));
  const table = await throughputTable(files, [{ label: "effort 0, two at a time", settings: { ...SHARP_DEFAULT_SETTINGS, avif: { effort: 0 } }, parallelPhotos: 2 }]);
  const lines = table.split("\n");
  assert.deepEqual(lines.slice(0, 2), ["| conversion | photos | wall s | CPU s per photo | photos/s |", "| --- | ---: | ---: | ---: | ---: |"]);
  assert.equal(lines.length, 3);
  assert.match(lines[2] ?? "", /^\| effort 0, two at a time \| 2 \| \d+\.\d \| \d+\.\d\d \| \d+\.\d\d \|$/);
});
