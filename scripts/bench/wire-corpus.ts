/**
 * The project's corpus of wire items (tests/fixtures/wire/), each folder one producer's drop in
 * its published shape, imported as a desk would: with the bundled settings, into a newsroom of
 * its own. Shared by the corpus test (tests/unit/import/wire-corpus.test.ts) and
 * `npm run bench:import`, so both judge the same runs.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import bundledPlaces from "../../_data/datelinePlaces.json" with { type: "json" };
// The places the corpus's items are datelined at that the bundled list lacks (most are invented
// for the corpus), as a desk adds its own to _data/datelinePlaces.json.
import corpusPlaces from "../../tests/fixtures/wire-places.json" with { type: "json" };
import site from "../../_data/site.ts";
import type { ItemOutcome } from "../../src/lib/import/import-item.ts";
import { runImport } from "../../src/lib/import/run-import.ts";
import { PHOTO_FETCH_DEFAULTS } from "../../src/lib/import/wire-photo.ts";
import { readBuildSettings } from "../../src/lib/model/publishing.ts";
import { PROJECT } from "../lib/project-copy.ts";

const CORPUS_DIR = join(PROJECT, "tests", "fixtures", "wire");

/** One folder of the corpus and the producer whose shape its items have. */
export interface CorpusDrop {
  folder: string;
  producer: string;
}

/** Every folder of the corpus that holds items; the corpus test fails on a folder missing here. */
const CORPUS_DROPS: readonly CorpusDrop[] = [
  { folder: "ninjs", producer: "IPTC ninjs" },
  { folder: "reused-id", producer: "IPTC ninjs" },
  { folder: "newsml-g2", producer: "IPTC NewsML-G2" },
  { folder: "nitf", producer: "IPTC NITF" },
  { folder: "plain-text", producer: "wire text" },
  { folder: "dialects/superdesk", producer: "Superdesk" },
  { folder: "dialects/dpa", producer: "dpa" },
  { folder: "dialects/ap", producer: "AP" },
  { folder: "dialects/afp", producer: "AFP" },
  { folder: "dialects/rss", producer: "RSS" },
  { folder: "dialects/atom", producer: "Atom" },
  { folder: "dialects/jsonfeed", producer: "JSON Feed" },
];

/** A fixed moment, so an embargo or a date to come reads the same on every run. */
const BUILD_MOMENT = "2026-12-06T12:00:00Z";

/** The bundled settings, as `npm run import` reads them. */
const CORPUS_SITE = site({});

/** An outcome of the corpus import, its item named from the corpus folder (`dialects/ap/kill.json`). */
export interface CorpusOutcome extends ItemOutcome {
  drop: CorpusDrop;
}

/**
 * Imports one drop into an empty newsroom of its own, writing its stories as `npm run import`
 * does. The corpus is read offline: a picture it names at a web address is not fetched, and its
 * item is held for the picture as when a download fails.
 */
