import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import sharp from "sharp";
import { CacheStore } from "../../../src/lib/cache/store.ts";
import {
  CONVERSION_SETTINGS,
  MIN_PHOTO_WIDTH,
  PhotoProcessor,
  type PhotoProcessorOptions,
  type PhotoResult,
} from "../../../src/lib/media/photos.ts";
import type { PhotoFileWords } from "../../../src/lib/media/photo-xmp.ts";
import { readEmbeddedPhotoWords } from "../../../src/lib/import/photo-metadata.ts";

const folder = mkdtempSync(join(tmpdir(), "photos-test-"));
after(() => rmSync(folder, { recursive: true, force: true }));
let folders = 0;
/** A fresh folder per test, so no test's cache or site is another's. */
const newFolder = (name: string): string => join(folder, `${name}-${(folders += 1)}`);

async function jpeg(name: string, width: number, height: number, background = "#47698c"): Promise<string> {
  const file = join(folder, name);
  await sharp({ create: { width, height, channels: 3, background } }).jpeg().toFile(file);
  return file;
}

function photoOf(result: PhotoResult) {
  assert.ok(result.ok, result.ok ? "" : result.problem);
  return result.photo;
}

/** The files in `dir`, by name, with their bytes. */
function filesIn(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name))]));
}

/** A photo processor keeping its files in a cache store at `cacheDir`, as a new process opens it. */
function open(cacheDir: string, options?: PhotoProcessorOptions) {
  const store = new CacheStore(cacheDir);
  return { store, photos: new PhotoProcessor(store, options) };
}

/** The entries of the photos area, by name, with their bytes (not its index). */
const entriesIn = (cacheDir: string): Map<string, Buffer> => new Map([...filesIn(join(cacheDir, "photos"))].filter(([name]) => name !== "index.json" && name !== "note.json"));

/** One build of stories with these photos (`story.md` the one whose page is written, its photo carrying `words`), as Eleventy runs it: read the stories, then publish the page's files. */
async function build(cacheDir: string, file: string, options?: PhotoProcessorOptions, others: Record<string, string> = {}, words?: PhotoFileWords) {
  const { store, photos } = open(cacheDir, options);
  photos.startBuild();
  const photo = photoOf(await photos.process("story.md", { file, src: "photo.jpg", urlFolder: "/assets/photos/", ...(words ? { words } : {}) }));
  for (const [story, other] of Object.entries(others)) photoOf(await photos.process(story, { file: other, src: "other.jpg", urlFolder: "/assets/photos/" }));
  const site = newFolder("site");
  await photos.publish(site, ["story.md"]);
  return { photo, site, summary: store.summary(), published: filesIn(join(site, "assets", "photos")) };
}

test("a raster photo becomes AVIF and JPEG at every layout width, the largest JPEG being the photo", async () => {
  const file = await jpeg("Lavrov at MGIMO.jpg", 2000, 1500);
  const cacheDir = newFolder("cache");
  const { store, photos } = open(cacheDir);
  const photo = photoOf(await photos.process("story.md", { file, src: "Lavrov at MGIMO.jpg", urlFolder: "/assets/photos/" }));

  const widths = (srcset: string | undefined) => (srcset ?? "").split(", ").map((candidate) => candidate.split(" ")[1]);
  assert.match(photo.url, /^\/assets\/photos\/lavrov-at-mgimo-1280\.[0-9a-f]{10}\.jpeg$/);
  assert.deepEqual([photo.width, photo.height], [1280, 960]);
  assert.deepEqual(widths(photo.srcset), ["320w", "640w", "1280w"]);
  assert.equal(photo.sizes, "(min-width: 42rem) 40rem, calc(100vw - 2rem)");
  assert.deepEqual(photo.sources.map((source) => source.type), ["image/avif"]);
  for (const source of photo.sources) assert.deepEqual(widths(source.srcset), ["320w", "640w", "1280w"]);

  // Only the stories whose pages were written get their files, once every conversion is done.
  const site = newFolder("site");
  await photos.publish(site, ["draft.md"]);
  assert.equal(existsSync(site), false);
  await photos.publish(site, ["story.md"]);
  const published = readdirSync(join(site, "assets", "photos"));
  assert.equal(published.length, 6);
  assert.equal(store.summary(), `cache ${cacheDir}: photos 1 converted, 0 reused`);
  const formats = { avif: "heif", jpeg: "jpeg" } as const;
  for (const name of published) {
    const { format, width } = await sharp(join(site, "assets", "photos", name)).metadata();
    const [, size, extension] = /-(\d+)\.[0-9a-f]{10}\.(avif|jpeg)$/.exec(name) ?? [];
    assert.equal(format, formats[extension as keyof typeof formats], name);
    assert.equal(String(width), size, name);
  }

  // The next build finds every file in the cache and converts nothing.
  const next = open(cacheDir);
  assert.deepEqual(photoOf(await next.photos.process("story.md", { file, src: "Lavrov at MGIMO.jpg", urlFolder: "/assets/photos/" })), photo);
  await next.photos.publish(newFolder("site"), ["story.md"]);
  assert.equal(next.store.summary(), `cache ${cacheDir}: photos 0 converted, 1 reused`);
});

