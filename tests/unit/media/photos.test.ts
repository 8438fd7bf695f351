import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { MIN_PHOTO_WIDTH, PHOTO_SIZES, PhotoProcessor, type PhotoResult } from "../../../src/lib/media/photos.ts";

const folder = mkdtempSync(join(tmpdir(), "photos-test-"));
const cacheDir = join(folder, "cache");

async function jpeg(name: string, width: number, height: number): Promise<string> {
  const file = join(folder, name);
  await sharp({ create: { width, height, channels: 3, background: "#47698c" } }).jpeg().toFile(file);
  return file;
}

function photoOf(result: PhotoResult) {
  assert.ok(result.ok, result.ok ? "" : result.problem);
  return result.photo;
}

test("a raster photo becomes AVIF, WebP and JPEG at every layout width, the largest JPEG being the photo", async () => {
  const file = await jpeg("Lavrov at MGIMO.jpg", 2000, 1500);
  const photos = new PhotoProcessor(cacheDir);
  const photo = photoOf(await photos.process("story.md", { file, src: "Lavrov at MGIMO.jpg", urlFolder: "/assets/photos/" }));

  const widths = (srcset: string | undefined) => (srcset ?? "").split(", ").map((candidate) => candidate.split(" ")[1]);
  assert.match(photo.url, /^\/assets\/photos\/lavrov-at-mgimo-1280\.[0-9a-f]{10}\.jpeg$/);
  assert.deepEqual([photo.width, photo.height], [1280, 960]);
  assert.deepEqual(widths(photo.srcset), ["320w", "640w", "960w", "1280w"]);
  assert.equal(photo.sizes, PHOTO_SIZES);
  assert.deepEqual(photo.sources.map((source) => source.type), ["image/avif", "image/webp"]);
  for (const source of photo.sources) assert.deepEqual(widths(source.srcset), ["320w", "640w", "960w", "1280w"]);
  assert.equal(photos.summary(), `photos: 1 processed, 0 reused from ${cacheDir}`);

  // The next build finds every file in the cache and converts nothing.
  const next = new PhotoProcessor(cacheDir);
  assert.deepEqual(photoOf(await next.process("story.md", { file, src: "Lavrov at MGIMO.jpg", urlFolder: "/assets/photos/" })), photo);
  assert.equal(next.summary(), `photos: 0 processed, 1 reused from ${cacheDir}`);

  // Only the stories whose pages were written get their files.
  const site = join(folder, "site");
  await next.publish(site, ["draft.md"]);
  assert.equal(existsSync(site), false);
  await next.publish(site, ["story.md"]);
  assert.equal(readdirSync(join(site, "assets", "photos")).length, 12);
});

test("a photo narrower than twice the column is refused, naming its width and the one needed", async () => {
  const file = await jpeg("small.jpg", 1000, 750);
  const result = await new PhotoProcessor(cacheDir).process("story.md", { file, src: "small.jpg", urlFolder: "/news/" });
  assert.deepEqual(result, {
    ok: false,
    problem: `"small.jpg" is 1000 px wide (expected at least ${MIN_PHOTO_WIDTH} px, twice the 640 px column, so it stays sharp on 2x screens)`,
  });
});

test("a damaged photo is a problem to report, not a crash", async () => {
  // A PNG header that promises 2000 x 1000 pixels, then no image data.
  const header = Buffer.from("89504e470d0a1a0a0000000d49484452000007d0000003e80802000000", "hex");
  const file = join(folder, "damaged.png");
  writeFileSync(file, Buffer.concat([header, Buffer.alloc(64, 7)]));
  const result = await new PhotoProcessor(cacheDir).process("story.md", { file, src: "damaged.png", urlFolder: "/news/" });
  assert.equal(result.ok, false);
  assert.match(result.ok ? "" : result.problem, /^"damaged\.png" could not be converted: .+ \(expected an undamaged JPEG, PNG, WebP, AVIF, GIF or SVG file\)$/);
});

test("a file that is no image at all is refused as unreadable", async () => {
  const file = join(folder, "notes.jpg");
  writeFileSync(file, "not an image");
  const result = await new PhotoProcessor(cacheDir).process("story.md", { file, src: "notes.jpg", urlFolder: "/news/" });
  assert.deepEqual(result, { ok: false, problem: '"notes.jpg" could not be read as an image (expected a JPEG, PNG, WebP, AVIF, GIF or SVG file)' });
});
