/**
 * The corpus (tests/fixtures/wire/): every text item of every producer, imported with the bundled
 * settings, either becomes a story or is held for something only a person can do. The items
 * rightly refused are named with why in RIGHTLY_REFUSED (scripts/bench/wire-corpus.ts, which the
 * benchmark counts them by), so the list cannot grow unnoticed; what today's importer still gets
 * wrong is marked todo below, naming the item and the fix it waits for.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { CORPUS_DIR, CORPUS_DROPS, CORPUS_SITE, corpusFolders, importCorpusDrop, isOfItem, isRightlyRefused, NOT_HOLD_REASONS, RIGHTLY_REFUSED, type CorpusDrop, type CorpusOutcome } from "../../../scripts/bench/wire-corpus.ts";
import { readDeliveredFile } from "../../../src/lib/import/read-delivered.ts";
import { deliveredFiles } from "../../../src/lib/import/wire-drop.ts";
import { primaryLanguage } from "../../../src/lib/model/editions.ts";

/** What today's importer gets wrong about items (by file, or file and place), each with the fix it waits for. */
const KNOWN_WRONG: readonly { items: readonly string[]; todo: string }[] = [];

/** Each item known to be wrong, with every todo it waits for. */
const TODO: ReadonlyMap<string, string> = KNOWN_WRONG.reduce(
  (todos, { items, todo }) => new Map([...todos, ...items.map((item): [string, string] => [item, todos.has(item) ? `${todos.get(item)}; ${todo}` : todo])]),
  new Map<string, string>(),
);

/** Why an item may be held: each needs a person (words, a check, a picture, a decision). */
const HOLD_REASONS: readonly RegExp[] = [
  /^needs alt text for its photo$/,
  /^needs a credit for its photo$/,
  /^embargoed until /,
  /^withheld by the agency$/,
  /^(edited here|published here, kept live): .* waits in /,
  /^a correction by the agency: word it for readers in /,
  /^needs a dateline: the item names no place$/,
  /^needs a source: the item names no agency$/,
  // The agency's picture could not be taken: an editor finds it or publishes without it.
  /^its photo was left out: /,
  /\bno edition\b/,
  // A kill of a story that was never published: an editor deletes the draft or keeps it.
  /^withdrawn by the agency while a draft here: /,
];

/** The items of a drop in a language the site has no edition for, by their names in the outcomes, with the language. */
async function languagesWithNoEdition(drop: CorpusDrop): Promise<Map<string, string>> {
  const editions = new Set(CORPUS_SITE.editions.map((edition) => primaryLanguage(edition.lang)));
  const found = new Map<string, string>();
  for (const file of deliveredFiles([join(CORPUS_DIR, drop.folder)]).files) {
    for (const item of (await readDeliveredFile(file, { agencies: CORPUS_SITE.agencies })).items) {
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
    return isRightlyRefused(outcome) ? undefined : `refused: ${notes}`;
  }
  if (messages.some((note) => note.startsWith("could not be written"))) return `not written: ${notes}`;
  if (lang !== undefined && outcome.kind !== "withdrawn" && !messages.some((note) => /\bedition\b/.test(note))) {
    return `${outcome.kind} as a story in "${lang}", a language the site has no edition in, with no line saying so`;
  }
  if (outcome.kind !== "held") return undefined;
  const unacceptable = messages.filter((note) => !HOLD_REASONS.some((reason) => reason.test(note)) && !NOT_HOLD_REASONS.some((pattern) => pattern.test(note)));
  return unacceptable.length > 0 ? `held for ${unacceptable.map((note) => `"${note}"`).join(", ")}, which no one should have to do` : undefined;
}

test("every folder of the corpus is a producer's drop the corpus imports", () => {
  assert.deepEqual(corpusFolders(), CORPUS_DROPS.map(({ folder }) => folder).sort());
});

for (const drop of CORPUS_DROPS) {
  test(`${drop.folder} (${drop.producer}): every text item imports, or is held for what an editor must do`, async (t) => {
    const outcomes = await importCorpusDrop(drop);
    const languages = await languagesWithNoEdition(drop);
    assert.ok(outcomes.length > 0, `${drop.folder}: no item was read`);
    const named = new Set<string>();
    for (const outcome of outcomes) {
      const todo = [...TODO.keys()].find((item) => isOfItem(outcome, item));
      // A refused file has a line per problem: it is judged once.
      const name = todo ?? (outcome.kind === "refused" ? RIGHTLY_REFUSED.find(({ item }) => isOfItem(outcome, item))?.item : undefined) ?? outcome.item;
      if (named.has(name)) continue;
      named.add(name);
      await t.test(`${outcome.kind} ${name}`, todo === undefined ? {} : { todo: TODO.get(todo) }, () => {
        const wrong = outcomes.filter((each) => each === outcome || isOfItem(each, name)).map((each) => whatIsWrong(each, languages.get(each.item))).find(Boolean);
        assert.equal(wrong, undefined, `${outcome.item}: ${wrong}`);
      });
    }
  });
}

test("every item listed as rightly refused is still refused, and every todo names an item of the corpus", async () => {
  const outcomes: CorpusOutcome[] = [];
  for (const drop of CORPUS_DROPS) outcomes.push(...(await importCorpusDrop(drop, { dryRun: true })));
  for (const { item } of RIGHTLY_REFUSED) {
    assert.ok(
      outcomes.some((outcome) => outcome.kind === "refused" && isOfItem(outcome, item)),
      `${item} is listed as rightly refused but imports now: take it off the list`,
    );
  }
  for (const item of TODO.keys()) assert.ok(outcomes.some((outcome) => isOfItem(outcome, item)), `${item} is marked todo but the corpus has no such item`);
});
