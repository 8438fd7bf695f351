/** `npm run build -- --explain <page>`: why a page was rendered or reused, from the build's page plan. */
import { posix } from "node:path";
import type { BuildResult } from "./build.ts";

const REASONS = {
  new: "rendered: a page the last build did not have",
  "view changed": "rendered: what it prints changed since the last build (its view, or a story in it)",
  "templates or code changed": "rendered: the templates, the code or the settings every page prints changed since the last build",
  "not in the page cache": "rendered: its view is unchanged, but the page cache held no sound copy of it",
  reused: "reused from the page cache: nothing it prints changed",
} as const;

/** One line about the page that `query` names: its URL, its file under the output folder, or its story's source file. */
export function explainPage({ pages, files, report }: Pick<BuildResult, "pages" | "files" | "report">, query: string, output: string): string {
  const fromStory = Object.entries(report.sources).find(([, source]) => source === query)?.[0];
  const path = posix.normalize(fromStory ?? query).replace(new RegExp(`^(\\./)?${output}/`), "").replace(/^\/+/, "");
  const page = pages.find(({ url, file }) => file === path || url.replace(/^\/+/, "") === path || file === posix.join(path, "index.html"));
  if (page) return `${query}: ${page.file} (${page.url}) ${REASONS[page.reason]}${report.sources[page.url] ? `; made from ${report.sources[page.url]}` : ""}`;
  if (files.includes(path)) return `${query}: ${path} is no page the plan keeps: feeds, sitemaps, robots.txt, _headers and _redirects are rendered every build, photos and assets published every build`;
  return `${query}: no page or file of this build has that address (expected a page's URL, its file under ${output}/, or a story's file under src/news/)`;
}
