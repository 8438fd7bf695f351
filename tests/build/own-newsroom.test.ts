/**
 * A newsroom that removed every bundled story and files its own: the deploy (the build for its
 * address on a CI runner, then the browser pass over the built site) stays green, a draft with
 * problems only warns, an embargoed story waits and says when it lifts, and the browser pass
 * fails on what it exists to catch.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PROJECT } from "../../scripts/lib/project-copy.ts";
import { buildFixtureInProcess, buildFixtureSite, copyOfSiteTop, makeFixtureSite } from "../support/fixture-site.ts";

const PLACES = ["MOSCOW", "LONDON", "WASHINGTON", "TOKYO", "HAMBURG"];
const TOPICS = ["Markets", "Diplomacy", "Weather", "Sport"];

/** Fifty stories of the desk's own over five days, one a day of them the daily "markets" report. */
function ownStories(): Record<string, string> {
  const stories: Record<string, string> = {};
  for (let n = 0; n < 50; n++) {
    const day = `2024-03-${String(10 + (n % 5)).padStart(2, "0")}`;
    const daily = n < 5;
    const name = daily ? `${day}-markets.md` : `story-${n}.md`;
    stories[name] = [
      "---",
      `title: "${daily ? `Markets close on ${day}` : `Desk story number ${n}`}"`,
      `lead: What happened in story ${n}, in a sentence.`,
      `date: ${day}T${String(8 + (n % 10)).padStart(2, "0")}:15`,
      `dateline: ${PLACES[n % PLACES.length]}`,
      "source: Desk",
      `tags: [${TOPICS[n % TOPICS.length]}${n % 3 === 0 ? ", Europe" : ""}]`,
      "---",
      "",
      `The first paragraph of story ${n}.`,
      "",
      "The second paragraph, with more detail.",
      "",
    ].join("\n");
  }
  stories["half-written.md"] = "---\ntitle: Half written\ndraft: true\ndate: 2024-03-31\n---\n\nA start.\n";
  stories["embargoed.md"] = "---\ntitle: Quarterly figures\nlead: Under embargo.\ndate: 2024-03-16T10:00Z\ndateline: LONDON\n---\n\nFigures.\n";
  return stories;
}

