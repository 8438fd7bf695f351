import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "node-html-parser";
import sharp from "sharp";
import { StageError } from "../../src/lib/build/build.ts";
import { buildFixtureInProcess, buildFixtureSite, makeFixtureSite } from "../support/fixture-site.ts";

function story(fields: string, body = "First paragraph.\n\nSecond paragraph.\n"): string {
  return `---\n${fields.trim()}\n---\n\n${body}`;
}

const lateWashington = story(`
title: Senate passes the budget late at night
lead: The vote came just before midnight.
date: 2013-09-02T23:30
dateline: WASHINGTON
source: AP
`);

const talksFields = "title: Talks resume\nlead: A date-only story.\ndate: 2013-09-02\ndateline: MOSCOW";
const dateOnlyMoscow = story(talksFields);

// The same story with its fields in a data file beside it, as wire imports may write them.
// Its photo is named the way cameras name files.
const dateOnlyMoscowWithDataFile = {
  "talks/index.md": "First paragraph.\n",
  "talks/index.11tydata.json": JSON.stringify({
    title: "Talks resume",
    lead: "A date-only story.",
    date: "2013-09-02",
    dateline: "MOSCOW",
    photo: { src: "IMG_0001.SVG", alt: "A grey square", credit: "Photo Wire Desk" },
  }),
  "talks/IMG_0001.SVG": '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"></svg>',
};