async function importCorpusDrop(drop: CorpusDrop): Promise<CorpusOutcome[]> {
  const root = mkdtempSync(join(tmpdir(), "wire-corpus-"));
  const fetchOnline = globalThis.fetch;
  globalThis.fetch = () => Promise.reject(new Error("the corpus is imported offline"));
  try {
    mkdirSync(join(root, "src", "news"), { recursive: true });
    const outcomes = await runImport({
      paths: [join(CORPUS_DIR, drop.folder)],
      dryRun: false,
      newsDir: join(root, "src", "news"),
      inputDir: join(root, "src"),
      stagingDir: join(root, ".cache", "import"),
      site: CORPUS_SITE,
      agencies: CORPUS_SITE.agencies,
      withoutLead: CORPUS_SITE.withoutLead,
      datelinePlaces: { ...bundledPlaces, ...corpusPlaces },
      build: readBuildSettings({ BUILD_MOMENT }),
      photoFetch: PHOTO_FETCH_DEFAULTS,
    });
    const named = (text: string) => text.replaceAll(`${CORPUS_DIR}/`, "").replaceAll(`${root}/`, "");
    return outcomes.map((outcome) => ({
      ...outcome,
      drop,
      item: named(outcome.item),
      ...(outcome.story ? { story: named(outcome.story) } : {}),
      notes: outcome.notes.map((note) => ({ ...note, file: named(note.file), message: named(note.message) })),
    }));
  } finally {
    globalThis.fetch = fetchOnline;
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The file an outcome's item is in (`dialects/rss/partner-news.xml`), and its place in it, if any:
 * a refused item's line names only its file, and its first problem's place (`[1].headlines`) is in it.
 */
function itemPlace(outcome: ItemOutcome): { file: string; place: string } {
  const at = outcome.item.indexOf(": ");
  if (at >= 0) return { file: outcome.item.slice(0, at), place: outcome.item.slice(at + 2) };
  const field = outcome.notes[0]?.field ?? "";
  const problemPlace = outcome.kind === "refused" && /^[[/]/.test(field) ? field : undefined;
  return { file: outcome.item, place: problemPlace ?? "" };
}

/**
 * Items of the corpus refused by design, by file and (for one item of several) its place, each
 * with the reason: the corpus test fails on any other refusal, and on a count of them it does not expect.
 */
const RIGHTLY_REFUSED: readonly { item: string; why: string }[] = [
  { item: "ninjs/malformed.json", why: "not valid JSON, on purpose" },
  { item: "ninjs/missing-headline.json", why: "an item with no headline, on purpose" },
  { item: "ninjs/picture-only.json", why: "a picture alone" },
  { item: "ninjs/several-items.json: [1]", why: "the one item of three with no headline, on purpose" },
  { item: "ninjs/unknown-version.json", why: "JSON with no property of any ninjs version, on purpose" },
  { item: "ninjs/wrong-types.json", why: "a value of the wrong kind in each field, on purpose" },
  { item: "newsml-g2/bad-date.xml", why: "dates that are not dates, on purpose" },
  { item: "newsml-g2/entity-bomb.xml", why: "an entity expansion attack" },
  { item: "newsml-g2/external-entity.xml", why: "an external entity attack" },
  { item: "newsml-g2/lone-picture.xml", why: "a picture alone" },
  { item: "newsml-g2/malformed.xml", why: "not well-formed XML, on purpose" },
  { item: "newsml-g2/missing-body.xml", why: "an item with no text, on purpose" },
  { item: "newsml-g2/missing-headline.xml: /newsMessage/itemSet/newsItem[2]", why: "the item of two with no headline, on purpose" },
  { item: "nitf/bad-date.xml", why: "dates that are not dates, on purpose" },
  { item: "nitf/entity-bomb.xml", why: "an entity expansion attack" },
  { item: "nitf/external-entity.xml", why: "an external entity attack" },
  { item: "nitf/malformed.xml", why: "not well-formed XML, on purpose" },
  { item: "nitf/cut-off.xml", why: "a file cut off inside its elements, as a partial upload leaves it, on purpose" },
  { item: "nitf/missing-body.xml", why: "an item with no text, on purpose" },
  { item: "nitf/missing-headline.xml", why: "an item with no headline, on purpose" },
  { item: "plain-text/cut-off.txt", why: "a message cut off in transmission (no NNNN)" },
  { item: "plain-text/no-body.txt", why: "a headline with no story, on purpose" },
  { item: "plain-text/no-headline.txt", why: "a story with no headline, on purpose" },
  { item: "plain-text/reuters-kill-unsaid.txt", why: "a kill's headline mark its text does not bear out, on purpose" },
  // The corpus site publishes English and Russian: an item in another language is refused, naming it, until its edition is added.
  { item: "dialects/dpa/text-photo.json", why: "in German, and the site has no German edition" },
  { item: "dialects/dpa/correction.json", why: "in German, and the site has no German edition" },
  { item: "dialects/dpa/extension.json", why: "in German, and the site has no German edition" },
  { item: "dialects/afp/tram-strasbourg.xml", why: "in French, and the site has no French edition" },
  { item: "dialects/afp/tram-strasbourg-2.xml", why: "in French, and the site has no French edition" },
  { item: "dialects/rss/partner-news.xml", why: "in Norwegian, and the site has no Norwegian edition" },
];

/** Whether the outcome is of the item listed: the same file and, where the list names one, the same place in it or under it. */
const isOfItem = (outcome: CorpusOutcome, item: string): boolean => {
  const { file, place } = itemPlace(outcome);
  const listed = itemPlace({ ...outcome, item });
  return file === listed.file && (listed.place === "" || place === listed.place || [".", "/"].some((after) => place.startsWith(`${listed.place}${after}`)));
};

/** Whether the outcome is a refusal the corpus makes by design. */
const isRightlyRefused = (outcome: CorpusOutcome): boolean => outcome.kind === "refused" && RIGHTLY_REFUSED.some(({ item }) => isOfItem(outcome, item));

/** Notes on an outcome that tell the editor something without holding the story. */
const NOT_HOLD_REASONS: readonly RegExp[] = [
  /^warning: /,
  /^dated .* by its dateline/,
  /^its dateline is ".*", from the words its text opens with/,
  /^id ".*" already names another story/,
  /^also waiting beside it: /,
  /^its text read from .* beside it$/,
  /^missing: known as ".*", by its agency, day and headline/,
];

/**
 * A held story's reason (its message) without its details: "needs a dateline: the item names no
 * place" is "needs a dateline", and a correction is one whatever note of the agency's it quotes.
 */
const reasonKind = (note: string): string => note.replace(/, noting [\s\S]*$/, "").replace(/:[\s\S]*$/, "").replace(/ until [\s\S]*$/, " until");

/** What the corpus import made of one producer's items. */
export interface ProducerAcceptance {
  producer: string;
  /** Items read; a file refused on several lines counts once. */
  items: number;
  created: number;
  updated: number;
  withdrawn: number;
  held: number;
  refused: number;
  /** Of those refused, the items the corpus holds to be refused (RIGHTLY_REFUSED). */
  refusedByDesign: number;
  /** Each reason held stories were held for, with how many were. */
  heldFor: Map<string, number>;
}

/** The outcomes counted by producer, in the order of CORPUS_DROPS. */
export function acceptanceByProducer(outcomes: readonly CorpusOutcome[]): ProducerAcceptance[] {
  const rows = new Map<string, ProducerAcceptance>();
  const refusedFiles = new Set<string>();
  for (const outcome of outcomes) {
    const producer = outcome.drop.producer;
    const row = rows.get(producer) ?? { producer, items: 0, created: 0, updated: 0, withdrawn: 0, held: 0, refused: 0, refusedByDesign: 0, heldFor: new Map() };
    rows.set(producer, row);
    if (outcome.kind === "refused") {
      const { file } = itemPlace(outcome);
      if (refusedFiles.has(file)) continue;
      refusedFiles.add(file);
      row.refused++;
      if (isRightlyRefused(outcome)) row.refusedByDesign++;
    } else if (outcome.kind === "held") {
      row.held++;
      for (const { message } of outcome.notes.filter((each) => !NOT_HOLD_REASONS.some((pattern) => pattern.test(each.message)))) {
        row.heldFor.set(reasonKind(message), (row.heldFor.get(reasonKind(message)) ?? 0) + 1);
      }
    } else if (outcome.kind !== "unchanged") {
      row[outcome.kind]++;
    }
    row.items++;
  }
  return [...rows.values()];
}

/** Every drop of the corpus imported once, each into a newsroom of its own. */
export async function importCorpus(): Promise<CorpusOutcome[]> {
  const outcomes: CorpusOutcome[] = [];
  for (const drop of CORPUS_DROPS) outcomes.push(...(await importCorpusDrop(drop)));
  return outcomes;
}

/** The acceptance as a Markdown table: a row per producer, then the corpus in all. */
export function formatAcceptance(rows: readonly ProducerAcceptance[]): string {
  const all: ProducerAcceptance = { producer: "all", items: 0, created: 0, updated: 0, withdrawn: 0, held: 0, refused: 0, refusedByDesign: 0, heldFor: new Map() };
  for (const row of rows) {
    for (const count of ["items", "created", "updated", "withdrawn", "held", "refused", "refusedByDesign"] as const) all[count] += row[count];
    for (const [reason, count] of row.heldFor) all.heldFor.set(reason, (all.heldFor.get(reason) ?? 0) + count);
  }
  const line = (row: ProducerAcceptance) => {
    const reasons = [...row.heldFor].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([reason, count]) => `${reason} ${count}`);
    return `| ${row.producer} | ${row.items} | ${row.created} | ${row.updated} | ${row.withdrawn} | ${row.held} | ${row.refused} (${row.refusedByDesign}) | ${reasons.join(", ")} |`;
  };
  return [
    "| producer | items | created | updated | withdrawn | held | refused (by design) | held for (stories) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...rows.map(line),
    line(all),
  ].join("\n");
}

/** How long importing the whole corpus `passes` times took, each pass into fresh newsrooms. */
export async function timeCorpusImport(passes: number): Promise<{ items: number; seconds: number; cpuSeconds: number }> {
  let items = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let pass = 0; pass < passes; pass++) items += acceptanceByProducer(await importCorpus()).reduce((sum, row) => sum + row.items, 0);
  const used = process.cpuUsage(cpu);
  return { items, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}
