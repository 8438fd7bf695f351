/**
 * The dev server's rebuilds patch its site in place (src/lib/build/build.ts): each must leave the
 * site a fresh build of the same stories makes, to the byte and the file, whatever changed.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { setTimeout } from "node:timers/promises";
import sharp from "sharp";
import { build, BuildSession, type BuildResult } from "../../src/lib/build/build.ts";
import { makeFixtureSite } from "../support/fixture-site.ts";

const env = { ...process.env, SITE_URL: "http://localhost:8080/" };

function story(title: string, { tags = [] as string[], photo = "", text = "First paragraph." } = {}): string {
  const photoFields = photo === "" ? "" : `photo:\n  src: ${photo}\n  alt: A grey field\n  credit: Photo EPA\n`;
  return `---\ntitle: ${title}\nlead: The lead.\ndate: 2013-09-02T10:00\ndateline: MOSCOW\ntags: [${tags.join(", ")}]\n${photoFields}---\n\n${text}\n`;
}

/** Every file of a site folder, with a hash of its bytes. */
function siteFiles(folder: string): Map<string, string> {
  return new Map(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(folder, path), createHash("sha256").update(readFileSync(path)).digest("hex")] as const;
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

test("each dev server rebuild leaves its site, patched in place, as a fresh build makes it: edits, new and deleted stories, photos and images", async () => {
  const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#5a6b7c" } }).jpeg().toBuffer();
  const chart = (width: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="180"></svg>`;
  const root = makeFixtureSite({
    "talks/index.md": story("Talks resume", { tags: ["Diplomacy"], photo: "talks.jpg" }),
    "talks/talks.jpg": photo,
    "vote.md": story("Vote delayed", { tags: ["Diplomacy", "Elections"] }),
    "markets/index.md": story("Markets rise", { tags: ["Markets"], text: "Shares rose.\n\n![A chart](chart.svg)" }),
    "markets/chart.svg": chart(320),
  });
  const news = join(root, "src", "news");
  // Files older than a few clock ticks are known by their stamps, so the unchanged stories are recalled, not read.
  await setTimeout(2100);
  const session = new BuildSession(true);
  const patch = () => build(root, { output: ".dev-site", dev: true, session, env });
  const fresh = () => build(root, { output: ".dev-fresh", dev: true, session: new BuildSession(true), env });
  const sameAsFresh = async (after: string, patched: BuildResult) => {
    assert.ok(patched.ok, after);
    const rebuilt = await fresh();
    assert.ok(rebuilt.ok, after);
    // The page cache holds every page of the patched site: a server started afresh renders none again.
    assert.deepEqual(rebuilt.pages.filter((page) => page.rendered).map(({ url }) => url), [], after);
    const inPlace = siteFiles(join(root, ".dev-site"));
    assert.deepEqual(inPlace, siteFiles(join(root, ".dev-fresh")), after);
    assert.deepEqual(patched.files, [...inPlace.keys()], `${after}: the build's list of its files is the folder's`);
    assert.deepEqual(readdirSync(join(root, ".dev-site"), { recursive: true }).sort(), readdirSync(join(root, ".dev-fresh"), { recursive: true }).sort(), `${after}: no folder left empty`);
  };

  await sameAsFresh("the first build", await patch());
  // Patched, not replaced: the folder the server serves stays the same one.
  const folder = statSync(join(root, ".dev-site")).ino;
  await sameAsFresh("nothing changed", await patch());

  writeFileSync(join(news, "vote.md"), story("Vote delayed again", { tags: ["Diplomacy", "Elections"] }));
  const edited = await patch();
  await sameAsFresh("a headline edited", edited);
  assert.ok(edited.pages.some((page) => page.reason === "reused"), "the pages the edit does not reach are in place");

  writeFileSync(join(news, "summit.md"), story("Summit opens", { tags: ["Summits"] }));
  await sameAsFresh("a new story on a new topic", await patch());

  rmSync(join(news, "talks"), { recursive: true });
  await sameAsFresh("a story deleted with its photo, the last on its topic's page but one", await patch());

  writeFileSync(join(news, "markets", "chart.svg"), chart(640));
  await sameAsFresh("an image in a story's text changed under the same name", await patch());

  rmSync(join(news, "summit.md"));
  writeFileSync(join(news, "vote.md"), story("Vote delayed again", { tags: ["Elections"] }));
  await sameAsFresh("a topic's only story deleted, another's topic taken off", await patch());
  assert.equal(statSync(join(root, ".dev-site")).ino, folder);
});
