/**
 * A cache may make a build faster, never different: through edits, a deletion, a rename, a new
 * topic, a translation, another edition's stories and strings, and a changed template, a build that finds every cache the earlier builds left writes
 * exactly the files, byte for byte, of a build of the same sources from nothing.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { buildFixtureInProcess, makeFixtureSite } from "../support/fixture-site.ts";

const MOMENT = { BUILD_MOMENT: "2013-09-10T00:00Z" };

function story(title: string, date: string, tags: string[], extra = ""): string {
  return `---\ntitle: ${title}\nlead: The lead of ${title}.\ndate: ${date}\ndateline: MOSCOW\ntags: ${JSON.stringify(tags)}\n${extra}---\n\nThe text of ${title}.\n`;
}

/** Every file of a built site, by path, as bytes. */
function builtFiles(site: string): Map<string, Buffer> {
  const files = readdirSync(site, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [relative(site, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name))]));
}

/** The lines a build prints about its stories' problems and warnings, each naming a story file. */
function storyLines(output: string): string[] {
  return output.split("\n").filter((line) => /^src\/news\/[^:]+:\d+: /.test(line));
}

function assertSameSite(warm: string, cold: string, step: string): void {
  const [a, b] = [builtFiles(warm), builtFiles(cold)];
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), `${step}: the same files`);
  for (const [path, bytes] of a) assert.ok(bytes.equals(b.get(path) ?? Buffer.alloc(0)), `${step}: ${path} differs with the caches`);
}

