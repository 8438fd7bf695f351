import assert from "node:assert/strict";
import { test } from "node:test";
import { contentHash, hashedPath, hashInName } from "../../../src/lib/media/assets.ts";

test("a hashed name changes with the contents and with nothing else", () => {
  const path = hashedPath("assets/site.css", "body { margin: 0 }");
  assert.match(path, /^assets\/site\.[0-9a-f]{10}\.css$/);
  assert.equal(hashedPath("assets/site.css", "body { margin: 0 }"), path);
  assert.notEqual(hashedPath("assets/site.css", "body { margin: 1px }"), path);
});

test("the hash is read back from the name, and a name without one has none", () => {
  const contents = "a { color: red }";
  assert.equal(hashInName(hashedPath("assets/site.css", contents)), contentHash(contents));
  assert.equal(hashInName("assets/site.css"), undefined);
  assert.equal(hashInName("assets/site.min.css"), undefined);
});
