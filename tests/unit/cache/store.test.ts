import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, test } from "node:test";
import { CacheStore } from "../../../src/lib/cache/store.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "cache-store-test-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

const WORDS = { name: "pages", made: "rendered" };
const CODE = { extension: ".html", code: [new URL("../../../src/lib/cache/store.ts", import.meta.url)] };

/** A store at `root` as a new process opens it, and its pages area. */
function open(root: string) {
  const store = new CacheStore(root);
  return { store, area: store.area("pages", WORDS, CODE) };
}

const entryNames = (root: string): string[] => readdirSync(join(root, "pages")).filter((name) => name.endsWith(".html"));

/** One entry of `text` kept in a new store at `root`, as a build leaves it: its writer's area, its key and its file. */
function keptEntry(root: string, text: string) {
  const writer = open(root).area;
  const key = writer.key(text);
  writer.write(key, text);
  writer.prune();
  return { writer, key, path: join(root, "pages", entryNames(root)[0] ?? "") };
}

test("an entry is kept under its key and read back whole, in this process and the next", () => {
  const root = join(tempRoot, "kept");
  const { area } = open(root);
  const key = area.key("a page", Buffer.from("its view"));
  assert.equal(area.read(key), undefined);
  area.write(key, "<p>page</p>");
  assert.equal(area.read(key)?.toString(), "<p>page</p>");
  const next = open(root).area;
  assert.ok(next.has(key));
  assert.equal(next.read(key)?.toString(), "<p>page</p>");
});

test("keys tell their parts apart: by content, by order, by where one ends", () => {
  const { area } = open(join(tempRoot, "keys"));
  const keys = [area.key("ab", "c"), area.key("a", "bc"), area.key("c", "ab"), area.key("abc"), area.key("ab", Buffer.from("c"))];
  assert.equal(new Set(keys.slice(0, 4)).size, 4);
  assert.match(keys[0] ?? "", /^[0-9a-f]{64}$/);
  // The same bytes are the same part, whether given as text or as bytes.
  assert.equal(keys[4], keys[0]);
  // Another area's code is another key rule.
  const other = new CacheStore(join(tempRoot, "keys")).area("other", WORDS, { code: [new URL("../../../src/lib/cache/code-fingerprint.ts", import.meta.url)] });
  assert.notEqual(other.key("ab", "c"), keys[0]);
});

test("a damaged entry is a miss, removed, and reported once", () => {
  const root = join(tempRoot, "damaged");
  const writer = open(root).area;
  const cut = writer.key("cut short");
  const changed = writer.key("changed in place");
  writer.write(cut, "<p>a whole page</p>");
  writer.write(changed, "<p>another page</p>");
  writer.prune();
  const [cutName, changedName] = [cut, changed].map((key) => entryNames(root).find((name) => name.startsWith(key)) ?? "");
  writeFileSync(join(root, "pages", cutName ?? ""), "<p>a whole");
  writeFileSync(join(root, "pages", changedName ?? ""), "<p>ANOTHER page</p>");

  const { store, area } = open(root);
  assert.equal(area.has(cut), false, "an entry placed without reading is hashed when its file changed");
  assert.equal(area.read(changed), undefined, "an entry read is hashed when its file changed");
  assert.equal(area.read(cut), undefined);
  assert.equal(area.has(changed), false);
  assert.deepEqual(entryNames(root), [], "damaged entries are removed");
  assert.equal(store.summary(), `cache ${root}: pages 0 rendered, 0 reused; 2 damaged entries in ${join(root, "pages")} ignored and made again`);
  store.startBuild();
  assert.equal(area.read(cut), undefined);
  assert.equal(store.summary(), `cache ${root}: pages 0 rendered, 0 reused`);
});

test("an entry unchanged since it was found sound is placed without being read; any write to it is caught", () => {
  const root = join(tempRoot, "placed");
  const { key } = keptEntry(root, "<p>page</p>");
  const site = join(tempRoot, "placed-site");
  writeFileSync(site, "");
  rmSync(site);
  const reader = open(root).area;
  assert.ok(reader.has(key));
  reader.place(key, site);
  assert.equal(readFileSync(site, "utf8"), "<p>page</p>");
  assert.equal(statSync(site).nlink, 2, "a second name of the entry, not a copy");

  // The check knows the placed page's hash without reading it; a copy it must read.
  const digest = new CacheStore(root).digest(Buffer.from("<p>page</p>"));
  assert.equal(new CacheStore(root).knownDigest(site), digest);
  const copy = `${site}.copy`;
  writeFileSync(copy, "<p>page</p>");
  assert.equal(new CacheStore(root).knownDigest(copy), undefined);

  // A tool that edits the published page in place edits the entry: the next build finds it out.
  writeFileSync(site, "<p>PAGE</p>");
  const { store, area } = open(root);
  assert.equal(new CacheStore(root).knownDigest(site), undefined, "its identity is no longer the one found sound");
  assert.equal(area.has(key), false);
  assert.match(store.summary(), /1 damaged entry/);
});

