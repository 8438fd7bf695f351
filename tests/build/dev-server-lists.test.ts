/**
 * In the dev server, every list that shows a story follows each change to it: All news, its
 * topics, its archive day and the related stories of the stories after it, through a headline edit, a
 * date change, a new story with a new topic, and a deletion.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { freePort, startServer, stopServer, waitFor } from "../support/dev-server.ts";
import { makeFixtureSite } from "../support/fixture-site.ts";

function story(title: string, date: string, tags: string[]): string {
  return `---\ntitle: ${title}\nlead: The lead of ${title}.\ndate: ${date}\ndateline: MOSCOW\ntags: ${JSON.stringify(tags)}\n---\n\nThe text of ${title}.\n`;
}

test("the dev server's lists are never stale after an edit, a date change, a new story and a deletion", async () => {
  const root = makeFixtureSite({
    "talks.md": story("Talks resume", "2013-09-02T10:00", ["Diplomacy"]),
    "pipeline.md": story("Pipeline deal signed", "2013-09-03T10:00", ["Diplomacy", "Energy"]),
    "prices.md": story("Gas prices fall", "2013-09-04T10:00", ["Energy"]),
    // Later than prices.md and sharing its topic: prices.md is among its related (earlier) stories.
    "tariffs.md": story("Tariffs rise", "2013-09-04T12:00", ["Energy"]),
  });
  const site = join(root, ".dev-site");
  const page = (path: string): string | undefined => (existsSync(join(site, path)) ? readFileSync(join(site, path), "utf8") : undefined);
  const { child, output } = startServer(root, await freePort());
  /**
   * Saves one change (`file` under src/news/, written or, with undefined, deleted), then waits
   * until the server's file watcher has said it saw that save and every page named shows (or, for
   * false, no longer shows) the text. The change is made once: a save the watcher missed, or a list
   * left stale, fails the test.
   */
  const afterChange = async (what: string, file: string, contents: string | undefined, expectations: [string, string, boolean][]) => {
    const before = output().length;
    const source = join(root, "src/news", file);
    if (contents === undefined) rmSync(source);
    else writeFileSync(source, contents);
    const seen = new RegExp(`File (?:changed|added|deleted): \\S*src/news/${file.replace(".", "\\.")}`);
    await waitFor(
      what,
      () => (seen.test(output().slice(before)) && expectations.every(([path, text, shown]) => (page(path)?.includes(text) ?? false) === shown) ? true : undefined),
      () => `${output()}\n${expectations.map(([path]) => `${path}:\n${page(path) ?? "(none)"}`).join("\n")}`,
    );
  };
  try {
    // The server says where it serves once its file watcher is ready; an edit before then would go unseen.
    await waitFor("the server's address", () => (/serve: http:\/\/localhost:\d+\//.test(output()) ? true : undefined), output);
    await waitFor("the first build", () => (page("all/index.html")?.includes("Talks resume") ? true : undefined), output);

    await afterChange("the new headline everywhere the story is listed", "talks.md", story("Talks resume in Geneva", "2013-09-02T10:00", ["Diplomacy"]), [
      ["all/index.html", "Talks resume in Geneva", true],
      ["topics/diplomacy/index.html", "Talks resume in Geneva", true],
      ["archive/2013/09/02/index.html", "Talks resume in Geneva", true],
      ["news/2013/09/03/pipeline.html", "Talks resume in Geneva", true],
    ]);

    await afterChange("the story under its new day, and gone from the old", "talks.md", story("Talks resume in Geneva", "2013-09-05T10:00", ["Diplomacy"]), [
      ["archive/2013/09/05/index.html", "Talks resume in Geneva", true],
      ["news/2013/09/05/talks.html", "Talks resume in Geneva", true],
      // Stale pages are removed once the build has written the new ones, so that is waited for too.
      ["news/2013/09/02/talks.html", "Talks resume in Geneva", false],
    ]);
    assert.equal(existsSync(join(site, "news/2013/09/02/talks.html")), false, "the old address is gone");
    assert.equal(existsSync(join(site, "archive/2013/09/02/index.html")), false, "the emptied day is gone");
    const index = page("all/index.html") ?? "";
    assert.ok(index.indexOf("Talks resume in Geneva") < index.indexOf("Gas prices fall"), "now the newest, it leads All news");

    await afterChange("the new story and its new topic", "storm.md", story("Storm closes the port", "2013-09-06T08:00", ["Weather"]), [
      ["all/index.html", "Storm closes the port", true],
      ["index.html", "Storm closes the port", true],
      ["topics/index.html", "Weather", true],
      ["topics/weather/index.html", "Storm closes the port", true],
    ]);

    assert.ok(page("news/2013/09/04/tariffs.html")?.includes("Gas prices fall"), "a later story lists it among its related stories");
    await afterChange("the deleted story gone from every list", "prices.md", undefined, [
      ["all/index.html", "Gas prices fall", false],
      ["index.html", "Gas prices fall", false],
      ["topics/energy/index.html", "Gas prices fall", false],
      ["news/2013/09/04/tariffs.html", "Gas prices fall", false],
      // The stale page is removed once the build has written the lists, so it is waited for too.
      ["news/2013/09/04/prices.html", "Gas prices fall", false],
    ]);
    assert.equal(existsSync(join(site, "news/2013/09/04/prices.html")), false, "the deleted story's page is gone");
    assert.equal(child.exitCode, null, "the server kept running throughout");
  } finally {
    await stopServer(child);
  }
});