test("an SVG is published as drawn", async () => {
  const file = join(folder, "map.svg");
  const drawing = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#abc"/></svg>';
  writeFileSync(file, drawing);
  const photos = new PhotoProcessor(new CacheStore(newFolder("cache")));
  const photo = photoOf(await photos.process("story.md", { file, src: "map.svg", urlFolder: "/news/" }));
  assert.match(photo.url, /^\/news\/map-800\.[0-9a-f]{10}\.svg$/);
  assert.deepEqual([photo.width, photo.height, photo.sources], [800, 600, []]);
  const site = newFolder("site");
  await photos.publish(site, ["story.md"]);
  assert.equal(readFileSync(join(site, photo.url), "utf8"), drawing);
});

test("a photo's published name is its file's name by the slug rule, safe in a srcset", async () => {
  const file = join(folder, "Café Müller, 1978.svg");
  writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"></svg>');
  const photo = photoOf(await new PhotoProcessor(new CacheStore(newFolder("cache"))).process("story.md", { file, src: "Café Müller, 1978.svg", urlFolder: "/news/" }));
  assert.match(photo.url, /^\/news\/cafe-muller-1978-400\.[0-9a-f]{10}\.svg$/);
});

test("an SVG that could run code is refused, naming the file and what it holds, and nothing is published", async () => {
  const file = join(folder, "chart.svg");
  writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>alert(document.domain)</script></svg>');
  const photos = new PhotoProcessor(new CacheStore(newFolder("cache")));
  const result = await photos.process("story.md", { file, src: "chart.svg", urlFolder: "/assets/photos/" });
  assert.deepEqual(result, {
    ok: false,
    problem: '"chart.svg" holds a <script> (expected an SVG without scripts, event attributes, links to javascript:, foreignObject or outside references)',
  });
  const site = newFolder("site");
  await photos.publish(site, ["story.md"]);
  assert.equal(existsSync(join(site, "assets")), false);
});