/** The start of a PNG file: enough for its size to be read, as a photo too small to publish. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(8);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  return Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), ihdr, Buffer.from("0802000000", "hex")]);
}

function page(root: string, path: string): string {
  return readFileSync(join(root, "_site", path), "utf8");
}

for (const timeZone of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
  test(`stories keep their dateline's calendar day on a machine in ${timeZone}`, () => {
    const root = makeFixtureSite({ "senate-budget.md": lateWashington, ...dateOnlyMoscowWithDataFile });
    const run = buildFixtureSite(root, timeZone);
    assert.equal(run.status, 0, run.output);

    const senate = page(root, "news/2013/09/02/senate-budget.html");
    assert.match(senate, /<time datetime="2013-09-02T23:30:00-04:00">September 2, 2013, 23:30 EDT<\/time>/);
    assert.match(senate, /<p><span class="dateline"><span>WASHINGTON,<\/span> <span>September 2<\/span> <span>\(AP\) -<\/span><\/span> First paragraph\.<\/p>/);

    const talks = page(root, "news/2013/09/02/talks.html");
    assert.match(talks, /<h1>Talks resume<\/h1>/);
    const photo = /<img src="(\.\.\/\.\.\/\.\.\/\.\.\/assets\/photos\/img-0001-800\.[0-9a-f]{10}\.svg)" alt="A grey square" width="800" height="600" fetchpriority="high">/.exec(talks);
    assert.ok(photo?.[1], talks);
    assert.ok(existsSync(join(root, "_site/news/2013/09/02", photo[1])), "the photo is published beside the page");
    assert.match(talks, /<time datetime="2013-09-02">September 2, 2013<\/time>/);
    assert.match(talks, /<span class="dateline"><span>MOSCOW,<\/span> <span>September 2<\/span> <span>\(Wire Desk\) -<\/span><\/span>/);

    // All news lists the later story first, each linked by a relative URL to its file.
    const index = page(root, "all/index.html");
    assert.ok(index.indexOf('href="../news/2013/09/02/senate-budget.html"') < index.indexOf('href="../news/2013/09/02/talks.html"'), index);
    // The front page leads with the story with a photo, the newer one following.
    const front = page(root, "index.html");
    assert.ok(front.indexOf('href="news/2013/09/02/talks.html"') < front.indexOf('href="news/2013/09/02/senate-budget.html"'), front);
    // The Russian edition has no story yet: its front page, All news and archive say so, and passed the build's checks.
    assert.match(page(root, "ru/all/index.html"), /<h1>Все новости<\/h1>\s*<p class="no-stories">Новостей пока нет\.<\/p>/);
    assert.match(page(root, "ru/index.html"), /<h1 class="front-title">Главное<\/h1>\s*<p class="no-stories">Новостей пока нет\.<\/p>/);
    assert.match(page(root, "ru/archive/index.html"), /<p class="no-stories">Новостей пока нет\.<\/p>/);
    assert.doesNotMatch(page(root, "ru/all/index.html"), /story-list/);
  });
}

test("bad stories stop the build with every problem, and no site is written", () => {
  const root = makeFixtureSite({
    "good.md": dateOnlyMoscow,
    "no-dateline.md": story("title: A\nlead: B\ndate: 2013-09-02"),
    "bad-date.md": story("title: A\nlead: B\ndate: 2013-02-30\ndateline: MOSCOW"),
    "nowhere.md": story("title: A\nlead: B\ndate: 2013-09-02\ndateline: GOTHAM"),
    "photo.md": story("title: A\nlead: B\ndate: 2013-09-02\ndateline: MOSCOW\nphoto:\n  src: missing.jpg\n  alt: A photo"),
    "small/index.md": story("title: A\nlead: B\ndate: 2013-09-02\ndateline: MOSCOW\nphoto:\n  src: small.png\n  alt: A photo\n  credit: C"),
    "small/small.png": pngHeader(300, 200),
    "chart/index.md": story(
      "title: A\nlead: B\ndate: 2013-09-02\ndateline: MOSCOW\nphoto:\n  src: chart.svg\n  alt: A chart\n  credit: C",
      "First paragraph.\n\n![The map](map.svg)\n",
    ),
    "chart/chart.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" onload="alert(1)"><script>alert(document.domain)</script></svg>',
    "chart/map.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="60"><image href="https://tracker.example/pixel.png"/></svg>',
  });
  const run = buildFixtureSite(root);
  assert.equal(run.status, 1, run.output);
  for (const line of [
    "src/news/no-dateline.md:1: dateline: missing (expected the place as printed, e.g. MOSCOW) [WD120]",
    'src/news/bad-date.md:4: date: "2013-02-30" is not a real date (expected a date like 2013-09-02',
    'src/news/nowhere.md:5: timezone: no time zone is known for the dateline place "GOTHAM"',
    "src/news/photo.md:6: photo.credit: missing (expected the credit as the agency gives it",
    'src/news/photo.md:7: photo.src: "missing.jpg" does not exist (expected a file at src/news/missing.jpg) [WD140]',
    'src/news/small/index.md:7: photo.src: "small.png" is 300 px wide (expected at least 320 px, the narrowest a photo is published at',
    'src/news/chart/index.md:7: photo.src: "chart.svg" holds an event attribute (onload on <svg>) and a <script> (expected an SVG without scripts, event attributes, links to javascript:, foreignObject or outside references) [WD140]',
    'src/news/chart/index.md:14: body: image "map.svg" holds an outside reference "https://tracker.example/pixel.png" (href on <image>) (expected an SVG without scripts, event attributes, links to javascript:, foreignObject or outside references) [WD137]',
    "build: failed; _site/ was left as it was.",
  ]) {
    assert.ok(run.output.includes(line), `missing line:\n${line}\nin:\n${run.output}`);
  }
  assert.doesNotMatch(run.output, /^\s+at /m, "no stack trace");
  assert.equal(existsSync(join(root, "_site")), false, "nothing is written");
});

test("a photo is published as AVIF and JPEG beside its page, and a rebuild converts none of it again", async () => {
  const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#5a6b7c" } }).jpeg().toBuffer();
  const root = makeFixtureSite({
    "talks/index.md": story(`${talksFields}\nphoto:\n  src: lavrov.jpg\n  alt: Lavrov speaks\n  credit: Photo EPA`),
    "talks/lavrov.jpg": photo,
    "draft/index.md": story(`${talksFields.replace("Talks resume", "Talks may resume")}\ndraft: true\nphoto:\n  src: draft.jpg\n  alt: A draft's photo\n  credit: Photo EPA`),
    "draft/draft.jpg": photo,
  });
  const first = await buildFixtureInProcess(root);
  assert.equal(first.status, 0, first.output);
  assert.match(first.output, /^cache \.cache: .*; photos 2 converted, 0 reused; checks \d+ checked, 0 reused$/m);
  assert.doesNotMatch(first.output, /warning/, "a photo as wide as sharp needs is no cause for warning");

  const picture = parse(page(root, "news/2013/09/02/talks.html")).querySelector("picture");
  const sources = picture?.querySelectorAll("source").map((source) => source.getAttribute("type"));
  assert.deepEqual(sources, ["image/avif"]);
  const img = picture?.querySelector("img");
  assert.match(img?.getAttribute("src") ?? "", /^\.\.\/\.\.\/\.\.\/\.\.\/assets\/photos\/lavrov-1280\.[0-9a-f]{10}\.jpeg$/);
  assert.deepEqual([img?.getAttribute("width"), img?.getAttribute("height"), img?.getAttribute("fetchpriority")], ["1280", "720", "high"]);
  const candidates = [...(picture?.querySelectorAll("source, img") ?? [])].flatMap((element) =>
    (element.getAttribute("srcset") ?? "").split(", ").map((candidate) => candidate.split(" ")[0] ?? ""),
  );
  assert.equal(candidates.length, 6);
  for (const url of candidates) assert.ok(existsSync(join(root, "_site/news/2013/09/02", url)), `${url} is published`);
  const draftFiles = existsSync(join(root, "_site/news/draft")) ? readdirSync(join(root, "_site/news/draft")) : [];
  assert.deepEqual(draftFiles, [], "neither a draft's photo nor its converted files are published");

  const second = await buildFixtureInProcess(root);
  assert.equal(second.status, 0, second.output);
  assert.match(second.output, /^cache \.cache: .*; photos 0 converted, 2 reused; checks 0 checked, \d+ reused$/m);
  for (const url of candidates) assert.ok(existsSync(join(root, "_site/news/2013/09/02", url)), `${url} is published again`);
});

test("a photo narrower than sharp is published at the widths it has, and the build says so once, naming the file", async () => {
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#5a6b7c" } }).jpeg().toBuffer();
  const root = makeFixtureSite({
    "talks/index.md": story(`${talksFields}\nphoto:\n  src: agency.jpg\n  alt: Lavrov speaks\n  credit: Photo EPA`),
    "talks/agency.jpg": photo,
  });
  const run = await buildFixtureInProcess(root);
  assert.equal(run.status, 0, run.output);
  const warning = 'src/news/talks/index.md:7: photo.src: "agency.jpg" is 900 px wide, published at 320, 640 and 900 px (a photo of at least 1280 px stays sharp on 2x screens) [WD141]';
  assert.equal(run.output.split("\n").filter((line) => line === warning).length, 1, run.output);
  assert.match(run.output, /^1 warning in stories that publish \(published as they are; worth a look\):$/m);

  const picture = parse(page(root, "news/2013/09/02/talks.html")).querySelector("picture");
  const img = picture?.querySelector("img");
  assert.match(img?.getAttribute("src") ?? "", /^\.\.\/\.\.\/\.\.\/\.\.\/assets\/photos\/agency-900\.[0-9a-f]{10}\.jpeg$/);
  assert.deepEqual([img?.getAttribute("width"), img?.getAttribute("height")], ["900", "600"]);
  const sizes = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";
  for (const element of picture?.querySelectorAll("source, img") ?? []) {
    assert.equal(element.getAttribute("sizes"), sizes);
    const candidates = (element.getAttribute("srcset") ?? "").split(", ").map((candidate) => candidate.split(" "));
    assert.deepEqual(candidates.map(([, width]) => width), ["320w", "640w", "900w"]);
    for (const [url = "", width = ""] of candidates) {
      assert.match(url, new RegExp(`-${width.slice(0, -1)}\\.[0-9a-f]{10}\\.(avif|jpeg)$`));
      const file = join(root, "_site/news/2013/09/02", url);
      assert.equal(`${(await sharp(file).metadata()).width}w`, width, `${url} is as wide as it says`);
    }
  }
});

test("a failed build leaves the last good site in place; a good one drops deleted stories", async () => {
  const root = makeFixtureSite({ "talks/index.md": dateOnlyMoscow, "senate-budget.md": lateWashington });
  assert.equal((await buildFixtureInProcess(root)).status, 0);
  // The site folder has the mode any new folder of the user's has, so a web server it is copied to can read it.
  mkdirSync(join(root, "a-folder"));
  assert.equal(statSync(join(root, "_site")).mode & 0o777, statSync(join(root, "a-folder")).mode & 0o777);

  writeFileSync(join(root, "src/news/senate-budget.md"), story("title: Broken\nlead: B\ndate: 2013-09-02"));
  assert.equal((await buildFixtureInProcess(root)).status, 1);
  assert.match(page(root, "news/2013/09/02/senate-budget.html"), /Senate passes the budget/);

  writeFileSync(join(root, "src/news/senate-budget.md"), "");
  const run = await buildFixtureInProcess(root);
  assert.equal(run.status, 1, "an empty story is refused");
  assert.match(run.output, /senate-budget\.md:1: title: missing/);

  rmSync(join(root, "src/news/senate-budget.md"));
  // What a dev server stopped while it removed a replaced site left behind goes with the next build,
  // as do the folders of a build that died (its process gone); a running build's are left alone.
  mkdirSync(join(root, ".site-build-Ab12Cd-previous", "news"), { recursive: true });
  const died = spawnSync(process.execPath, ["-e", ""]).pid;
  for (const name of [`.site-build-${died}-Xy12Zw`, `.site-build-${died}-Xy12Zw-media`]) mkdirSync(join(root, name, "news"), { recursive: true });
  // The test runner that started this file: another process, running.
  const running = `.site-build-${process.ppid}-Qr34St`;
  mkdirSync(join(root, running, "news"), { recursive: true });
  assert.equal((await buildFixtureInProcess(root)).status, 0);
  // The site the swap replaced is kept for the next build to start from (tests/build/spare-site.test.ts); no other.
  assert.deepEqual(readdirSync(root).filter((name) => name.startsWith(".site-build-")).sort(), [running, ".site-build-spare-_site"].sort(), "no other replaced site or dead build's folder is left behind");
  rmSync(join(root, running), { recursive: true });
  assert.equal(existsSync(join(root, "_site/news/2013/09/02/senate-budget.html")), false, "the deleted story's page is gone");
  assert.doesNotMatch(page(root, "index.html"), /senate-budget/);
  assert.doesNotMatch(page(root, "all/index.html"), /senate-budget/);
});

test("markup typed into a story is shown as text, never run", async () => {
  const root = makeFixtureSite({
    "hostile.md": story(
      `title: "<script>alert(1)</script> Headline"\nlead: "<img src=x onerror=alert(1)>"\ndate: 2013-09-02\ndateline: MOSCOW`,
      '<script>alert(2)</script>\n\n[link](javascript:alert(3)) {{ 7 * 7 }} {% raw %}\n',
    ),
  });
  const run = await buildFixtureInProcess(root);
  assert.equal(run.status, 0, run.output);
  const html = page(root, "news/2013/09/02/hostile.html");
  const elements = parse(html).querySelectorAll("*");
  const scripts = elements.filter((element) => element.tagName === "SCRIPT");
  // The one script element is JSON-LD, a data block browsers never run, escaped so no value can close it.
  assert.deepEqual(scripts.map((script) => script.getAttribute("type")), ["application/ld+json"]);
  assert.doesNotMatch(scripts[0]?.rawText ?? "", /</);
  assert.equal((JSON.parse(scripts[0]?.rawText ?? "") as { "@graph": { headline?: string }[] })["@graph"][0]?.headline, "<script>alert(1)</script> Headline");
  const attributes = elements.flatMap((element) => Object.entries(element.attributes));
  assert.deepEqual(attributes.filter(([name, value]) => /^on/i.test(name) || /^\s*javascript:/i.test(value)), []);
  assert.match(html, /<h1>&lt;script&gt;alert\(1\)&lt;\/script&gt; Headline<\/h1>/);
  assert.match(html, /\{\{ 7 \* 7 \}\} \{% raw %\}/, "template syntax in a story is text");
});

test("an agency's story without a lead publishes with no standfirst, described by its first sentence", async () => {
  const first = "Ferries to the U.S. mainland resumed on Sept. 2 after “two days” of storms, the port said.";
  const root = makeFixtureSite({
    "ferries-resume/index.md": story(
      `title: Ferries resume\ndate: 2013-09-02T10:00\ndateline: MOSCOW\nsource: Itar-Tass\nwire:\n  id: urn:example:ferries\n  versionTime: 2013-09-02T10:00:00+04:00`,
      `${first} Crossings run hourly.\n\nSecond paragraph.\n`,
    ),
  });
  const run = await buildFixtureInProcess(root);
  assert.equal(run.status, 0, run.output);
  const html = parse(page(root, "news/2013/09/02/ferries-resume.html"));
  assert.equal(html.querySelector(".story-header .lead"), null, "no standfirst");
  const meta = (selector: string) => html.querySelector(selector)?.getAttribute("content");
  assert.equal(meta('meta[name="description"]'), first);
  assert.equal(meta('meta[property="og:description"]'), first);
  const jsonLd = JSON.parse(html.querySelector('script[type="application/ld+json"]')?.rawText ?? "") as { "@graph": { description?: string }[] };
  assert.equal(jsonLd["@graph"][0]?.description, first);
  assert.match(page(root, "feed.xml"), /<description>Ferries to the U\.S\. mainland resumed on Sept\. 2 after “two days” of storms, the port said\.<\/description>/);
  assert.equal((JSON.parse(page(root, "feed.json")) as { items: { summary?: string }[] }).items[0]?.summary, first);
  // All news lists it with its description where a story's lead would be.
  assert.match(page(root, "all/index.html"), /<p class="lead">Ferries to the U\.S\. mainland resumed on Sept\. 2/);
});

test("--timings prints each stage's time; --explain says why a page was rendered or reused", () => {
  const root = makeFixtureSite({ "talks/index.md": dateOnlyMoscow, "senate-budget.md": lateWashington });
  const explain = ["--explain", "/", "--explain", "src/news/senate-budget.md"];
  const first = buildFixtureSite(root, "UTC", {}, ["--timings", ...explain]);
  assert.equal(first.status, 0, first.output);
  const timings = [...first.output.matchAll(/^build: timing: ([a-z ]+): \d+\.\d\d s$/gm)].map(([, stage]) => stage);
  assert.deepEqual(timings, ["settings", "stories", "newsroom", "page plan", "render", "photos", "check", "size", "swap"]);
  assert.match(first.output, /^build: \/: index\.html \(\/\) rendered: a page the last build did not have$/m);

  writeFileSync(join(root, "src/news/senate-budget.md"), lateWashington.replace("just before midnight", "at midnight"));
  const second = buildFixtureSite(root, "UTC", {}, explain);
  assert.equal(second.status, 0, second.output);
  assert.match(second.output, /^build: \/: index\.html \(\/\) rendered: what it prints changed since the last build \(its view, or a story in it\)$/m);
  assert.match(second.output, /^build: src\/news\/senate-budget\.md: news\/2013\/09\/02\/senate-budget\.html \(\/news\/2013\/09\/02\/senate-budget\.html\) rendered: what it prints changed/m);
  const talks = buildFixtureSite(root, "UTC", {}, ["--explain", "_site/news/2013/09/02/talks.html", "--explain", "feed.xml", "--explain", "/nowhere/"]);
  assert.match(talks.output, /^build: _site\/news\/2013\/09\/02\/talks\.html: news\/2013\/09\/02\/talks\.html \(\/news\/2013\/09\/02\/talks\.html\) reused from the page cache: nothing it prints changed; made from src\/news\/talks\/index\.md$/m);
  assert.match(talks.output, /^build: feed\.xml: feed\.xml is no page the plan keeps/m);
  assert.match(talks.output, /^build: \/nowhere\/: no page or file of this build has that address/m);
});

test("an error no stage expected is named by the stage it happened in, and nothing is written", async () => {
  const root = makeFixtureSite({ "talks/index.md": dateOnlyMoscow });
  const template = join(root, "src", "index.njk");
  writeFileSync(template, readFileSync(template, "utf8").replace("{% block main %}", "{% block main %}{% if %}"));
  await assert.rejects(buildFixtureInProcess(root), (error) => error instanceof StageError && error.stage === "render" && error.message.startsWith("render: "));
  assert.equal(existsSync(join(root, "_site")), false);
  assert.deepEqual(readdirSync(root).filter((name) => name.startsWith(".site-build-")), [], "no staging folder is left behind");
});
