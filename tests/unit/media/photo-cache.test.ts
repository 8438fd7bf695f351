import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { PhotoCache } from "../../../src/lib/media/photo-cache.ts";

const folder = mkdtempSync(join(tmpdir(), "photo-cache-test-"));
after(() => rmSync(folder, { recursive: true, force: true }));
let folders = 0;
const newCache = () => new PhotoCache(join(folder, `cache-${(folders += 1)}`));

const files = new Map([
  ["talks-320.0123456789.avif", Buffer.from("small picture")],
  ["talks-1280.0123456789.avif", Buffer.from("large picture")],
]);
const names = [...files.keys()];

test("a stored conversion is found again by its stem, key and file names", async () => {
  const cache = newCache();
  assert.deepEqual(await cache.lookup("talks.0123456789", "settings 1", names), { found: false }, "nothing before it is stored");
  const paths = await cache.store("talks.0123456789", "settings 1", files);
  assert.deepEqual(await cache.lookup("talks.0123456789", "settings 1", names), { found: true, paths });
  assert.deepEqual(readdirSync(cache.dir).sort(), ["talks-1280.0123456789.avif", "talks-320.0123456789.avif", "talks.0123456789.json"], "no temporary file is left");
});

test("a record for other settings or other files is not used, and says why", async () => {
  const cache = newCache();
  await cache.store("talks.0123456789", "settings 1", files);
  assert.deepEqual(await cache.lookup("talks.0123456789", "settings 2", names), {
    found: false,
    damage: "the cache record was made with other conversion settings",
  });
  assert.deepEqual(await cache.lookup("talks.0123456789", "settings 1", names.slice(1)), { found: false, damage: "the cache record lists other files" });
});

test("a file that no longer matches its record is not used, even one this process checked before", async () => {
  const cache = newCache();
  await cache.store("talks.0123456789", "settings 1", files);
  assert.equal((await cache.lookup("talks.0123456789", "settings 1", names)).found, true);
  // Same length, other bytes: only the hash can tell.
  writeFileSync(join(cache.dir, "talks-320.0123456789.avif"), "SMALL PICTURE");
  assert.deepEqual(await cache.lookup("talks.0123456789", "settings 1", names), {
    found: false,
    damage: "the cached talks-320.0123456789.avif does not match its record (cut short or changed)",
  });
});

test("a record that is not a record is not used", async () => {
  const cache = newCache();
  await cache.store("talks.0123456789", "settings 1", files);
  writeFileSync(join(cache.dir, "talks.0123456789.json"), JSON.stringify({ key: "settings 1", files: ["talks-320.0123456789.avif"] }));
  assert.deepEqual(await cache.lookup("talks.0123456789", "settings 1", names), { found: false, damage: "the cache record is not a conversion record" });
});

test("a cache that is a file, not a folder, finds nothing and cannot be written", async () => {
  const cache = newCache();
  writeFileSync(cache.dir, "not a folder");
  assert.deepEqual(await cache.lookup("talks.0123456789", "settings 1", names), { found: false });
  await assert.rejects(cache.store("talks.0123456789", "settings 1", files));
  assert.equal(await cache.prune(new Set()), 0);
});

test("pruning removes every file not kept, and counts them", async () => {
  const cache = newCache();
  await cache.store("talks.0123456789", "settings 1", files);
  await cache.store("old.9876543210", "settings 1", new Map([["old-320.9876543210.avif", Buffer.from("old")]]));
  assert.equal(await cache.prune(new Set(PhotoCache.entryNames("talks.0123456789", names))), 2);
  assert.deepEqual(readdirSync(cache.dir).sort(), ["index.json", "talks-1280.0123456789.avif", "talks-320.0123456789.avif", "talks.0123456789.json"]);
  assert.equal((await cache.lookup("talks.0123456789", "settings 1", names)).found, true);
});