test("an SVG in a story's text is published as it is only when it runs no code and reaches nothing outside", async () => {
  const safe = join(folder, "map-in-text.svg");
  const hostile = join(folder, "chart-in-text.svg");
  const drawing = '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="60"><rect width="80" height="60" fill="#abc"/></svg>';
  writeFileSync(safe, drawing);
  writeFileSync(hostile, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><a href="javascript:alert(2)"><text>x</text></a></svg>');
  const photos = new PhotoProcessor(new CacheStore(newFolder("cache")));
  photos.startBuild();
  assert.equal(await photos.keepAsIs("story.md", safe, "map-in-text.svg", "/news/story/map-in-text.svg"), undefined);
  assert.equal(
    await photos.keepAsIs("story.md", hostile, "chart-in-text.svg", "/news/story/chart-in-text.svg"),
    '"chart-in-text.svg" holds an event attribute (onload on <svg>) and a link to javascript: (href on <a>) (expected an SVG without scripts, event attributes, links to javascript:, foreignObject or outside references)',
  );
  const site = newFolder("site");
  await photos.publish(site, ["story.md"]);
  assert.equal(readFileSync(join(site, "news/story/map-in-text.svg"), "utf8"), drawing);
  assert.equal(existsSync(join(site, "news/story/chart-in-text.svg")), false);
  // A copy, not a second name of the story's file: that would touch the file, which the dev server's watcher takes for an edit.
  assert.deepEqual([statSync(safe).nlink, statSync(join(site, "news/story/map-in-text.svg")).nlink], [1, 1]);
});

test("a build with the cache writes the same files as a build without it", async () => {
  const file = await jpeg("same.jpg", 1600, 900, "#5a6b7c");
  const cacheDir = newFolder("cache");
  const first = await build(cacheDir, file);
  // Each file an entry of the photos area; those just written are known sound to the next build, which need not read them back.
  const entries = entriesIn(cacheDir);
  assert.deepEqual([...entries.values()].sort(Buffer.compare), [...first.published.values()].sort(Buffer.compare));
  const index = JSON.parse(readFileSync(join(cacheDir, "photos", "index.json"), "utf8")) as { sound: Record<string, string> };
  assert.deepEqual(Object.keys(index.sound).sort(), [...entries.keys()].sort());
  const cached = await build(cacheDir, file);
  const fresh = await build(newFolder("cache"), file);
  assert.equal(cached.summary, `cache ${cacheDir}: photos 0 converted, 1 reused`);
  assert.equal(first.published.size, 6);
  assert.deepEqual(cached.published, first.published);
  assert.deepEqual(fresh.published, first.published);
});

test("every raster file carries the credit and rights as IPTC XMP, escaped; a changed credit converts the photo again under new names", async () => {
  const file = await jpeg("rights.jpg", 1600, 900, "#6b5a7c");
  const words: PhotoFileWords = {
    credit: "Photo <EPA> & ITAR-TASS",
    alt: "Sergei Lavrov at a lectern",
    caption: "Lavrov \"at\" MGIMO",
    creator: "Ivan Ivanov",
    agency: "TASS",
    copyright: "© 2013 TASS",
    usageTerms: "Editorial use only",
    license: "https://tass.com/terms?a=1&b=2",
    licensePage: "https://tass.com/photo",
  };
  const cacheDir = newFolder("cache");
  const first = await build(cacheDir, file, undefined, {}, words);
  assert.equal(first.published.size, 6, "AVIF and JPEG at three widths");
  for (const [name, bytes] of first.published) {
    const { xmp } = await sharp(bytes).metadata();
    assert.ok(xmp, `${name} carries XMP`);
    const packet = xmp.toString("utf8");
    const { agency: _, ...written } = words;
    assert.deepEqual(await readEmbeddedPhotoWords(bytes), written, name);
    assert.match(packet, /<plus:LicensorName>TASS<\/plus:LicensorName>/, name);
    assert.match(packet, /Photo &lt;EPA&gt; &amp; ITAR-TASS/, name);
  }
  // A photo with no words published carries none.
  const plain = await build(newFolder("cache"), file);
  assert.equal((await sharp([...plain.published.values()][0]).metadata()).xmp, undefined);

  const cached = await build(cacheDir, file, undefined, {}, words);
  assert.equal(cached.summary, `cache ${cacheDir}: photos 0 converted, 1 reused`);
  assert.deepEqual(cached.published, first.published);
  assert.deepEqual((await build(newFolder("cache"), file, undefined, {}, words)).published, first.published, "as a build from nothing publishes it");

  const recredited = await build(cacheDir, file, undefined, {}, { ...words, credit: "Photo TASS" });
  assert.equal(recredited.summary, `cache ${cacheDir}: photos 1 converted, 0 reused, 6 removed`);
  assert.notEqual(recredited.photo.url, first.photo.url, "a host caching the old file forever never serves it for the new credit");
  for (const bytes of recredited.published.values()) assert.equal((await readEmbeddedPhotoWords(bytes)).credit, "Photo TASS");
});

test("an SVG photo is published as drawn, whatever its words", async () => {
  const file = join(folder, "drawn.svg");
  writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="#123456"/></svg>');
  const photos = new PhotoProcessor(new CacheStore(newFolder("cache")));
  photos.startBuild();
  const photo = photoOf(await photos.process("story.md", { file, src: "drawn.svg", urlFolder: "/assets/photos/", words: { credit: "Map AP & Co", copyright: "© AP" } }));
  const site = newFolder("site");
  await photos.publish(site, ["story.md"]);
  assert.deepEqual(readFileSync(join(site, ...photo.url.split("/"))), readFileSync(file));
});

test("a photo replaced under its name by a larger one, in the same process (as the dev server runs), is published at its new size", async () => {
  const file = join(folder, "replaced.svg");
  const cacheDir = newFolder("cache");
  for (const width of [1600, 1800]) {
    writeFileSync(file, `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="1200"><rect width="${width}" height="1200" fill="#345"/></svg>`);
    const photos = new PhotoProcessor(new CacheStore(cacheDir));
    photos.startBuild();
    const photo = photoOf(await photos.process("story.md", { file, src: "replaced.svg", urlFolder: "/assets/photos/" }));
    assert.equal(photo.width, width);
    const site = newFolder("site");
    await photos.publish(site, ["story.md"]);
    assert.deepEqual(readFileSync(join(site, ...photo.url.split("/"))), readFileSync(file));
  }
});

test("what earlier builds learned may be damaged or out of date: the photos published are the same", async () => {
  const file = await jpeg("index.jpg", 1600, 900, "#5a6b7c");
  const cacheDir = newFolder("cache");
  const first = await build(cacheDir, file);
  writeFileSync(join(cacheDir, "photos", "index.json"), '{"sound": {"x": 1}, "no');
  writeFileSync(join(cacheDir, "photos", "note.json"), '{"pla');
  const damaged = await build(cacheDir, file);
  assert.equal(damaged.summary, `cache ${cacheDir}: photos 0 converted, 1 reused`);
  assert.deepEqual(damaged.published, first.published);
  // The photo replaced under the same name, as the note still describes the old one: planned and converted afresh.
  await jpeg("index.jpg", 1600, 900, "#7c5a6b");
  const replaced = await build(cacheDir, file);
  assert.equal(replaced.summary, `cache ${cacheDir}: photos 1 converted, 0 reused, 6 removed`);
  assert.notDeepEqual([...replaced.published.keys()], [...first.published.keys()]);
  assert.deepEqual(replaced.published, (await build(newFolder("cache"), file)).published, "as a build from nothing publishes it");
});

test("a cached file cut short is a miss: the photo is converted again, never published damaged, and the build says so once", async () => {
  const file = await jpeg("cut.jpg", 1600, 900, "#7c6b5a");
  const cacheDir = newFolder("cache");
  const first = await build(cacheDir, file);
  const avif = first.published.get([...first.published.keys()].find((name) => /-1280\.[0-9a-f]{10}\.avif$/.test(name)) ?? "");
  const entry = [...entriesIn(cacheDir)].find(([, bytes]) => avif?.equals(bytes))?.[0];
  assert.ok(entry);
  truncateSync(join(cacheDir, "photos", entry), 100);

  const next = await build(cacheDir, file);
  assert.equal(next.summary, `cache ${cacheDir}: photos 1 converted, 0 reused; 1 damaged entry in ${join(cacheDir, "photos")} ignored and made again`);
  assert.deepEqual(next.published, first.published);
  assert.deepEqual(readFileSync(join(cacheDir, "photos", entry)), avif, "the cache holds the whole file again");
  const after = await build(cacheDir, file);
  assert.equal(after.summary, `cache ${cacheDir}: photos 0 converted, 1 reused`);
});

test("new conversion settings convert the photo again under new names, and the old files are pruned", async () => {
  const file = await jpeg("settings.jpg", 1600, 900, "#5a7c6b");
  const cacheDir = newFolder("cache");
  const first = await build(cacheDir, file);
  const next = await build(cacheDir, file, { settings: { ...CONVERSION_SETTINGS, version: CONVERSION_SETTINGS.version + 1 } });

  assert.equal(next.summary, `cache ${cacheDir}: photos 1 converted, 0 reused, 6 removed`);
  assert.notEqual(next.photo.url, first.photo.url, "a host caching the old file forever never serves it for the new one");
  const namesWithoutHash = (names: Iterable<string>) => [...names].map((name) => name.replace(/\.[0-9a-f]{10}\./, "."));
  assert.deepEqual(namesWithoutHash(next.published.keys()), namesWithoutHash(first.published.keys()));
  assert.deepEqual([...entriesIn(cacheDir).values()].sort(Buffer.compare), [...next.published.values()].sort(Buffer.compare));
});

test("when the cache folder cannot be written, the photos are published from memory, the same, and the build says so", async () => {
  const file = await jpeg("unwritable.jpg", 1600, 900, "#8c6947");
  const reference = await build(newFolder("cache"), file);
  // Tests run as root, whom no permission stops: a file where the folder should be does.
  const cacheDir = newFolder("cache");
  writeFileSync(cacheDir, "not a folder");

  const run = await build(cacheDir, file);
  assert.equal(run.summary, `cache ${cacheDir}: photos 1 converted, 0 reused; could not write ${join(cacheDir, "photos")} (ENOTDIR), so the next build makes these photos again`);
  assert.deepEqual(run.published, reference.published);
  assert.equal(readFileSync(cacheDir, "utf8"), "not a folder", "what was there is left alone");
});

test("publishing prunes the cached files no photo of the build used, keeping a draft's, until no story uses it", async () => {
  const cacheDir = newFolder("cache");
  const old = await jpeg("old.jpg", 1600, 900, "#111111");
  await build(cacheDir, old);
  writeFileSync(join(cacheDir, "photos", "0123-abcd.tmp"), "a write cut short");

  const story = await jpeg("story.jpg", 1600, 900, "#222222");
  const draft = await jpeg("draft.jpg", 1600, 900, "#333333");
  const withDraft = await build(cacheDir, story, undefined, { "draft.md": draft });
  assert.equal(withDraft.summary, `cache ${cacheDir}: photos 2 converted, 0 reused, 6 removed`);
  assert.equal(entriesIn(cacheDir).size, 12, "the files of the story's photo and the draft's; not the old photo's, nor the cut write");
  assert.equal(withDraft.published.size, 6, "the draft's photo is not published");

  // The draft's photo is found in the cache while a story shows it, and pruned once none does.
  assert.equal((await build(cacheDir, story, undefined, { "draft.md": draft })).summary, `cache ${cacheDir}: photos 0 converted, 2 reused`);
  const withoutDraft = await build(cacheDir, story);
  assert.equal(withoutDraft.summary, `cache ${cacheDir}: photos 0 converted, 1 reused, 6 removed`);
  assert.deepEqual([...entriesIn(cacheDir).values()].sort(Buffer.compare), [...withoutDraft.published.values()].sort(Buffer.compare));
});

test("a photo folder of the cache's older layout (records, named files, its own index) is pruned away and counted, never a crash", async () => {
  const file = await jpeg("older.jpg", 1600, 900, "#4a5b6c");
  const cacheDir = newFolder("cache");
  const photosDir = join(cacheDir, "photos");
  mkdirSync(photosDir, { recursive: true });
  writeFileSync(join(photosDir, "index.json"), JSON.stringify({ verified: { "older-1280.0123456789.jpeg": "1:2:3" }, plans: { "x\u0000/news/": { identity: "1:2:3", plan: {} } } }));
  writeFileSync(join(photosDir, "older.0123456789.json"), JSON.stringify({ key: "{}", files: { "older-1280.0123456789.jpeg": "00" } }));
  writeFileSync(join(photosDir, "older-1280.0123456789.jpeg"), "old bytes");

  const run = await build(cacheDir, file);
  assert.equal(run.summary, `cache ${cacheDir}: photos 1 converted, 0 reused, 2 removed`);
  assert.deepEqual(run.published, (await build(newFolder("cache"), file)).published);
  assert.deepEqual(readdirSync(photosDir).filter((name) => !entriesIn(cacheDir).has(name)).sort(), ["index.json", "note.json"]);
  assert.equal((await build(cacheDir, file)).summary, `cache ${cacheDir}: photos 0 converted, 1 reused`);
});

test("the warning for a narrow photo names its width and every width it is published at", async () => {
  /** The warning a story's photo `width` px wide gets (an SVG's: `svg`). */
  const warning = async (src: string, width: number) => {
    const file = src.endsWith(".svg") ? join(folder, src) : await jpeg(src, width, 200);
    if (src.endsWith(".svg")) writeFileSync(file, `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="200"></svg>`);
    const result = await new PhotoProcessor(new CacheStore(newFolder("cache"))).process("story.md", { file, src, urlFolder: "/news/" });
    assert.ok(result.ok, JSON.stringify(result));
    return result.warning;
  };
  assert.equal(await warning("x.jpg", 900), '"x.jpg" is 900 px wide, published at 320, 640 and 900 px (a photo of at least 1280 px stays sharp on 2x screens)');
  assert.match((await warning("x500.jpg", 500)) ?? "", /^"x500\.jpg" is 500 px wide, published at 320 and 500 px \(/);
  assert.match((await warning("x320.jpg", 320)) ?? "", /^"x320\.jpg" is 320 px wide, published at 320 px \(/);
  // Just past a step, the photo's own width is published too, and named as its width.
  assert.match((await warning("x700.jpg", 700)) ?? "", /^"x700\.jpg" is 700 px wide, published at 320, 640 and 700 px \(/);
  assert.match((await warning("x380.jpg", 380)) ?? "", /^"x380\.jpg" is 380 px wide, published at 320 and 380 px \(/);
  // A photo as wide as sharp needs, or wider, and an SVG (it scales itself) are no cause for warning.
  assert.equal(await warning("x1280.jpg", 1280), undefined);
  assert.equal(await warning("x1600.jpg", 1600), undefined);
  assert.equal(await warning("x.svg", 400), undefined);
});

test("a photo narrower than twice the column is published at the widths it has, never enlarged, with a warning", async () => {
  const file = await jpeg("narrow.jpg", 900, 600);
  const cacheDir = newFolder("cache");
  const photos = new PhotoProcessor(new CacheStore(cacheDir));
  const result = await photos.process("story.md", { file, src: "narrow.jpg", urlFolder: "/assets/photos/" });
  const photo = photoOf(result);
  const widths = (srcset: string | undefined) => (srcset ?? "").split(", ").map((candidate) => candidate.split(" ")[1]);
  assert.deepEqual([photo.width, photo.height], [900, 600]);
  assert.match(photo.url, /^\/assets\/photos\/narrow-900\.[0-9a-f]{10}\.jpeg$/);
  assert.deepEqual(widths(photo.srcset), ["320w", "640w", "900w"]);
  assert.equal(photo.sizes, "(min-width: 42rem) 40rem, calc(100vw - 2rem)");
  for (const source of photo.sources) assert.deepEqual(widths(source.srcset), ["320w", "640w", "900w"]);
  assert.equal(result.ok && result.warning, '"narrow.jpg" is 900 px wide, published at 320, 640 and 900 px (a photo of at least 1280 px stays sharp on 2x screens)');
  const site = newFolder("site");
  await photos.publish(site, ["story.md"]);
  const published = readdirSync(join(site, "assets", "photos"));
  assert.equal(published.length, 6);
  for (const name of published) assert.equal(String((await sharp(join(site, "assets", "photos", name)).metadata()).width), /-(\d+)\./.exec(name)?.[1], name);

  // A later build plans it from the cache, and warns the same.
  const next = new PhotoProcessor(new CacheStore(cacheDir));
  assert.deepEqual(await next.process("story.md", { file, src: "narrow.jpg", urlFolder: "/assets/photos/" }), result);
});

test("a photo as wide as sharp needs is published with no warning", async () => {
  const file = await jpeg("sharp.jpg", 1280, 720);
  const result = await new PhotoProcessor(new CacheStore(newFolder("cache"))).process("story.md", { file, src: "sharp.jpg", urlFolder: "/news/" });
  assert.ok(result.ok && result.warning === undefined, JSON.stringify(result));
});

test("a photo narrower than the narrowest width the page shows is refused, as its EXIF orientation turns it", async () => {
  const expected = (width: number) => ({
    ok: false,
    problem: `"tiny.jpg" is ${width} px wide (expected at least ${MIN_PHOTO_WIDTH} px, the narrowest a photo is published at; one of 1280 px stays sharp on 2x screens)`,
  });
  const tiny = await jpeg("tiny.jpg", MIN_PHOTO_WIDTH - 1, 200);
  assert.deepEqual(await new PhotoProcessor(new CacheStore(newFolder("cache"))).process("story.md", { file: tiny, src: "tiny.jpg", urlFolder: "/news/" }), expected(MIN_PHOTO_WIDTH - 1));
  // Stored 1000 x 300 and turned a quarter by its orientation: shown 300 px wide.
  const turned = join(folder, "turned.jpg");
  await sharp({ create: { width: 1000, height: 300, channels: 3, background: "#47698c" } }).jpeg().withMetadata({ orientation: 6 }).toFile(turned);
  assert.deepEqual(await new PhotoProcessor(new CacheStore(newFolder("cache"))).process("story.md", { file: turned, src: "tiny.jpg", urlFolder: "/news/" }), expected(300));
});

test("a damaged photo is a problem to report, not a crash", async () => {
  // A PNG header that promises 2000 x 1000 pixels, then no image data.
  const header = Buffer.from("89504e470d0a1a0a0000000d49484452000007d0000003e80802000000", "hex");
  const file = join(folder, "damaged.png");
  writeFileSync(file, Buffer.concat([header, Buffer.alloc(64, 7)]));
  const cacheDir = newFolder("cache");
  const { store, photos } = open(cacheDir);
  const result = await photos.process("story.md", { file, src: "damaged.png", urlFolder: "/news/" });
  assert.equal(result.ok, false);
  assert.match(result.ok ? "" : result.problem, /^"damaged\.png" could not be converted: .+ \(expected an undamaged JPEG, PNG, WebP, AVIF, GIF or SVG file\)$/);
  await photos.publish(newFolder("site"), ["story.md"]);
  assert.equal(store.summary(), `cache ${cacheDir}: photos 0 converted, 0 reused`);
});

test("a photo of more pixels than the converter reads is refused with its size, not told it is damaged", async () => {
  // A PNG's signature and header alone: the size is all the check reads.
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write("IHDR", 12, "latin1");
  header.writeUInt32BE(60_000, 16);
  header.writeUInt32BE(60_000, 20);
  header.writeUInt8(8, 24);
  header.writeUInt8(2, 25);
  const file = join(folder, "huge.png");
  writeFileSync(file, header);
  const result = await new PhotoProcessor(new CacheStore(newFolder("cache"))).process("story.md", { file, src: "huge.png", urlFolder: "/news/" });
  assert.deepEqual(result, { ok: false, problem: '"huge.png" is 60,000 × 60,000 px, 3,600,000,000 pixels, more than the 268,402,689 the converter reads (expected the photo scaled down, e.g. to 2560 px wide)' });
});

test("a file that is no image at all is refused as unreadable", async () => {
  const file = join(folder, "notes.jpg");
  writeFileSync(file, "not an image");
  const result = await new PhotoProcessor(new CacheStore(newFolder("cache"))).process("story.md", { file, src: "notes.jpg", urlFolder: "/news/" });
  assert.deepEqual(result, { ok: false, problem: '"notes.jpg" could not be read as an image (expected a JPEG, PNG, WebP, AVIF, GIF or SVG file)' });
});
