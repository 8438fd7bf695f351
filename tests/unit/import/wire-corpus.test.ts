/**
 * The corpus (tests/fixtures/wire/): every text item of every producer, imported with the bundled
 * settings as the benchmark imports it (importCorpus, scripts/bench/wire-corpus.ts), either
 * becomes a story or is held for something only a person can do. A refusal must be one the
 * benchmark counts as by design (its list names each with why), and how many each producer has
 * is counted below, so the list cannot grow or go stale unnoticed; what today's importer still
 * gets wrong is marked todo below, naming the item and the fix it waits for.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import site from "../../../_data/site.ts";
import { acceptanceByProducer, importCorpus, type CorpusOutcome } from "../../../scripts/bench/wire-corpus.ts";
import { readDeliveredFile } from "../../../src/lib/import/read-delivered.ts";
import { deliveredFiles } from "../../../src/lib/import/wire-drop.ts";
import { primaryLanguage } from "../../../src/lib/model/editions.ts";

const CORPUS_DIR = fileURLToPath(new URL("../../fixtures/wire", import.meta.url));

/** The bundled settings, as `npm run import` reads them. */
const BUNDLED = site({});

/** What today's importer gets wrong about items (each named as the outcome names it), each with the fix it waits for. */
const KNOWN_WRONG: readonly { items: readonly string[]; todo: string }[] = [];

/** Each item known to be wrong, with every todo it waits for. */
const TODO: ReadonlyMap<string, string> = KNOWN_WRONG.reduce(
  (todos, { items, todo }) => new Map([...todos, ...items.map((item): [string, string] => [item, todos.has(item) ? `${todos.get(item)}; ${todo}` : todo])]),
  new Map<string, string>(),
);

/**
 * The refusals each producer's items get by design, counted by file. A listed refusal whose item
 * imports now makes one fewer; a refusal newly listed, one more: either is a change to say here.
 */
const REFUSED_BY_DESIGN: Readonly<Record<string, number>> = {
  "IPTC ninjs": 6,
  "IPTC NewsML-G2": 7,
  "IPTC NITF": 7,
  "wire text": 4,
  Superdesk: 0,
  dpa: 3,
  AP: 0,
  AFP: 2,
  RSS: 1,
  Atom: 0,
  "JSON Feed": 0,
};

/** Why an item may be held: each needs a person (words, a check, a picture, a decision). */
const HOLD_REASONS: readonly RegExp[] = [
  /^needs alt text for its photo$/,
  /^needs a credit for its photo$/,
  /^embargoed until /,
  /^withheld by the agency$/,
  /^(edited here|published here, kept live|withdrawn by the agency here|made at the same time as the version on file \(.*\), with other words, so which is newer cannot be told): .* waits in /,
  /^a correction by the agency(?:, noting ".*")?: word it for readers in /,
  /^needs a dateline: the item names no place$/,
  /^needs a source: the item names no agency$/,
  // The agency's picture could not be taken: an editor finds it or publishes without it.
  /^its photo was left out: /,
  /\bno edition\b/,
  // A kill of a story that was never published: an editor deletes the draft or keeps it.
  /^withdrawn by the agency while a draft here: /,
];

/** Folders under the corpus that hold items (files the importer reads, not the pictures beside them), relative to it. */
const CORPUS_FOLDERS = readdirSync(CORPUS_DIR, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isDirectory() && deliveredFiles([join(entry.parentPath, entry.name)]).files.length > 0)
  .map((entry) => relative(CORPUS_DIR, join(entry.parentPath, entry.name)))
  .sort();

/** The whole corpus imported once, as the benchmark imports it, for every test below. */
let imported: Promise<CorpusOutcome[]> | undefined;
const corpus = (): Promise<CorpusOutcome[]> => (imported ??= importCorpus());

/** The benchmark's figures for these outcomes alone. */
const acceptance = (outcomes: readonly CorpusOutcome[]) => acceptanceByProducer(outcomes)[0];

/** Whether the benchmark counts the refusal as one the corpus makes by design. */
const refusedByDesign = (outcome: CorpusOutcome): boolean => acceptance([outcome])?.refusedByDesign === 1;

