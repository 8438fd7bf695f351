import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatProblem, type Problem } from "../../../src/lib/model/problems.ts";
import { EarlyChecker, validateSite, type ValidateOptions } from "../../../src/lib/check/validate.ts";
import { page } from "../../support/html-page.ts";

const PROJECT = fileURLToPath(new URL("../../..", import.meta.url));
const SCRIPT = path.join(PROJECT, "scripts/validate.ts");
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "validate-test-"));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

/** A small site with no problems that uses every kind of reference the validator follows. */
const CLEAN_SITE: Record<string, string> = {
  "index.html": page(
    "All news",
    "assets/site.css",
    `<h1>All news</h1>
<p><a href="news/story.html#body">Talks resume</a> <a href="#main">Back to the list</a></p>`,
  ),
  "news/story.html": page(
    "Talks resume",
    "../assets/site.css",
    `<h1>Talks resume</h1>
<img src="story/photo.svg" srcset="story/photo.svg 1x, story/photo%20wide.svg 2x" alt="A grey panel" width="12" height="8">
<div id="body"><p>Talks resume. <a href="../index.html?from=story#main">All news</a></p></div>`,
    `<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle"}</script>\n`,
  ),
  "news/story/photo.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 12 8"><rect id="panel" width="12" height="8"/></svg>\n`,
  "news/story/photo wide.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 8"><rect width="24" height="8"/></svg>\n`,
  "assets/site.css": `/* url(commented-out.png) is not a reference */\nbody { background: url("../news/story/photo.svg#panel") no-repeat; }\n`,
};