test("an entry placed by an earlier build is known sound and in place by its second name, while that is unchanged", () => {
  const root = join(tempRoot, "placed-before");
  const writer = open(root).area;
  const key = writer.key("a page");
  writer.write(key, "<p>page</p>");
  const site = join(tempRoot, "placed-before-site");
  writer.place(key, site);
  writer.prune();

  const next = open(root).area;
  assert.ok(next.has(key, site));
  assert.ok(next.isPlacedAt(key, site));

  // The page in the site replaced by another file (a build that wrote it anew): the entry is asked itself, and placed again.
  rmSync(site);
  writeFileSync(site, "<p>page</p>");
  const after = open(root).area;
  assert.ok(after.has(key, site), "the entry is still sound");
  assert.equal(after.isPlacedAt(key, site), false);
});

test("prune removes every entry the build did not reach, and leftovers of stopped writes", () => {
  const root = join(tempRoot, "pruned");
  const first = open(root);
  const [kept, gone] = [first.area.key("kept"), first.area.key("a deleted story's page")];
  first.area.write(kept, "<p>kept</p>");
  first.area.write(gone, "<p>gone</p>");
  first.area.prune();
  writeFileSync(join(root, "pages", "1234.tmp"), "<p>half");
  const { store, area } = open(root);
  assert.ok(area.has(kept));
  area.prune();
  assert.deepEqual(entryNames(root), [entryNames(root).find((name) => name.startsWith(kept))]);
  assert.equal(entryNames(root).length, 1);
  assert.deepEqual(readdirSync(join(root, "pages")).filter((name) => name.endsWith(".tmp")), []);
  assert.equal(store.summary(), `cache ${root}: pages 0 rendered, 0 reused, 1 removed`);
});

test("an entry another build wrote after this one listed the area is left to that build", () => {
  const root = join(tempRoot, "pruned-while-another-builds");
  const first = open(root);
  const kept = first.area.key("kept");
  first.area.write(kept, "<p>kept</p>");
  first.area.prune();
  const { area } = open(root);
  assert.ok(area.has(kept));
  const other = open(root).area;
  const theirs = other.key("the other build's page");
  other.write(theirs, "<p>theirs</p>");
  area.prune();
  assert.equal(open(root).area.read(theirs)?.toString(), "<p>theirs</p>");
});

test("an entry read unchanged since it was found sound is not hashed again: its identity vouches for it, as for one placed", () => {
  const root = join(tempRoot, "read-by-identity");
  const { key, path } = keptEntry(root, "[1,2,3]");
  // A whole second, which a file's time keeps exactly: the entry is found sound again with it.
  utimesSync(path, 1_700_000_000, 1_700_000_000);
  const reader = open(root).area;
  assert.equal(reader.read(key)?.toString(), "[1,2,3]");
  reader.prune();
  // The same size and modification time, in place: what no write leaves, but proves what is asked.
  writeFileSync(path, "[4,5,6]");
  utimesSync(path, 1_700_000_000, 1_700_000_000);
  assert.equal(open(root).area.read(key)?.toString(), "[4,5,6]", "taken by its identity, not hashed");
  writeFileSync(path, "[7,8,9]");
  const { store, area } = open(root);
  assert.equal(area.read(key), undefined, "a write changed its identity: hashed, and found damaged");
  assert.match(store.summary(), /1 damaged entry/);
});

test("an area whose entries are only read keeps no identities: no index, a leftover one removed, its entries still checked", () => {
  const root = join(tempRoot, "read-only-entries");
  const reads = (store: CacheStore) => store.area("stories", { name: "stories", made: "read" }, { extension: ".json", code: CODE.code, identities: false });
  // As an earlier version of the area left it.
  mkdirSync(join(root, "stories"), { recursive: true });
  writeFileSync(join(root, "stories", "index.json"), "{\"sound\":{}}");
  const first = reads(new CacheStore(root));
  const key = first.key("a story");
  first.write(key, "{}");
  first.prune();
  assert.deepEqual(readdirSync(join(root, "stories")).filter((name) => !/^[0-9a-f]{64}\./.test(name)), []);
  const [entry = ""] = readdirSync(join(root, "stories"));
  writeFileSync(join(root, "stories", entry), "{\"damaged\":1}");
  const store = new CacheStore(root);
  assert.equal(reads(store).has(key), false);
  assert.match(store.summary(), /1 damaged entry/);
});

