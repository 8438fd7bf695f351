/**
 * A build starts from the site its last swap replaced (src/lib/build/build.ts, takeSpare): whatever
 * that folder holds, the site it becomes must be the one a build from nothing makes, to the byte,
 * the file and the folder.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { build } from "../../src/lib/build/build.ts";
import { makeFixtureSite } from "../support/fixture-site.ts";

const env = { ...process.env, SITE_URL: "http://localhost:8080/", BUILD_MOMENT: "2026-12-07T12:00:00Z" };
const SPARE = ".site-build-spare-_site";

function story(title: string, { tags = [] as string[], photo = "" } = {}): string {
  const photoFields = photo === "" ? "" : `photo:\n  src: ${photo}\n  alt: A grey field\n  credit: Photo EPA\n`;
  return `---\ntitle: ${title}\nlead: The lead.\ndate: 2013-09-02T10:00\ndateline: MOSCOW\ntags: [${tags.join(", ")}]\n${photoFields}---\n\nFirst paragraph.\n`;
}

/** Every entry of a site folder: each file with a hash of its bytes, each folder as such. */
function siteTree(folder: string): Map<string, string> {
  return new Map(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        const what = entry.isDirectory() ? "folder" : entry.isFile() ? createHash("sha256").update(readFileSync(path)).digest("hex") : "other";
        return [relative(folder, path), what] as const;
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** The site a build of the same stories makes from nothing: in a copy with no caches and no spare. */
async function freshSite(root: string): Promise<Map<string, string>> {
  const fresh = `${root}-fresh`;
  rmSync(fresh, { recursive: true, force: true });
  cpSync(root, fresh, { recursive: true, filter: (path) => !/[/\\](\.cache|_site|\.site-build-[^/\\]*)$/.test(path) && !path.endsWith("node_modules") });
  symlinkSync(readlinkSync(join(root, "node_modules")), join(fresh, "node_modules"), "dir");
  const built = await build(fresh, { output: "_site", env });
  assert.ok(built.ok);
  const tree = siteTree(join(fresh, "_site"));
  rmSync(fresh, { recursive: true, force: true });
  return tree;
}

test("a build starts from the site its swap replaced, and makes the site a build from nothing makes, whatever that folder holds", async () => {
  const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#5a6b7c" } }).jpeg().toBuffer();
  const root = makeFixtureSite({
    "talks/index.md": story("Talks resume", { tags: ["Diplomacy"], photo: "talks.jpg" }),
    "talks/talks.jpg": photo,
    "vote.md": story("Vote delayed", { tags: ["Diplomacy", "Elections"] }),
    "summit.md": story("Summit opens", { tags: ["Summits"] }),
  });
  const news = join(root, "src", "news");
  const spare = join(root, SPARE);
  const publish = async (step: string) => {
    const built = await build(root, { output: "_site", env });
    assert.ok(built.ok, step);
    const site = siteTree(join(root, "_site"));
    assert.deepEqual(site, await freshSite(root), step);
    assert.deepEqual(built.files, [...site].filter(([, what]) => what !== "folder").map(([path]) => path), `${step}: the build's list of its files is the folder's`);
    return built;
  };

  await publish("the first build");
  assert.equal(existsSync(spare), false, "a first build has no earlier site to keep");
  await publish("the second build");
  assert.ok(existsSync(spare), "the site the swap replaced is kept for the next build");

  // The next build takes the spare: its reused pages are left where they are the cache's entries.
  const page = "news/2013/09/02/vote.html";
  const kept = statSync(join(spare, page)).ino;
  // A file besides the pages the build makes again with the same bytes stays as it is, unless it has another name.
  const robots = statSync(join(spare, "robots.txt")).ino;
  const elsewhereCopy = join(mkdtempSync(join(tmpdir(), "spare-named-")), "feed.json");
  linkSync(join(spare, "topics", "elections", "feed.json"), elsewhereCopy);
  writeFileSync(join(news, "summit.md"), story("Summit opens late", { tags: ["Summits"] }));
  const edited = await publish("a headline edited");
  assert.ok(edited.pages.some((planned) => planned.reason === "reused"));
  assert.equal(statSync(join(root, "_site", page)).ino, kept, "a reused page in the spare is not placed again");
  assert.equal(statSync(join(root, "_site", "robots.txt")).ino, robots, "an unchanged file of the spare is not written again");
  assert.notEqual(statSync(join(root, "_site", "topics", "elections", "feed.json")).ino, statSync(elsewhereCopy).ino, "an unchanged file with a second name elsewhere is written anew");
  rmSync(dirname(elsewhereCopy), { recursive: true });

  // Whatever the spare holds: a page changed in place (which changes its cache entry too, a second
  // name of the same file), one replaced by another file, a stray file, an empty folder, a link.
  writeFileSync(join(spare, page), "<p>Changed in place</p>");
  rmSync(join(spare, "index.html"));
  writeFileSync(join(spare, "index.html"), "<p>Another file</p>");
  writeFileSync(join(spare, "stray.html"), "<p>Stray</p>");
  mkdirSync(join(spare, "news", "2001", "01"), { recursive: true });
  symlinkSync("/etc", join(spare, "elsewhere"));
  // A folder of the site replaced by a link out of it: the build writes into the site, never through it.
  const outside = mkdtempSync(join(tmpdir(), "spare-outside-"));
  rmSync(join(spare, "topics"), { recursive: true });
  symlinkSync(outside, join(spare, "topics"));
  const photoFile = readdirSync(join(spare, "assets", "photos")).find((name) => name.endsWith(".jpeg")) ?? "";
  rmSync(join(spare, "assets", "photos", photoFile));
  writeFileSync(join(spare, "assets", "photos", photoFile), "not the photo");
  await publish("a spare changed by hand");
  assert.deepEqual(readdirSync(outside), [], "nothing written through a link out of the spare");
  rmSync(outside, { recursive: true });

  // A story deleted: its page, photo and folders go from the spare; a hard link the spare holds to a story's own file too.
  rmSync(join(news, "talks"), { recursive: true });
  linkSync(join(news, "vote.md"), join(spare, "vote.md"));
  // Files the build writes, there as second names of the project's own: written over, never through.
  const stylesheet = readdirSync(join(spare, "assets")).find((name) => name.endsWith(".css")) ?? "";
  rmSync(join(spare, "assets", stylesheet));
  linkSync(join(news, "vote.md"), join(spare, "assets", stylesheet));
  const voteBefore = readFileSync(join(news, "vote.md"), "utf8");
  await publish("a story deleted with its photo");
  assert.equal(readFileSync(join(news, "vote.md"), "utf8"), voteBefore, "no story written through a link the spare held");

  // The spare itself a link to a folder elsewhere: the link goes, never what it names, and the build starts afresh.
  const elsewhere = mkdtempSync(join(tmpdir(), "spare-elsewhere-"));
  writeFileSync(join(elsewhere, "kept.txt"), "not the site's");
  rmSync(spare, { recursive: true });
  symlinkSync(elsewhere, spare);
  await publish("the spare a link");
  assert.deepEqual(readdirSync(elsewhere), ["kept.txt"]);
  rmSync(elsewhere, { recursive: true });

  // A build a story's problem stops keeps its folder for the next: the site in place is untouched.
  writeFileSync(join(news, "broken.md"), "---\ntitle: Broken\n---\n");
  const stopped = await build(root, { output: "_site", env });
  assert.equal(stopped.ok, false);
  assert.ok(existsSync(spare));
  rmSync(join(news, "broken.md"));
  await publish("the story's problem mended");
  rmSync(root, { recursive: true, force: true });
});
