import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { test } from "node:test";
import { HtmlValidate, cjsResolver, StaticConfigLoader } from "html-validate";
import { parse, type HTMLElement } from "node-html-parser";
import { PROJECT } from "../../scripts/lib/project-copy.ts";
import { freePort, get, startServer, stopServer, waitFor } from "../support/dev-server.ts";
import { buildFixtureSite, makeFixtureSite } from "../support/fixture-site.ts";

function story(fields: string, body = "First paragraph.\n\nSecond paragraph.\n"): string {
  return `---\n${fields.trim()}\n---\n\n${body}`;
}

const talks = story("title: Talks resume\nlead: Both sides return to the table.\ndate: 2013-09-02T10:00\ndateline: MOSCOW");
const budget = story("title: Senate passes the budget\nlead: The vote came just before midnight.\ndate: 2013-09-02T23:30\ndateline: WASHINGTON");
const budgetWithoutLead = story("title: Senate passes the budget\ndate: 2013-09-02T23:30\ndateline: WASHINGTON");
const draftWithoutDateline = story("title: Talks may resume\nlead: A draft.\ndate: 2013-09-02\ndraft: true");

/** What a published page's meta tag says: its own stylesheet and images, no script. */
const PAGE_POLICY_TEXT = "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
/** The search page's: the site's own scripts too, and its own form. */
const SEARCH_PAGE_POLICY_TEXT = "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; script-src 'self'";
const policyOf = (page: HTMLElement): string[] =>
  page.querySelectorAll('meta[http-equiv="Content-Security-Policy"]').map((meta) => meta.getAttribute("content") ?? "");

test("the dev server shows drafts' and stories' problems, keeps serving, recovers, and never writes _site/", async () => {
  const root = makeFixtureSite({ "talks.md": talks, "budget.md": budget });
  const { child, output } = startServer(root, await freePort());
  try {
    // The port asked for may be taken by the time it starts; it says where it serves.
    const base = await waitFor("the server's address", () => /serve: (http:\/\/localhost:\d+\/)/.exec(output())?.[1], output);
    // Drafts and embargoes stay on this machine: the line is told from the address it is bound to.
    assert.match(output(), /serve: http:\/\/localhost:\d+\/ \(this machine only; drafts and embargoed stories shown, marked; pages in \.dev-site\/\)/);
    // All news lists every story, the draft marked; the front page at the root shows a selection.
    const allNews = new URL("all/", base).href;
    const first = await waitFor("All news", async () => {
      const response = await get(allNews);
      return response?.status === 200 && response.text.includes("<h1>All news</h1>") ? response.text : undefined;
    }, output);
    const index = parse(first);

    // Live reload: the reload client it injects is a same-origin module script the page's policy lets in.
    const directives = policyOf(index)[0]?.split("; ") ?? [];
    assert.ok(directives.includes("script-src 'self'"), directives.join("; "));
    assert.ok(directives.includes("connect-src 'self'"), "its WebSocket goes back to the page's own host");
    const script = index.querySelector("script[type=module][src]")?.getAttribute("src") ?? "";
    assert.match(script, /reload-client\.js/, first);
    const scriptUrl = new URL(script, allNews);
    assert.equal(scriptUrl.origin, new URL(base).origin);
    assert.equal((await get(scriptUrl.href))?.status, 200);
    assert.ok(!existsSync(join(root, "_site")), "the dev server never writes the deployed folder");
    assert.ok(existsSync(join(root, ".dev-site", "index.html")), "the front page");
    assert.match(output(), /serve: no problems in the stories/);

    const budgetHref = index.querySelectorAll("a").find((link) => link.text.trim() === "Senate passes the budget")?.getAttribute("href");
    assert.ok(budgetHref, first);
    const budgetUrl = new URL(budgetHref, allNews).href;
    assert.equal((await get(budgetUrl))?.status, 200);

    // A story loses its lead and a draft has no dateline: both show on every page, and in the terminal.
    const printedBefore = output().length;
    writeFileSync(join(root, "src/news/budget.md"), budgetWithoutLead);
    writeFileSync(join(root, "src/news/draft.md"), draftWithoutDateline);
    const problemLine = "src/news/budget.md:1: lead: missing";
    const draftLine = "src/news/draft.md:1: dateline: missing";
    const broken = await waitFor("the problem panel", async () => {
      const response = await get(allNews);
      return response?.text.includes(problemLine) && response.text.includes(draftLine) ? response.text : undefined;
    }, output);
    const panel = parse(broken).querySelector("section.story-problems");
    assert.ok(panel, broken);
    const groups = panel.querySelectorAll(".problem-group").map((group) => [group.classNames, group.text]);
    assert.deepEqual(groups, [
      ["problem-group problem-group-error", "1 problem in the stories:"],
      ["problem-group problem-group-warning", "1 problem in drafts (not published; fix before publishing):"],
    ]);
    assert.match(panel.querySelectorAll("li code")[0]?.text ?? "", new RegExp(`^${problemLine} \\(expected .+\\) \\[WD120\\]$`));
    await waitFor("the problem in the terminal", () => (output().slice(printedBefore).includes(problemLine) ? true : undefined), output);
    assert.equal((await get(budgetUrl))?.status, 404, "a story with problems gets no page, not its last good one");
    // The panel is valid, accessible markup (the page on disk: the server adds only its script).
    const devIndex = join(root, ".dev-site", "all", "index.html");
    const rules = new StaticConfigLoader([cjsResolver()], { extends: [join(PROJECT, ".htmlvalidate.json")] });
    const markup = await new HtmlValidate(rules).validateString(readFileSync(devIndex, "utf8"), devIndex);
    assert.ok(markup.valid, JSON.stringify(markup.results.flatMap((result) => result.messages.map((message) => message.message))));

    // Fixed: the panel goes, the page comes back, and the terminal says so.
    const printedWhileBroken = output().length;
    writeFileSync(join(root, "src/news/budget.md"), budget);
    writeFileSync(join(root, "src/news/draft.md"), draftWithoutDateline.replace("draft: true", "draft: true\ndateline: MOSCOW"));
    await waitFor("the page to come back without the panel", async () => {
      const [list, page] = await Promise.all([get(allNews), get(budgetUrl)]);
      return list?.status === 200 && !list.text.includes("story-problems") && page?.status === 200 ? true : undefined;
    }, output);
    await waitFor("the all-clear in the terminal", () => (output().slice(printedWhileBroken).includes("serve: no problems in the stories") ? true : undefined), output);
    assert.equal(child.exitCode, null, "the server kept running throughout");
    assert.ok(!existsSync(join(root, "_site")));
  } finally {
    await stopServer(child);
  }
});

test("a build's pages carry exactly the published policy and no problem panel", () => {
  const root = makeFixtureSite({ "talks.md": talks, "budget.md": budget, "draft.md": draftWithoutDateline });
  const run = buildFixtureSite(root);
  assert.equal(run.status, 0, run.output);
  const pages = readdirSync(join(root, "_site"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html"));
  assert.ok(pages.length > 5, pages.join("\n"));
  for (const file of pages) {
    const page = parse(readFileSync(join(root, "_site", file), "utf8"));
    // The search page alone lets in the site's own scripts and its form (src/lib/outputs/security.ts).
    const policy = /(^|\/)search\/index\.html$/.test(file.split(sep).join("/")) ? SEARCH_PAGE_POLICY_TEXT : PAGE_POLICY_TEXT;
    assert.deepEqual(policyOf(page), [policy], file);
    assert.equal(page.querySelector(".story-problems"), null, file);
  }
});
