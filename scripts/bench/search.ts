/**
 * The search benchmark: each edition-sized index made from synthetic stories, then queries as the
 * search page runs them (src/assets/search.js): the meta script, the term shards the query needs,
 * the engine loaded from them, and the stored-fields shards of the results shown. It counts the
 * bytes those scripts are gzipped and times the run from the first script read to the results.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import MiniSearch from "minisearch";
import { searchIndexFiles, searchWords, type SearchDocument, type SearchIndexFile, type SearchMeta, type SearchPostings, type SearchResultFields } from "../../src/lib/outputs/search-index.ts";
import { searchCorpus } from "./search-corpus.ts";

interface LoadedIndex {
  meta: SearchMeta;
  terms: Record<string, SearchPostings>;
  stories: Record<number, SearchResultFields[]>;
}

export interface QueryFigures {
  query: string;
  results: number;
  files: number;
  gzipBytes: number;
  milliseconds: number;
}

/** Runs `query` as the search page does, over the index `files` (by URL), counting what it loads. */
function runQuery(files: ReadonlyMap<string, string>, folder: string, query: string): QueryFigures {
  const start = performance.now();
  const searchIndex: Partial<LoadedIndex> & Pick<LoadedIndex, "terms" | "stories"> = { terms: {}, stories: {} };
  const loaded: string[] = [];
  const load = (url: string) => {
    const text = files.get(url);
    if (text === undefined) throw new Error(`the query asked for ${url}, which the index has not`);
    loaded.push(text);
    runInNewContext(text, { searchIndex });
  };
  load(`${folder}meta.js`);
  const keys = searchIndex.meta!.shards;
  const shardFile = (key: string) => `${folder}terms/${searchWords.shardFileName(key)}.js`;
  const needed = searchWords.termShardsFor(query, keys);
  for (const key of needed) load(shardFile(key));
  const engine = MiniSearch.loadJS<SearchDocument>(searchWords.engineIndex(searchIndex.meta!, needed.flatMap((key) => searchIndex.terms[key] ?? [])), searchWords.ENGINE_OPTIONS);
  const results = searchWords.ranked(engine.search(query));
  const shown = results.slice(0, searchWords.RESULTS_PER_PAGE);
  for (const shard of new Set(shown.map(({ id }) => searchWords.storyShardOf(id as number)))) load(`${folder}stories/${shard}.js`);
  const milliseconds = performance.now() - start;
  return { query, results: results.length, files: loaded.length, gzipBytes: loaded.reduce((sum, text) => sum + gzipSync(text).length, 0), milliseconds };
}

export interface IndexFigures {
  stories: number;
  buildSeconds: number;
  files: number;
  gzipBytes: number;
  largestShardGzip: number;
  queries: QueryFigures[];
}

/** Builds the index of `count` synthetic stories and runs a few kinds of query over it. */
export function benchSearch(count: number): IndexFigures {
  const corpus = searchCorpus(count);
  const start = performance.now();
  const files: SearchIndexFile[] = searchIndexFiles(corpus.stories, "");
  const buildSeconds = (performance.now() - start) / 1000;
  const byUrl = new Map(files.map(({ url, text }) => [url, text]));
  const common = corpus.words[0]!;
  const middling = corpus.words[200]!;
  const typo = `${middling.slice(0, -1)}${middling.endsWith("q") ? "x" : "q"}`;
  const queries = [corpus.rare.word, common, `${middling} ${corpus.words[900]!}`, middling.slice(0, 3), typo];
  // Each query run twice, the second timed: the first pays for the engine's code being compiled, as a page's first query does once.
  const figures = queries.map((query) => {
    runQuery(byUrl, "/search/", query);
    return runQuery(byUrl, "/search/", query);
  });
  const gzip = files.map(({ text }) => gzipSync(text).length);
  const shardGzip = files.filter(({ url }) => url.includes("/terms/")).map(({ text }) => gzipSync(text).length);
  return { stories: count, buildSeconds, files: files.length, gzipBytes: gzip.reduce((a, b) => a + b, 0), largestShardGzip: Math.max(...shardGzip), queries: figures };
}

/** A query's time to results in Chromium: from the page's navigation to its results shown, served and from disk. */
export interface BrowserFigures {
  query: string;
  served: number;
  fromDisk: number;
}

/**
 * The search page's own scripts and elements over the index of `count` synthetic stories, written
 * into a folder (the page stands in for src/search.njk's: its form, message and results element,
 * with the English strings), then each query opened served (as Netlify would) and from disk.
 */
export async function benchSearchInBrowser(count: number, executablePath: string | undefined, args: string[] | undefined): Promise<BrowserFigures[]> {
  const { chromium } = await import("@playwright/test");
  const { startStaticServer } = await import("../../src/lib/hosts/static-server.ts");
  const { SITE_FILES } = await import("../../src/lib/build/settings.ts");
  const corpus = searchCorpus(count);
  const folder = mkdtempSync(join(tmpdir(), "search-bench-"));
  try {
    for (const { url, text } of searchIndexFiles(corpus.stories, "")) {
      mkdirSync(dirname(join(folder, url)), { recursive: true });
      writeFileSync(join(folder, url), text);
    }
    mkdirSync(join(folder, "assets"));
    for (const [name, file] of Object.entries(SITE_FILES)) if (file.endsWith(".js")) copyFileSync(file, join(folder, "assets", `${name}.js`));
    const strings = JSON.parse(readFileSync("_data/strings/en.json", "utf8")) as Record<string, unknown>;
    const scriptStrings = Object.fromEntries(["storyCount", "searchLoading", "searchSummary", "searchNone", "searchMore", "searchFailed"].map((key) => [key, strings[key]]));
    const attribute = JSON.stringify(scriptStrings).replaceAll("&", "&amp;").replaceAll('"', "&quot;");
    writeFileSync(
      join(folder, "search", "index.html"),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body>
<form role="search"><label for="search-query">Words</label><input id="search-query" name="q" type="search"><button>Search</button></form>
<p id="search-needs-script">Search needs JavaScript.</p><p id="search-status" role="status"></p><div id="search-results" data-strings="${attribute}"></div>
<script src="../assets/searchEngine.js" defer></script><script src="../assets/searchWords.js" defer></script><script src="../assets/searchScript.js" defer></script>
</body></html>\n`,
    );
    const served = await startStaticServer(folder, { name: "netlify" });
    const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), ...(args ? { args } : {}) });
    try {
      const timeToResults = async (base: string, query: string): Promise<number> => {
        const page = await browser.newPage();
        await page.goto(`${base}search/index.html?q=${encodeURIComponent(query)}`);
        await page.waitForFunction(() => !/…|^$/.test(document.querySelector("#search-status")?.textContent ?? ""));
        const milliseconds = await page.evaluate(() => performance.now());
        await page.close();
        return milliseconds;
      };
      const disk = pathToFileURL(`${folder}/`).href;
      const queries = [corpus.rare.word, corpus.words[0]!, corpus.words[200]!.slice(0, 3)];
      const figures: BrowserFigures[] = [];
      for (const query of queries) figures.push({ query, served: await timeToResults(served.base, query), fromDisk: await timeToResults(disk, query) });
      return figures;
    } finally {
      await browser.close();
      await served.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
