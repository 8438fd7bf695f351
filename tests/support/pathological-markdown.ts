/**
 * Markdown made to slow a parser down: deep nesting, runs of delimiters that never match,
 * endless links. Each stays under the story size limit, so a build would have to read it.
 */
export interface PathologicalInput {
  name: string;
  markdown: string;
}

const MEGABYTE = 1_000_000;

export function pathologicalInputs(): PathologicalInput[] {
  return [
    { name: "50,000 nested block quotes", markdown: `${"> ".repeat(50_000)}deep\n` },
    { name: "100,000 nested list markers", markdown: `${"- ".repeat(100_000)}deep\n` },
    { name: "list indented 1,000 levels", markdown: Array.from({ length: 1_000 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n") },
    { name: "1 MB of * markers", markdown: "*".repeat(MEGABYTE) },
    { name: "1 MB of alternating *_ markers", markdown: "*_".repeat(MEGABYTE / 2) },
    { name: "1 MB of unmatched **a markers", markdown: "**a".repeat(MEGABYTE / 3) },
    { name: "85,000 links in a row", markdown: "[a](b.html) ".repeat(85_000) },
    { name: "500,000 unclosed [ brackets", markdown: `${"[".repeat(500_000)}x` },
    { name: "250,000 link openers [a](", markdown: "[a](".repeat(250_000) },
    { name: "1 MB of backticks of growing length", markdown: Array.from({ length: 1_400 }, (_, i) => "`".repeat(i)).join(" a ").slice(0, MEGABYTE) },
    { name: "20,000 lines of nested emphasis", markdown: "*a **b _c __d e__ f_ g** h*\n".repeat(20_000) },
  ];
}
