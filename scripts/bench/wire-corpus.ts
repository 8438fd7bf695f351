/**
 * The project's corpus of wire items (tests/fixtures/wire/), each folder one producer's drop in
 * its published shape, imported as a desk would: with the bundled settings, into a newsroom of
 * its own. Shared by the corpus test (tests/unit/import/wire-corpus.test.ts) and
 * `npm run bench:import`, so both judge the same runs.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import bundledPlaces from "../../_data/datelinePlaces.json" with { type: "json" };
import site from "../../_data/site.ts";
import type { ItemOutcome } from "../../src/lib/import/import-item.ts";
import { runImport } from "../../src/lib/import/run-import.ts";
import { PHOTO_FETCH_DEFAULTS } from "../../src/lib/import/wire-photo.ts";
import { readBuildSettings } from "../../src/lib/model/publishing.ts";
import { PROJECT } from "../lib/project-copy.ts";

export const CORPUS_DIR = join(PROJECT, "tests", "fixtures", "wire");

/** One folder of the corpus and the producer whose shape its items have. */
export interface CorpusDrop {
  folder: string;
  producer: string;
}

/** Every folder of the corpus that holds items; the corpus test fails on a folder missing here. */
export const CORPUS_DROPS: readonly CorpusDrop[] = [
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
];

/**
 * The places the corpus's items are datelined at that the bundled list lacks (most are invented
 * for the corpus), as a desk adds its own to _data/datelinePlaces.json.
 */
const CORPUS_PLACES: Readonly<Record<string, string>> = {
  "PORT AUREL": "Europe/Lisbon",
  VESILINNA: "Europe/Helsinki",
  LINDENPORT: "Europe/Berlin",
  GOTHENBURG: "Europe/Stockholm",
};

/** A fixed moment, so an embargo or a date to come reads the same on every run. */
const BUILD_MOMENT = "2026-12-06T12:00:00Z";

/** The bundled settings, as `npm run import` reads them. */
export const CORPUS_SITE = site({});
const settings = CORPUS_SITE;

/** Folders under the corpus that hold files other than pictures, relative to it. */
export function corpusFolders(): string[] {
  return readdirSync(CORPUS_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(jpe?g|png|webp|avif|gif|svg|tiff?|heic)$/i.test(entry.name))
    .map((entry) => relative(CORPUS_DIR, entry.parentPath))
    .filter((folder, index, all) => all.indexOf(folder) === index)
    .sort();
}

/** An outcome of the corpus import, its item named from the corpus folder (`dialects/ap/kill.json`). */
export interface CorpusOutcome extends ItemOutcome {
  drop: CorpusDrop;
}

/**
 * Imports one drop into an empty newsroom of its own, writing its stories as `npm run import`
 * does (or, with `dryRun`, only planning them). The corpus is read offline: a picture it names at
 * a web address is not fetched, and its item is held for the picture as when a download fails.
 */
export async function importCorpusDrop(drop: CorpusDrop, { dryRun = false } = {}): Promise<CorpusOutcome[]> {
  const root = mkdtempSync(join(tmpdir(), "wire-corpus-"));
  const fetchOnline = globalThis.fetch;
  globalThis.fetch = () => Promise.reject(new Error("the corpus is imported offline"));
  try {
    mkdirSync(join(root, "src", "news"), { recursive: true });
    const outcomes = await runImport({
      paths: [join(CORPUS_DIR, drop.folder)],
      dryRun,
      newsDir: join(root, "src", "news"),
      inputDir: join(root, "src"),
      stagingDir: join(root, ".cache", "import"),
      site: settings,
      agencies: settings.agencies,
      datelinePlaces: { ...bundledPlaces, ...CORPUS_PLACES },
      build: readBuildSettings({ BUILD_MOMENT }),
      photoFetch: PHOTO_FETCH_DEFAULTS,
    });
    const named = (text: string) => text.replaceAll(`${CORPUS_DIR}/`, "").replaceAll(`${root}/`, "");
    return outcomes.map((outcome) => ({
      ...outcome,
      drop,
      item: named(outcome.item),
      ...(outcome.story ? { story: named(outcome.story) } : {}),
      notes: outcome.notes.map(named),
    }));
  } finally {
    globalThis.fetch = fetchOnline;
    rmSync(root, { recursive: true, force: true });
  }
}

/** The file an outcome's item is in (`dialects/rss/partner-news.xml`), and its place in it, if any. */
export function itemPlace(outcome: ItemOutcome): { file: string; place: string } {
  const at = outcome.item.indexOf(": ");
  return at < 0 ? { file: outcome.item, place: "" } : { file: outcome.item.slice(0, at), place: outcome.item.slice(at + 2) };
}
