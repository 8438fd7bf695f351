import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "node-html-parser";
import sharp from "sharp";
import { findBrowser } from "../../src/lib/check/browser.ts";
import { checkSiteInBrowser } from "../../src/lib/check/browser-check.ts";
import { formatProblem } from "../../src/lib/model/problems.ts";
import { buildFixtureInProcess, copyOfSiteTop, makeFixtureSite } from "../support/fixture-site.ts";

const MEDIA_URL = "https://media.example.com/wire/";

function story(fields: string): string {
  return `---\n${fields.trim()}\n---\n\nFirst paragraph.\n\nSecond paragraph.\n`;
}

/** Every file under `folder`, relative to it, with forward slashes. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1).split("\\").join("/"))
    .sort();
}

/** The URLs of the story page's photo: its <img>'s src and every srcset candidate of the <picture>. */
function photoUrls(html: string): string[] {
  const picture = parse(html).querySelector("picture");
  const img = picture?.querySelector("img")?.getAttribute("src");
  const candidates = [...(picture?.querySelectorAll("source, img") ?? [])].flatMap((element) =>
    (element.getAttribute("srcset") ?? "").split(", ").map((candidate) => candidate.split(" ")[0] ?? ""),
  );
  return [...(img === undefined ? [] : [img]), ...candidates];
}

