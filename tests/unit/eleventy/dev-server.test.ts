import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, test } from "node:test";
import { DEFAULT_PORT, readServePort, removeStalePages, ServeOptionError } from "../../../src/lib/eleventy/dev-server.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "dev-server-test-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

test("the port is 8080 unless --port names another", () => {
  assert.equal(readServePort([]), DEFAULT_PORT);
  assert.equal(readServePort(["--port=8081"]), 8081);
  assert.equal(readServePort(["--port", "9000"]), 9000);
});

for (const args of [["--port=0"], ["--port=65536"], ["--port=80a"], ["--port=-1"], ["--port="], ["--port=8080.5"]]) {
  test(`${args.join(" ")} is refused in one line naming the option`, () => {
    assert.throws(() => readServePort(args), (error: unknown) => {
      assert.ok(error instanceof ServeOptionError);
      assert.match(error.message, /^--port: got ".*" \(expected a whole number from 1 to 65535\)$/);
      return true;
    });
  });
}

test("an unknown option is refused", () => {
  assert.throws(() => readServePort(["--serve"]), ServeOptionError);
});

test("pages the last build did not write are removed; its pages and other files stay", () => {
  const site = mkdtempSync(join(tempRoot, "site-"));
  const files = ["index.html", "news/2013/09/02/kept.html", "news/2013/09/02/broken.html", "old/deleted.html", "assets/site.css", "news/photo.jpg"];
  for (const file of files) {
    mkdirSync(join(site, file, ".."), { recursive: true });
    writeFileSync(join(site, file), "x");
  }
  // Eleventy names what it wrote relative to the working folder, or absolutely.
  const written = [relative(process.cwd(), join(site, "index.html")), join(site, "news/2013/09/02/kept.html")];
  const removed = removeStalePages(site, written);
  assert.deepEqual(removed.sort(), [join(site, "news/2013/09/02/broken.html"), join(site, "old/deleted.html")]);
  assert.deepEqual(
    files.filter((file) => existsSync(join(site, file))),
    ["index.html", "news/2013/09/02/kept.html", "assets/site.css", "news/photo.jpg"],
  );
});

test("a folder that does not exist yet has no stale pages", () => {
  assert.deepEqual(removeStalePages(join(tempRoot, "missing"), []), []);
});
