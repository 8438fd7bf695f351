/** npm run bench:search [-- --stories 1000,10000]: the search index's size and a query's load and time (scripts/bench/search.ts). */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { findBrowser } from "../src/lib/check/browser.ts";
import { benchSearch, benchSearchInBrowser } from "./bench/search.ts";

const { values } = parseArgs({ options: { stories: { type: "string", default: "1000,10000" }, "no-browser": { type: "boolean", default: false } } });
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

console.log(`load average: ${loadavg().map((load) => load.toFixed(2)).join(", ")}`);
for (const count of values.stories.split(",").map(Number)) {
  const figures = benchSearch(count);
  console.log(`\n${count} stories: index made in ${figures.buildSeconds.toFixed(1)} s, ${figures.files} files, ${kb(figures.gzipBytes)} gzipped in all, largest term shard ${kb(figures.largestShardGzip)}`);
  console.log("| query | results | files loaded | loaded, gzip | time to results |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const query of figures.queries) {
    console.log(`| \`${query.query}\` | ${query.results} | ${query.files} | ${kb(query.gzipBytes)} | ${query.milliseconds.toFixed(1)} ms |`);
  }
}

const browser = values["no-browser"] ? undefined : findBrowser();
if (browser) {
  for (const count of values.stories.split(",").map(Number)) {
    console.log(`\n${count} stories in Chromium, from the page's navigation to its results (the page and the engine's scripts loaded too):`);
    console.log("| query | served | from disk |");
    console.log("| --- | ---: | ---: |");
    for (const { query, served, fromDisk } of await benchSearchInBrowser(count, browser.executablePath, browser.args)) {
      console.log(`| \`${query}\` | ${served.toFixed(0)} ms | ${fromDisk.toFixed(0)} ms |`);
    }
  }
} else if (!values["no-browser"]) {
  console.log("\nno browser found: the Chromium figures are left out");
}