/** Whether the benchmark counts the note as a reason the story is held (not a line that only tells the editor something). */
const holdsTheStory = (outcome: CorpusOutcome, note: CorpusOutcome["notes"][number]): boolean => (acceptance([{ ...outcome, notes: [note] }])?.heldFor.size ?? 0) > 0;

/** The items of a corpus folder in a language the site has no edition for, by their names in the outcomes, with the language. */
async function languagesWithNoEdition(folder: string): Promise<Map<string, string>> {
  const editions = new Set(BUNDLED.editions.map((edition) => primaryLanguage(edition.lang)));
  const found = new Map<string, string>();
  for (const file of deliveredFiles([join(CORPUS_DIR, folder)]).files) {
    for (const item of (await readDeliveredFile(file, { agencies: BUNDLED.agencies })).items) {
      const name = `${relative(CORPUS_DIR, item.file)}${item.path ? `: ${item.path}` : ""}`;
      if (item.lang !== undefined && !editions.has(primaryLanguage(item.lang))) found.set(name, item.lang);
    }
  }
  return found;
}

/** Why the outcome is not what the corpus expects, or undefined when it is; `lang` is the item's language when the site has no edition in it. */
function whatIsWrong(outcome: CorpusOutcome, lang: string | undefined): string | undefined {
  const messages = outcome.notes.map((note) => note.message);
  const notes = messages.join("; ");
  if (outcome.kind === "refused") {
    if (lang !== undefined && !messages.some((note) => /\bedition\b/.test(note))) return `refused in "${lang}", a language the site has no edition in, with no line saying so`;
    return refusedByDesign(outcome) ? undefined : `refused: ${notes}`;
  }
  if (messages.some((note) => note.startsWith("could not be written"))) return `not written: ${notes}`;
  if (lang !== undefined && outcome.kind !== "withdrawn" && !messages.some((note) => /\bedition\b/.test(note))) {
    return `${outcome.kind} as a story in "${lang}", a language the site has no edition in, with no line saying so`;
  }
  if (outcome.kind !== "held") return undefined;
  const unacceptable = outcome.notes.filter((note) => !HOLD_REASONS.some((reason) => reason.test(note.message)) && holdsTheStory(outcome, note)).map((note) => note.message);
  return unacceptable.length > 0 ? `held for ${unacceptable.map((note) => `"${note}"`).join(", ")}, which no one should have to do` : undefined;
}

test("every folder of the corpus is a producer's drop the corpus imports", async () => {
  assert.deepEqual([...new Set((await corpus()).map(({ drop }) => drop.folder))].sort(), CORPUS_FOLDERS);
});

for (const folder of CORPUS_FOLDERS) {
  test(`${folder}: every text item imports, or is held for what an editor must do`, async (t) => {
    const outcomes = (await corpus()).filter(({ drop }) => drop.folder === folder);
    const languages = await languagesWithNoEdition(folder);
    assert.ok(outcomes.length > 0, `${folder}: no item was read`);
    // A refused file has a line per problem: it is judged once.
    for (const name of new Set(outcomes.map(({ item }) => item))) {
      const todo = TODO.get(name);
      const same = outcomes.filter(({ item }) => item === name);
      await t.test(`${same[0]?.kind} ${name} (${same[0]?.drop.producer})`, todo === undefined ? {} : { todo }, () => {
        const wrong = same.map((each) => whatIsWrong(each, languages.get(each.item))).find(Boolean);
        assert.equal(wrong, undefined, `${name}: ${wrong}`);
      });
    }
  });
}

test("each producer's refusals are all by design, as many as counted here, and every todo names an item of the corpus", async () => {
  const outcomes = await corpus();
  const rows = acceptanceByProducer(outcomes);
  assert.deepEqual(
    Object.fromEntries(rows.map(({ producer, refused }) => [producer, refused])),
    Object.fromEntries(rows.map(({ producer, refusedByDesign: byDesign }) => [producer, byDesign])),
    "a refusal not listed as by design",
  );
  assert.deepEqual(
    Object.fromEntries(rows.map(({ producer, refusedByDesign: byDesign }) => [producer, byDesign])),
    REFUSED_BY_DESIGN,
    "a listed refusal imports now (take it off the list) or a new one was listed (count it here)",
  );
  for (const item of TODO.keys()) assert.ok(outcomes.some((outcome) => outcome.item === item), `${item} is marked todo but the corpus has no such item`);
});