test("builds with every cache write byte for byte what builds from nothing write", { timeout: 600_000 }, async () => {
  const photoOf = (background: string, width = 1280) => sharp({ create: { width, height: 720, channels: 3, background } }).jpeg().toBuffer();
  const [photo, otherPhoto, narrowPhoto] = await Promise.all([photoOf("#6a7b8c"), photoOf("#8c7b6a"), photoOf("#7b8c6a", 900)]);
  const withdrawn = (at: string) => `---\nwithdrawn: ${at}\ndate: 2013-09-05T08:00\ndateline: MOSCOW\nwire:\n  id: urn:x:storm\n  versionTime: ${at}\n---\n`;
  const root = makeFixtureSite({
    "talks.md": story("Talks resume", "2013-09-02T10:00", ["Diplomacy"]),
    "pipeline/index.md": story("Pipeline deal signed", "2013-09-03T10:00", ["Diplomacy", "Energy"], "photo:\n  src: deal.jpg\n  alt: Two ministers shake hands\n  credit: Photo AP\n"),
    "pipeline/deal.jpg": photo,
    "prices.md": story("Gas prices fall", "2013-09-04T10:00", ["Energy"]),
  });
  const news = join(root, "src", "news");
  const steps: [string, () => void][] = [
    ["the first build", () => {}],
    ["nothing changed", () => {}],
    ["a headline edited", () => writeFileSync(join(news, "talks.md"), story("Talks resume in Geneva", "2013-09-02T10:00", ["Diplomacy"]))],
    ["a story deleted", () => rmSync(join(news, "prices.md"))],
    ["a story renamed", () => renameSync(join(news, "talks.md"), join(news, "geneva-talks.md"))],
    ["a new story with a new topic", () => writeFileSync(join(news, "storm.md"), story("Storm closes the port", "2013-09-05T08:00", ["Weather"]))],
    ["a Russian translation added", () => {
      mkdirSync(join(news, "ru"), { recursive: true });
      writeFileSync(join(news, "ru", "sdelka.md"), story("Подписано соглашение о газопроводе", "2013-09-03T10:00", ["Энергетика"], "lang: ru\ntranslationOf: pipeline/index.md\n"));
    }],
    ["a Russian story of its own", () => writeFileSync(join(news, "ru", "shtorm.md"), story("Шторм закрыл порт", "2013-09-05T09:00", ["Энергетика", "Погода"], "lang: ru\n"))],
    ["the Russian edition's strings changed", () => {
      const strings = join(root, "_data", "strings", "ru.json");
      writeFileSync(strings, readFileSync(strings, "utf8").replace('"allNews": "Все новости"', '"allNews": "Все сообщения"'));
    }],
    ["a photo replaced", () => writeFileSync(join(news, "pipeline", "deal.jpg"), otherPhoto)],
    // The credit and rights are embedded in every photo file: changing them makes the files again.
    ["the photo's credit changed", () => {
      const file = join(news, "pipeline", "index.md");
      writeFileSync(file, readFileSync(file, "utf8").replace("credit: Photo AP\n", "credit: AP Photo/Evan Vucci\n  creator: Evan Vucci\n"));
    }],
    ["the agency's photo rights set in the settings", () => {
      const settings = join(root, "_data", "site.ts");
      const rights = 'photoRights: { copyright: "© The Associated Press", license: "https://www.ap.org/terms", licensePage: "https://newsroom.ap.org/" }';
      writeFileSync(settings, readFileSync(settings, "utf8").replace('also: ["AP", "The Associated Press"] }', `also: ["AP", "The Associated Press"], ${rights} }`));
    }],
    ["a template changed", () => {
      const layout = join(root, "_includes", "layouts", "base.njk");
      writeFileSync(layout, readFileSync(layout, "utf8").replace('<main id="main">', '<main id="main" class="edition">'));
    }],
    ["a story withdrawn", () => writeFileSync(join(news, "storm.md"), withdrawn("2013-09-06T09:00"))],
    ["its withdrawal's time corrected", () => writeFileSync(join(news, "storm.md"), withdrawn("2013-09-06T09:30"))],
    ["a photo replaced by a narrower one", () => writeFileSync(join(news, "pipeline", "deal.jpg"), narrowPhoto)],
  ];
  for (const [step, change] of steps) {
    change();
    const warm = await buildFixtureInProcess(root, MOMENT);
    assert.equal(warm.status, 0, `${step}: ${warm.output}`);
    // The agencies are settings every story is read with: a change to them reads and renders every story again.
    const settingsChanged = step === "the agency's photo rights set in the settings";
    // After the first build the caches are really used, or this would compare two cold builds.
    if (step !== "the first build" && !settingsChanged) assert.match(warm.output, /^cache \.cache: stories \d+ read, [1-9]\d* reused/m, `${step}: ${warm.output}`);
    // Pages are reused too, but none after a template, the strings or the settings changed: every page is rendered with them.
    if (step === "a template changed" || step === "the Russian edition's strings changed" || settingsChanged) assert.match(warm.output, /; pages [1-9]\d* rendered, 0 reused/, warm.output);
    else if (step !== "the first build") assert.match(warm.output, /; pages \d+ rendered, [1-9]\d* reused/, `${step}: ${warm.output}`);
    // The photo is converted again only when it was replaced, or the words its files carry changed.
    if (step.startsWith("a photo replaced") || step.startsWith("the photo's credit") || step.startsWith("the agency's photo rights")) assert.match(warm.output, /; photos 1 converted, 0 reused, \d+ removed/, `${step}: ${warm.output}`);
    else if (step !== "the first build") assert.match(warm.output, /; photos 0 converted, 1 reused/, `${step}: ${warm.output}`);
    // The same sources, built from nothing in a copy with no .cache/.
    const fresh = `${root}-fresh`;
    rmSync(fresh, { recursive: true, force: true });
    cpSync(root, fresh, { recursive: true, filter: (path) => !/[/\\](\.cache|_site|\.site-build-[^/\\]*)$/.test(path) && !path.endsWith("node_modules") });
    symlinkSync(readlinkSync(join(root, "node_modules")), join(fresh, "node_modules"), "dir");
    const cold = await buildFixtureInProcess(fresh, MOMENT);
    assert.equal(cold.status, 0, `${step}, from nothing: ${cold.output}`);
    assert.doesNotMatch(cold.output, /[1-9]\d* reused/, `${step}, from nothing: no cache to reuse`);
    assertSameSite(join(root, "_site"), join(fresh, "_site"), step);
    // What the build tells the desk about its stories is the same too.
    assert.deepEqual(storyLines(warm.output), storyLines(cold.output), `${step}: the same report`);
    if (step === "the agency's photo rights set in the settings") {
      const photos = [...builtFiles(join(root, "_site"))].filter(([path]) => path.startsWith("assets/photos/"));
      assert.equal(photos.length, 6, `${step}: AVIF and JPEG at three widths`);
      for (const [path, bytes] of photos) {
        const xmp = (await sharp(bytes).metadata()).xmp?.toString("utf8") ?? "";
        for (const words of ["AP Photo/Evan Vucci", "Evan Vucci", "© The Associated Press", "https://www.ap.org/terms", "https://newsroom.ap.org/"]) assert.ok(xmp.includes(words), `${path} carries ${words}`);
      }
    }
    if (step === "a photo replaced by a narrower one") assert.match(storyLines(warm.output).join("\n"), /^src\/news\/pipeline\/index\.md:\d+: photo\.src: "deal\.jpg" is 900 px wide/);
    rmSync(fresh, { recursive: true, force: true });
  }
});