test("with MEDIA_URL the photos go to _media/ and the pages, feeds and policy name the media host; without it nothing changes", async () => {
  const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#5a6b7c" } }).jpeg().toBuffer();
  const root = makeFixtureSite({
    "talks/index.md": story("title: Talks resume\nlead: A date-only story.\ndate: 2013-09-02\ndateline: MOSCOW\nphoto:\n  src: lavrov.jpg\n  alt: Lavrov speaks\n  credit: Photo EPA"),
    "talks/lavrov.jpg": photo,
  });
  const site = (path: string) => readFileSync(join(root, "_site", path), "utf8");

  const onHost = await buildFixtureInProcess(root, { MEDIA_URL });
  assert.equal(onHost.status, 0, onHost.output);
  const media = filesUnder(join(root, "_media"));
  assert.equal(media.length, 6, `AVIF and JPEG at three widths: ${media.join(", ")}`);
  for (const name of media) assert.match(name, /^lavrov-(320|640|1280)\.[0-9a-f]{10}\.(avif|jpeg)$/);
  assert.deepEqual(filesUnder(join(root, "_site/assets/photos")), [], "the site holds no photo");
  assert.match(onHost.output, /^media: 6 files in _media\/ for https:\/\/media\.example\.com\/wire\/, 6 new this build \(npm run upload:media sends what the bucket lacks, before the pages deploy\)$/m);
  assert.ok(!onHost.result.files.some((file) => file.startsWith("assets/photos/")));

  const storyPage = site("news/2013/09/02/talks.html");
  const urls = photoUrls(storyPage);
  assert.equal(urls.length, 7);
  for (const url of urls) {
    assert.ok(url.startsWith(MEDIA_URL), `${url} is on the media host`);
    assert.ok(media.includes(url.slice(MEDIA_URL.length)), `${url} is in _media/`);
  }
  const policy = parse(storyPage).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
  assert.match(policy, /(^|; )img-src 'self' https:\/\/media\.example\.com\/wire\/(;|$)/, "images may come from the media host");
  assert.equal(policy.split(MEDIA_URL).length, 2, `the media host is let in for images only: ${policy}`);
  assert.match(site("_headers"), /img-src 'self' https:\/\/media\.example\.com\/wire\//);
  const jpeg = `${MEDIA_URL}lavrov-1280.`;
  assert.ok(site("feed.xml").includes(`<media:content url="${jpeg}`), "the RSS feed names the photo on the media host");
  assert.ok(storyPage.includes(`"contentUrl":"${jpeg}`), "the JSON-LD names the photo on the media host");
  assert.ok(parse(storyPage).querySelector('meta[property="og:image"]')?.getAttribute("content")?.startsWith(jpeg), "so does the link preview");

  // The same site without MEDIA_URL: the photos beside the pages, nothing names the media host; _media/ keeps its files.
  const beside = await buildFixtureInProcess(root);
  assert.equal(beside.status, 0, beside.output);
  assert.doesNotMatch(beside.output, /^media:/m);
  assert.equal(filesUnder(join(root, "_site/assets/photos")).length, 6);
  for (const url of photoUrls(site("news/2013/09/02/talks.html"))) assert.match(url, /^\.\.\/\.\.\/\.\.\/\.\.\/assets\/photos\/lavrov-/);
  const named = filesUnder(join(root, "_site")).filter((file) => site(file).includes("media.example.com"));
  assert.deepEqual(named, []);
  assert.deepEqual(filesUnder(join(root, "_media")), media, "a build never removes a photo from _media/");

  // For reading offline: MEDIA_URL set, every photo kept beside its pages.
  const offline = await buildFixtureInProcess(root, { MEDIA_URL }, { localMedia: true });
  assert.equal(offline.status, 0, offline.output);
  assert.doesNotMatch(offline.output, /^media:/m);
  assert.equal(filesUnder(join(root, "_site/assets/photos")).length, 6);
  assert.deepEqual(filesUnder(join(root, "_site")).filter((file) => site(file).includes("media.example.com")), []);

  // Back on the media host: the photos are in _media/ already, so nothing is new to upload.
  const again = await buildFixtureInProcess(root, { MEDIA_URL });
  assert.equal(again.status, 0, again.output);
  assert.match(again.output, /^media: 6 files in _media\/ for https:\/\/media\.example\.com\/wire\/, 0 new this build /m);
  assert.deepEqual(filesUnder(join(root, "_site/assets/photos")), []);
});

test("a MEDIA_URL photos cannot be named under is refused before anything is built", async () => {
  const root = makeFixtureSite({ "talks.md": story("title: Talks resume\nlead: A date-only story.\ndate: 2013-09-02\ndateline: MOSCOW") });
  const run = await buildFixtureInProcess(root, { MEDIA_URL: "http://media.example.com/wire" });
  assert.equal(run.status, 1);
  assert.ok(
    run.output.includes(
      'MEDIA_URL: got "http://media.example.com/wire" (expected an https address of a folder, ending in /, such as https://media.example.com/photos/ (http only for localhost)) [WD316]',
    ),
    run.output,
  );
  assert.equal(existsSync(join(root, "_site")), false);
});

test("the browser check serves _media/ at the media host's address: every photo loads within the policy, served and under a prefix; a photo not uploaded is named", async () => {
  const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#5a6b7c" } }).jpeg().toBuffer();
  const root = makeFixtureSite({
    "talks/index.md": story("title: Talks resume\nlead: A date-only story.\ndate: 2013-09-02\ndateline: MOSCOW\nphoto:\n  src: lavrov.jpg\n  alt: Lavrov speaks\n  credit: Photo EPA"),
    "talks/lavrov.jpg": photo,
  });
  const choice = findBrowser();
  assert.ok(choice, "a browser to open the pages in (see node scripts/browser.ts)");
  const media = { url: MEDIA_URL, folder: join(root, "_media") };
  // Under a path prefix, as on GitHub Pages; the check serves the site as the host it was built for.
  const run = await buildFixtureInProcess(root, { MEDIA_URL, SITE_URL: "https://desk.example.github.io/newsroom/" });
  assert.equal(run.status, 0, run.output);
  const clean = await checkSiteInBrowser(join(root, "_site"), choice, undefined, media);
  assert.deepEqual(clean.problems.map(formatProblem), []);
  assert.ok(clean.opened > 0);

  const gone = "lavrov-640.";
  const removed = filesUnder(media.folder).filter((name) => name.startsWith(gone));
  assert.equal(removed.length, 2);
  for (const name of removed) rmSync(join(media.folder, name));
  // The pass again on the story's page, the site's top-level files and its assets only: the whole
  // site passed above, and what shows here is that a photo missing from _media/ is named.
  const small = copyOfSiteTop(join(root, "_site"), ["assets", "news"]);
  const missing = (await checkSiteInBrowser(small, choice, undefined, media)).problems.map(formatProblem);
  rmSync(small, { recursive: true, force: true });
  for (const name of removed) {
    assert.ok(missing.some((line) => line.includes(`${MEDIA_URL}${name} does not answer`) && line.includes("[WD422]")), `${name} is named:\n${missing.join("\n")}`);
  }
});