test("an entry written again under its key with other bytes replaces the one the build read: the prune leaves one", () => {
  const root = join(tempRoot, "replaced");
  const { area } = open(root);
  const key = area.key("what the last run passed");
  area.write(key, "<p>before</p>");
  area.prune();
  const next = open(root).area;
  assert.equal(next.read(key)?.toString(), "<p>before</p>");
  next.write(key, "<p>after</p>");
  next.prune();
  assert.equal(entryNames(root).length, 1);
  assert.equal(open(root).area.read(key)?.toString(), "<p>after</p>");
});

test("an entry its owner holds in memory is kept by reaching it, unread; one reached by no build goes", () => {
  const root = join(tempRoot, "reached");
  const { store, area } = open(root);
  const [held, other] = [area.key("held in memory"), area.key("not reached")];
  area.write(held, "<p>held</p>");
  area.write(other, "<p>other</p>");
  store.startBuild();
  assert.equal(area.reached(held), false);
  // Damaged on disk: reaching it reads nothing, so only the next process that reads it finds out.
  writeFileSync(join(root, "pages", entryNames(root).find((name) => name.startsWith(held))!), "<p>damaged</p>");
  assert.equal(area.reach(held), true);
  assert.equal(area.reached(held), true);
  assert.equal(area.reached(other), false);
  area.prune();
  assert.deepEqual(entryNames(root).map((name) => name.slice(0, 64)), [held]);
  assert.equal(store.summary(), `cache ${root}: pages 0 rendered, 0 reused, 1 removed`);
  assert.equal(open(root).area.read(held), undefined, "the next process finds the damage");
  // An entry the area does not list cannot be reached: its owner writes it again.
  assert.equal(area.reach(area.key("never written")), false);
});

test("an index whose record of an entry is no identity vouches for nothing: the entry is hashed, and a damaged one found", () => {
  // The damaged entry's own identity, as a number or as a list: neither is the identity's text.
  const oddRecords = [(identity: string) => Number.parseFloat(identity), (identity: string) => [identity]];
  for (const [at, odd] of oddRecords.entries()) {
    const root = join(tempRoot, "odd-index", String(at));
    const { key, path } = keptEntry(root, "<p>page</p>");
    writeFileSync(path, "<p>PAGE</p>");
    const { size, mtimeMs, ino } = statSync(path);
    const record = odd(`${size}:${mtimeMs}:${ino}`);
    writeFileSync(join(root, "pages", "index.json"), JSON.stringify({ sound: { [basename(path)]: record } }));
    const { store, area } = open(root);
    assert.equal(area.has(key), false, JSON.stringify(record));
    assert.match(store.summary(), /1 damaged entry/);
  }
});

test("the owner's note is kept with the area, for the next build", () => {
  const root = join(tempRoot, "note");
  const { area } = open(root);
  assert.equal(area.note(), undefined);
  area.setNote({ context: "c", views: { "index.html": "v" } });
  area.prune();
  assert.deepEqual(open(root).area.note(), { context: "c", views: { "index.html": "v" } });
  // In a file of its own: the index, which the check reads for every area, holds only the entries' identities.
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(root, "pages", "index.json"), "utf8")) as object), ["sound"]);
  writeFileSync(join(root, "pages", "note.json"), '{"context": "c", "vie');
  assert.equal(open(root).area.note(), undefined, "a damaged note is none");
});

/** Writes `count` entries of one key from a process of its own, as two builds at once would. */
function writer(root: string, count: number): Promise<number | null> {
  const script = `
    import { CacheStore } from ${JSON.stringify(new URL("../../../src/lib/cache/store.ts", import.meta.url).href)};
    const area = new CacheStore(${JSON.stringify(root)}).area("pages", ${JSON.stringify(WORDS)}, { extension: ".html", code: [new URL(${JSON.stringify(CODE.code[0]?.href)})] });
    const page = "<p>" + "a long page ".repeat(200000) + "</p>";
    for (let i = 0; i < ${count}; i += 1) area.write(area.key("one page"), page);
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "inherit" });
    child.on("exit", resolve);
  });
}

test("writers at the same time never leave half an entry", async () => {
  const root = join(tempRoot, "concurrent");
  assert.deepEqual(await Promise.all([writer(root, 20), writer(root, 20)]), [0, 0]);
  const names = entryNames(root);
  assert.equal(names.length, 1);
  const { store, area } = open(root);
  const key = area.key("one page");
  assert.equal(area.read(key)?.toString().length, "<p>".length + "a long page ".length * 200000 + "</p>".length);
  assert.doesNotMatch(store.summary(), /damaged/);
  assert.deepEqual(readdirSync(join(root, "pages")).filter((name) => name.endsWith(".tmp")), []);
});