function checkSite(siteDir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(PROJECT, "scripts", "check-site.ts"), siteDir], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test("a newsroom of fifty stories of its own, and none of the bundled ones, deploys green", { timeout: 300_000 }, () => {
  const root = makeFixtureSite(ownStories());
  const ci = { CI: "true", SITE_URL: "https://desk.example/news/", BUILD_MOMENT: "2024-03-15T12:00Z" };
  const built = buildFixtureSite(root, "UTC", ci);
  assert.equal(built.status, 0, built.output);
  assert.match(built.output, /src\/news\/half-written\.md:1: lead: missing/, "a draft's problems are printed");
  assert.match(built.output, /problems? in drafts \(not published/);
  assert.match(built.output, /build: next embargo lifts at 2024-03-16T10:00:00\+00:00 \(src\/news\/embargoed\.md\)/);
  const index = readFileSync(join(root, "_site", "all", "index.html"), "utf8");
  assert.match(index, /href="\.\.\/news\/2024\/03\/14\/markets\.html"/, "each day's markets story has its own address");
  // Fifty stories on pages of about twenty: All news leads on to an older page, and every story is on one.
  const older = /<link rel="next" href="(page\/2024-03-\d\d-[0-9a-f]{8}\/index\.html)">/.exec(index)?.[1];
  assert.ok(older, "All news links an older page");
  assert.ok(existsSync(join(root, "_site", "all", older)), `${older} is built`);

  const checked = checkSite(join(root, "_site"));
  assert.equal(checked.status, 0, checked.output);
  assert.match(checked.output, /served under \/news\/ and from disk|page openings, served and from disk: no problems/);

  // The same pass fails on a page that runs script, loads what is missing and hides an image's
  // meaning: shown on the front page of a copy with only the site's top-level files and assets,
  // so the pass opens few pages (its links to the rest are missing there too, and reported).
  const small = copyOfSiteTop(join(root, "_site"), ["assets"]);
  const page = join(small, "index.html");
  writeFileSync(page, readFileSync(page, "utf8").replace("</main>", '<img src="missing.png"><script src="x.js"></script></main>'));
  const broken = checkSite(small);
  rmSync(small, { recursive: true, force: true });
  assert.equal(broken.status, 1, broken.output);
  for (const expected of [
    /^index\.html: script: served under \/news\/: 1 script element\(s\) .*\[WD402\]$/m,
    /^index\.html: request: served under \/news\/: HTTP 404 for .*missing\.png .*\[WD422\]$/m,
    /^index\.html: axe\/image-alt: served under \/news\/: .*\[WD401\]$/m,
    /^index\.html: csp: served under \/news\/: CSP violation: script-src-elem blocked .*\[WD421\]$/m,
    /^index\.html: console: from disk: error: .*\[WD420\]$/m,
  ]) {
    assert.match(broken.output, expected);
  }
});

test("a build on a CI runner that knows no address fails in one line saying what to set", () => {
  const root = makeFixtureSite(ownStories());
  const run = buildFixtureSite(root, "UTC", { CI: "true", SITE_URL: "" });
  assert.equal(run.status, 1, run.output);
  assert.match(run.output, /SITE_URL/);
  assert.match(run.output, /build: failed; _site\/ was left as it was\./);
  assert.doesNotMatch(run.output, /^\s+at /m, "no stack trace");
});

test("an editor's broken story gets every problem at once, in line order, with nothing from the tools around them", () => {
  const root = makeFixtureSite({
    ...ownStories(),
    "broken.md": "---\ntitle: Talks stall\ndatline: MOSCOW\ndate: 2024-02-30\ncorrections:\n  - date: 2024-03-01\n---\n\nText.\n",
    "valencia.md": "---\ntitle: Port reopens\nlead: Ships sail again.\ndate: 2024-03-12T09:00\ndateline: VALENCIA\n---\n\nText.\n",
  });
  const run = buildFixtureSite(root, "UTC", { BUILD_MOMENT: "2024-03-15T12:00Z" });
  assert.equal(run.status, 1, run.output);
  const lines = run.output.split("\n").filter((line) => /^src\/news\/(broken|valencia)\.md:/.test(line));
  assert.deepEqual(lines.map((line) => line.replace(/ \(expected.*(?= \[WD\d{3}\]$)/, "")), [
    "src/news/broken.md:1: lead: missing [WD120]",
    "src/news/broken.md:1: dateline: missing [WD120]",
    "src/news/broken.md:3: datline: unknown field; did you mean dateline? [WD122]",
    'src/news/broken.md:4: date: "2024-02-30" is not a real date [WD126]',
    "src/news/broken.md:6: corrections.1.text: missing [WD120]",
    'src/news/valencia.md:5: timezone: "VALENCIA" names more than one large city, in different time zones [WD125]',
  ]);
  for (const line of run.output.split("\n").filter((found) => found.includes("src/news/"))) {
    assert.match(line, /^src\/news\/[^:]+:\d+: [^:]+: .* \[WD\d{3}\]$/, "each problem line starts at its file, for an editor's tools to link");
    assert.doesNotMatch(line, /\[11ty\]|\(via [A-Za-z]+Error\)/);
  }
  assert.doesNotMatch(run.output, /^\s+at /m, "no stack trace");
});

test("stories read as their places know them: local zone names, a correction on the story's own day", async () => {
  const root = makeFixtureSite({
    "port.md": [
      "---",
      "title: Port strike ends",
      "lead: Dockers return.",
      "date: 2024-03-14T06:15",
      "dateline: HAMBURG",
      "corrections:",
      "  - date: 2024-03-14",
      "    text: The strike lasted two days, not three.",
      "---",
      "",
      "Text.",
      "",
    ].join("\n"),
  });
  const run = await buildFixtureInProcess(root, { BUILD_MOMENT: "2024-03-15T12:00Z" });
  assert.equal(run.status, 0, run.output);
  const html = readFileSync(join(root, "_site", "news", "2024", "03", "14", "port.html"), "utf8");
  assert.match(html, /March 14, 2024, 06:15 CET/);
  assert.match(html, /The strike lasted two days, not three\./);
});

test("a bad setting prints one line and build: failed, never a stack trace", () => {
  const root = makeFixtureSite(ownStories());
  for (const [env, expected] of [
    [{ BUILD_MOMENT: "2024-03-15T04:00" }, /^BUILD_MOMENT: got "2024-03-15T04:00" \(expected an instant with Z or an offset/m],
    [{ SITE_URL: "news.example.com" }, /^SITE_URL: got "news\.example\.com" \(expected a full address/m],
  ] as const) {
    const run = buildFixtureSite(root, "UTC", env);
    assert.equal(run.status, 1, run.output);
    assert.match(run.output, expected);
    assert.match(run.output, /^build: failed; _site\/ was left as it was\.$/m);
    assert.doesNotMatch(run.output, /^\s+at |Error:/m, "no stack trace");
  }
});