/** Writes the clean site, with `replace` applied once to `file`, into a new folder. */
function writeSite(change?: { file: string; replace: [string, string] }): string {
  const dir = fs.mkdtempSync(path.join(tempRoot, "site-"));
  for (const [name, text] of Object.entries(CLEAN_SITE)) {
    let content = text;
    if (change?.file === name) {
      assert.ok(text.includes(change.replace[0]), `fixture ${name} has no "${change.replace[0]}" to replace`);
      content = text.replace(change.replace[0], change.replace[1]);
    }
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** "file field code" of each problem. */
const fileFieldCode = (problems: Problem[]): string[] => problems.map((p) => `${p.file} ${p.field} ${p.code}`).sort();

test("a clean two-page site passes", async () => {
  const report = await validateSite(writeSite());
  assert.deepEqual(report.problems, []);
  assert.equal(report.pages, 2);
  assert.equal(report.stylesheets, 1);
});

test("a checker started before the check starts only for a few pages of a large site; the check takes it and finds the same, and one no check took is stopped", { skip: os.availableParallelism() < 2 && "one core: no worker to start" }, async () => {
  for (const [pages, toCheck] of [[3999, 5], [4000, 0], [4000, 200]] as const) {
    const checker = new EarlyChecker();
    checker.start(pages, toCheck);
    assert.equal(checker.take().workers.length, 0, `${toCheck} of ${pages} pages`);
  }
  const checker = new EarlyChecker();
  checker.start(4000, 12);
  const site = writeSite({ file: "index.html", replace: ["<h1>", '<h1 style="color: red">'] });
  assert.deepEqual(await validateSite(site, { checker }), await validateSite(site));
  assert.equal(checker.take().workers.length, 0, "the check took the worker");

  const unused = new EarlyChecker();
  unused.start(4000, 12);
  const [worker] = unused.take().workers;
  assert.ok(worker, "a worker started");
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  const again = new EarlyChecker();
  again.start(4000, 12);
  await again.stop();
  assert.equal(again.take().workers.length, 0, "stopped and let go");
  await worker.terminate();
  await exited;
});

test("pages sent ahead in batches, while the checker loads, each get their own page's record", { skip: os.availableParallelism() < 2 && "one core: no worker to start" }, async () => {
  const site = writeSite({ file: "index.html", replace: ["<h1>", '<h1 style="color: red">'] });
  const task = (file: string) => ({ page: path.join(site, file), path: file, source: fs.readFileSync(path.join(site, file), "utf8") });
  const checker = new EarlyChecker();
  checker.start(4000, 2);
  checker.checkAhead([task("news/story.html")]);
  checker.checkAhead([task("index.html")]);
  const report = await validateSite(site, { checker, cacheDir: fs.mkdtempSync(path.join(tempRoot, "batches-cache-")) });
  assert.deepEqual(fileFieldCode(report.problems), fileFieldCode((await validateSite(site)).problems));
  assert.ok(report.problems.some(({ file }) => file === "index.html"));
});

test("a page checked ahead is taken only while the site's page has the bytes that were checked: one changed since is checked again", { skip: os.availableParallelism() < 2 && "one core: no worker to start" }, async () => {
  const clean = CLEAN_SITE["index.html"]!;
  const styled = clean.replace("<h1>", '<h1 style="color: red">');
  for (const [onDisk, sentAhead] of [
    [clean, styled],
    [styled, clean],
  ] as const) {
    const site = writeSite({ file: "index.html", replace: [clean, onDisk] });
    const checker = new EarlyChecker();
    checker.start(4000, 2);
    checker.checkAhead(["index.html", "news/story.html"].map((file) => ({ page: path.join(site, file), path: file, source: file === "index.html" ? sentAhead : fs.readFileSync(path.join(site, file), "utf8") })));
    const cacheDir = fs.mkdtempSync(path.join(tempRoot, "ahead-cache-"));
    const report = await validateSite(site, { checker, cacheDir });
    assert.deepEqual(fileFieldCode(report.problems), fileFieldCode((await validateSite(site)).problems));
    assert.equal(report.problems.some(({ file }) => file === "index.html"), onDisk === styled, "the style attribute's problems, where the page has it");
  }
});

test("a whole-site check also holds the pages to the performance budget", async () => {
  // The clean site's stylesheet is not named by its contents' hash, which the budget requires.
  const { problems } = await validateSite(writeSite(), { outputs: true });
  assert.deepEqual(fileFieldCode(problems), ["index.html budget WD418", "news/story.html budget WD418"]);
});

interface Case {
  name: string;
  file: string;
  replace: [string, string];
  options?: ValidateOptions;
  /** "file field code" for every problem expected, and text the first one's message must contain. */
  expected: string[];
  message: string;
}

const STORY_LINK = "news/story.html#body";
const CASES: Case[] = [
  {
    name: "a broken link",
    file: "index.html",
    replace: [STORY_LINK, "news/missing.html"],
    expected: ["index.html link WD404"],
    message: "news/missing.html, which does not exist",
  },
  {
    name: "a link to a folder, with a slash",
    file: "index.html",
    replace: [STORY_LINK, "news/"],
    expected: ["index.html link WD404"],
    message: "names a folder",
  },
  {
    name: "a link to a folder, without a slash",
    file: "news/story.html",
    replace: ["../index.html?from=story#main", "story"],
    expected: ["news/story.html link WD404"],
    message: "names a folder",
  },
  {
    name: "a missing #fragment in another page",
    file: "index.html",
    replace: [STORY_LINK, "news/story.html#nowhere"],
    expected: ["index.html link WD405"],
    message: 'no id="nowhere" in news/story.html',
  },
  {
    name: "a missing fragment-only #fragment",
    file: "index.html",
    replace: ['href="#main"', 'href="#nowhere"'],
    expected: ["index.html link WD405"],
    message: 'no id="nowhere" in index.html',
  },
  {
    name: "a missing srcset candidate",
    file: "news/story.html",
    replace: ["photo%20wide.svg 2x", "photo@2x.svg 2x"],
    expected: ["news/story.html link WD404"],
    message: "news/story/photo@2x.svg, which does not exist",
  },
  {
    name: "a broken link inside <pre>",
    file: "news/story.html",
    replace: ["<p>Talks resume.", '<pre><a href="gone.html">gone</a></pre><p>Talks resume.'],
    expected: ["news/story.html link WD404"],
    message: "news/gone.html, which does not exist",
  },
  {
    name: "a link out of the site folder",
    file: "index.html",
    replace: [STORY_LINK, "../outside.html"],
    expected: ["index.html link WD404"],
    message: "outside the site folder",
  },
  {
    name: "a CSS url() to a missing file",
    file: "assets/site.css",
    replace: ["../news/story/photo.svg#panel", "missing.png"],
    expected: ["assets/site.css link WD404"],
    message: "assets/missing.png, which does not exist",
  },
  {
    name: "a root-relative URL",
    file: "news/story.html",
    replace: ['href="../assets/site.css"', 'href="/assets/site.css"'],
    expected: ["news/story.html link WD406"],
    message: 'root-relative URL "/assets/site.css"',
  },
  {
    name: "a protocol-relative URL",
    file: "index.html",
    replace: [STORY_LINK, "//wire.example/news/story.html"],
    expected: ["index.html link WD406"],
    message: "protocol-relative",
  },
  {
    name: "a file: URL",
    file: "index.html",
    replace: [STORY_LINK, "file:///home/editor/site/news/story.html"],
    expected: ["index.html link WD406"],
    message: "file: URL",
  },
  {
    name: "an absolute URL on the site's own origin",
    file: "index.html",
    replace: [STORY_LINK, "https://wire.example/news/story.html"],
    options: { siteUrl: "https://wire.example/" },
    expected: ["index.html link WD406"],
    message: "names an address of this site, https://wire.example/",
  },
  {
    name: "an absolute URL under the site's path on its host",
    file: "index.html",
    replace: [STORY_LINK, "https://wire.example/newsroom/news/story.html"],
    options: { siteUrl: "https://wire.example/newsroom/" },
    expected: ["index.html link WD406"],
    message: "names an address of this site, https://wire.example/newsroom/",
  },

  {
    name: "an inline <script>",
    file: "news/story.html",
    replace: ["<h1>", '<script>document.title = "x";</script>\n<h1>'],
    expected: ["news/story.html script WD402"],
    message: "<script> would run",
  },
  {
    name: "a <script> with a JavaScript type",
    file: "news/story.html",
    replace: ["application/ld+json", "Module"],
    expected: ["news/story.html script WD402"],
    message: '<script type="Module"> would run',
  },
  {
    name: "an onclick attribute",
    file: "index.html",
    replace: ["<h1>", '<h1 onclick="alert(1)">'],
    expected: ["index.html script WD402"],
    message: "onclick attribute",
  },
  {
    name: "a javascript: href, even with a tab in the scheme",
    file: "index.html",
    replace: ['href="#main"', 'href=" Java&#9;Script:alert(1)"'],
    expected: ["index.html link WD402"],
    message: "javascript: URL",
  },
  {
    name: "a style attribute (also html-validate's no-inline-style)",
    file: "news/story.html",
    replace: ["<h1>", '<h1 style="color: red">'],
    expected: ["news/story.html no-inline-style WD400", "news/story.html style WD403"],
    message: "style attribute",
  },
  {
    name: "a <style> element",
    file: "index.html",
    replace: ["</head>", "<style>h1 { color: red; }</style>\n</head>"],
    expected: ["index.html style WD403"],
    message: "<style> element",
  },
  {
    name: "an html-validate error: an image without alt",
    file: "news/story.html",
    replace: [' alt="A grey panel"', ""],
    expected: ["news/story.html wcag/h37 WD401"],
    message: '<img> is missing required "alt" attribute',
  },
  {
    name: "a misspelt attribute (html-validate's no-unknown-attributes)",
    file: "news/story.html",
    replace: [' alt="A grey panel"', ' alt="A grey panel" lodaing="lazy"'],
    expected: ["news/story.html no-unknown-attributes WD400"],
    message: 'Attribute "lodaing" is not allowed on <img> element',
  },
];

for (const { name, file, replace, options, expected, message } of CASES) {
  test(`reports ${name}`, async () => {
    const { problems } = await validateSite(writeSite({ file, replace }), options);
    assert.deepEqual(fileFieldCode(problems), expected);
    assert.ok(problems[0]?.message.includes(message), `message: ${problems[0]?.message}`);
  });
}

test("an absolute link to another site on the site's host (a project site's neighbour) is a link out, not the site's own", async () => {
  const site = writeSite({ file: "index.html", replace: [STORY_LINK, "https://wire.example/elections-2026/guide.html"] });
  for (const siteUrl of ["https://wire.example/newsroom/", "https://wire.example/newsroom"]) {
    assert.deepEqual(fileFieldCode((await validateSite(site, { siteUrl })).problems), [], siteUrl);
  }
  // The site's root without its slash is the site's own address still.
  const root = writeSite({ file: "index.html", replace: [STORY_LINK, "https://wire.example/newsroom"] });
  assert.deepEqual(fileFieldCode((await validateSite(root, { siteUrl: "https://wire.example/newsroom/" })).problems), ["index.html link WD406"]);
});

test("reports a link to the site's own folder, without a slash, as a folder", async () => {
  const dir = writeSite();
  const index = path.join(dir, "index.html");
  fs.writeFileSync(index, fs.readFileSync(index, "utf8").replace(STORY_LINK, `../${path.basename(dir)}`));
  const { problems } = await validateSite(dir);
  assert.deepEqual(fileFieldCode(problems), ["index.html link WD404"]);
  assert.ok(problems[0]?.message.includes("names a folder"), `message: ${problems[0]?.message}`);
});

test("Open Graph's <meta property> tags pass, though html-validate's own metadata lacks the attribute", async () => {
  const { problems } = await validateSite(writeSite({ file: "news/story.html", replace: ["</head>", '<meta property="og:title" content="Talks resume">\n</head>'] }));
  assert.deepEqual(problems, []);
});

test("links and script inside inline SVG are checked, though html-validate skips SVG's content", async () => {
  const svg = '<svg role="img" aria-label="A square"><a href="gone.html"><rect width="1" height="1" onclick="go()"/></a><script>go()</script></svg>';
  const { problems } = await validateSite(writeSite({ file: "index.html", replace: ["<h1>", `${svg}\n<h1>`] }));
  assert.deepEqual(
    problems.map(formatProblem),
    [
      'index.html:10:39: link: "gone.html" names gone.html, which does not exist (expected a file of the site) [WD404]',
      "index.html:10:59: script: onclick attribute: an event handler would run script (expected no event handler) [WD402]",
      "index.html:10:106: script: <script> would run (expected none: only data blocks such as application/ld+json) [WD402]",
    ],
  );
});

test("an absolute URL is external when SITE_URL is another origin or unset", async () => {
  const dir = writeSite({ file: "index.html", replace: [STORY_LINK, "https://wire.example/news/story.html"] });
  assert.deepEqual((await validateSite(dir, { siteUrl: "https://elsewhere.example" })).problems, []);
  assert.deepEqual((await validateSite(dir)).problems, []);
});

test("a photo under the media host's address must be in the media folder; an image from anywhere else is refused", async () => {
  const media = "https://media.example.com/wire/";
  const mediaFolder = fs.mkdtempSync(path.join(tempRoot, "media-"));
  fs.writeFileSync(path.join(mediaFolder, "talks-640.abc.jpeg"), "");
  fs.writeFileSync(path.join(mediaFolder, "talks-1280.abc.jpeg"), "");
  const img = `<img src="${media}talks-1280.abc.jpeg" srcset="${media}talks-640.abc.jpeg 640w, ${media}talks-1280.abc.jpeg 1280w" sizes="40rem" alt="Talks" width="1280" height="720">`;
  const present = writeSite({ file: "index.html", replace: ["<h1>", `${img}\n<h1>`] });
  assert.deepEqual((await validateSite(present, { media: { url: media, folder: mediaFolder } })).problems, []);

  const missing = writeSite({ file: "index.html", replace: ["<h1>", `${img.replace("talks-640", "gone-640")}\n<h1>`] });
  assert.deepEqual((await validateSite(missing, { media: { url: media, folder: mediaFolder } })).problems.map(formatProblem), [
    'index.html:10:1: link: "https://media.example.com/wire/gone-640.abc.jpeg" names a photo the build did not publish for the media host (expected a file of this build\'s photos under https://media.example.com/wire/) [WD404]',
  ]);
  // Without a media host, the same photos are images from elsewhere; a link to another site stays a link.
  assert.deepEqual((await validateSite(present)).problems.map(formatProblem), [
    `index.html:10:1: link: "${media}talks-1280.abc.jpeg" is an image from elsewhere (expected a file of the site: the pages' security policy lets no other image in) [WD408]`,
    `index.html:10:1: link: "${media}talks-640.abc.jpeg" is an image from elsewhere (expected a file of the site: the pages' security policy lets no other image in) [WD408]`,
    `index.html:10:1: link: "${media}talks-1280.abc.jpeg" is an image from elsewhere (expected a file of the site: the pages' security policy lets no other image in) [WD408]`,
  ]);
  const elsewhere = writeSite({ file: "news/story.html", replace: ['srcset="story/photo.svg 1x', 'srcset="https://cdn.example/photo.svg 1x'] });
  assert.deepEqual((await validateSite(elsewhere, { media: { url: media, folder: mediaFolder } })).problems.map(formatProblem), [
    `news/story.html:12:1: link: "https://cdn.example/photo.svg" is an image from elsewhere (expected a file of the site or a photo under the media host's ${media}: the pages' security policy lets no other image in) [WD408]`,
  ]);
});

test("problems carry the line and column of the element", async () => {
  const { problems } = await validateSite(writeSite({ file: "index.html", replace: [STORY_LINK, "nope.html"] }));
  assert.deepEqual(
    problems.map(({ line, column }) => ({ line, column })),
    [{ line: 11, column: 4 }],
  );
});

test("a site of many pages, checked on several threads, is checked whole", async () => {
  // More pages than one worker's batch, each linking to a fragment of the next: every link
  // crosses a batch boundary somewhere, so fragments must be found whichever thread reads them.
  const count = 450;
  const name = (n: number) => `news/p${String(n).padStart(3, "0")}.html`;
  const dir = fs.mkdtempSync(path.join(tempRoot, "many-"));
  fs.mkdirSync(path.join(dir, "news"));
  fs.writeFileSync(path.join(dir, "site.css"), "body { margin: 0; }\n");
  for (let n = 0; n < count; n += 1) {
    const target = n === count - 1 ? "p000.html#gone" : `${path.basename(name(n + 1))}#s${n + 1}`;
    // One page has an id twice, for html-validate to find in whichever worker checks it.
    const heading = n === 7 ? '<h1 id="s7">Story 7</h1>' : `<h1>Story ${n}</h1>`;
    fs.writeFileSync(path.join(dir, name(n)), page(`Story ${n}`, "../site.css", `${heading}\n<p id="s${n}"><a href="${target}">Next</a></p>`));
  }
  const report = await validateSite(dir);
  assert.equal(report.pages, count);
  assert.deepEqual(fileFieldCode(report.problems), [
    `${name(7)} no-dup-id WD401`,
    `${name(count - 1)} link WD405`,
  ]);
  assert.match(report.problems[1]?.message ?? "", /no id="gone" in news\/p000\.html/);
});

function runCli(dir: string, args: readonly string[] = []): { status: number | null; stdout: string; stderr: string } {
  // As on a desk's own machine, even where the tests run on a CI runner: no address is needed.
  const env = { ...process.env };
  for (const name of ["SITE_URL", "CI", "GITHUB_ACTIONS", "NETLIFY"]) delete env[name];
  return spawnSync(process.execPath, [SCRIPT, "--pages-only", ...args, dir], { cwd: PROJECT, encoding: "utf8", env });
}

test("the command prints a clean summary and exits 0", () => {
  const { status, stdout } = runCli(writeSite());
  assert.equal(stdout, "validate: 2 pages, 1 stylesheet checked: no problems\n");
  assert.equal(status, 0);
});

test("the command prints each problem as file:line:column: field: problem [code], then how many, and exits 1", () => {
  const { status, stdout } = runCli(writeSite({ file: "index.html", replace: [STORY_LINK, "nope.html"] }));
  assert.equal(
    stdout,
    'index.html:11:4: link: "nope.html" names nope.html, which does not exist (expected a file of the site) [WD404]\nvalidate: 1 problem in 1 file\n',
  );
  assert.equal(status, 1);
});

test("the command with --quiet prints the problems and the last line", () => {
  const { status, stdout, stderr } = runCli(writeSite({ file: "index.html", replace: [STORY_LINK, "nope.html"] }), ["--quiet"]);
  assert.equal(
    stdout,
    'index.html:11:4: link: "nope.html" names nope.html, which does not exist (expected a file of the site) [WD404]\nvalidate: 1 problem in 1 file\n',
  );
  assert.equal(stderr, "");
  assert.equal(status, 1);
});

test("the command exits 2 with one line when there is no site to check", () => {
  const empty = fs.mkdtempSync(path.join(tempRoot, "empty-"));
  for (const dir of [path.join(tempRoot, "no-such-folder"), empty]) {
    const { status, stdout, stderr } = runCli(dir);
    assert.equal(status, 2);
    assert.equal(stdout, "");
    assert.match(stderr, /^validate: no (site folder at|\.html pages in) .+\n$/);
  }
});

test("an edition's 404 page links from the base path, each link named from the site's root; a relative link there is refused", async () => {
  const notFoundPage = (href: string) =>
    page("Страница не найдена", "/newsroom/assets/site.css", `<h1>Страница не найдена</h1>\n<p><a href="${href}">Переговоры</a> <a href="/newsroom/">Wire Desk</a></p>`);
  const write = (href: string) => {
    const dir = writeSite();
    fs.mkdirSync(path.join(dir, "ru"));
    fs.writeFileSync(path.join(dir, "ru", "404.html"), notFoundPage(href));
    return dir;
  };
  const options = { siteUrl: "https://example.github.io/newsroom/" };
  assert.deepEqual((await validateSite(write("/newsroom/news/story.html#body"), options)).problems, []);
  // From the root: "/newsroom/ru/…" is the site's ru/ folder, not ru/ru/.
  const missing = (await validateSite(write("/newsroom/ru/news/story.html"), options)).problems.map(formatProblem);
  assert.equal(missing.length, 1);
  assert.match(missing[0] ?? "", /^ru\/404\.html:\d+:\d+: link: "ru\/news\/story\.html" names ru\/news\/story\.html, which does not exist .*\[WD404\]$/);
  const relative = (await validateSite(write("../news/story.html"), options)).problems.map(formatProblem);
  assert.equal(relative.length, 1);
  assert.match(relative[0] ?? "", /^ru\/404\.html:\d+:\d+: link: "\.\.\/news\/story\.html" on the 404 page \(expected a URL that starts with the base path \/newsroom\/: hosts serve this page at any missing address\) \[WD406\]$/);
});

test("a link is followed once per folder, yet each page's own fragments, and the 404 page beside other pages, are checked as that page", async () => {
  const dir = writeSite();
  const news = (title: string, body: string) => page(title, "../assets/site.css", `<h1>${title}</h1>\n${body}`);
  // Two pages of one folder name the same URLs: the fragment of each page's own is its own.
  fs.writeFileSync(path.join(dir, "news", "first.html"), news("First", `<p id="more"><a href="#more">More</a> <a href=" #more">Again</a> <a href="story.html#body">Talks</a> <a href="gone.html">Gone</a></p>`));
  fs.writeFileSync(path.join(dir, "news", "second.html"), news("Second", `<p><a href="#more">More</a> <a href=" #more">Again</a> <a href="story.html#body">Talks</a> <a href="gone.html">Gone</a></p>`));
  // The root's 404 page names what index.html names, and is told apart from it.
  fs.writeFileSync(path.join(dir, "404.html"), page("Not found", "/assets/site.css", `<h1>Not found</h1>\n<p><a href="news/story.html#body">Talks resume</a></p>`));
  const problems = (await validateSite(dir)).problems.map(formatProblem);
  assert.deepEqual(
    problems.map((line) => line.replace(/:\d+:\d+:/, ":")),
    [
      '404.html: link: "news/story.html#body" on the 404 page (expected a URL that starts with the base path /: hosts serve this page at any missing address) [WD406]',
      'news/first.html: link: "gone.html" names news/gone.html, which does not exist (expected a file of the site) [WD404]',
      'news/second.html: link: "#more" has no target: no id="more" in news/second.html (expected an element with that id) [WD405]',
      'news/second.html: link: " #more" has no target: no id="more" in news/second.html (expected an element with that id) [WD405]',
      'news/second.html: link: "gone.html" names news/gone.html, which does not exist (expected a file of the site) [WD404]',
    ],
  );
});
