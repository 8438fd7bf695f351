import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { stringify } from "yaml";
import { after, test } from "node:test";
import { readArticle, type ArticleResult, type ReadContext, type StoryLocation, type ValidArticle } from "../../../src/lib/story/article.ts";
import { collectArticles, readStories } from "../../../src/lib/story/collect-stories.ts";
import { CacheStore } from "../../../src/lib/cache/store.ts";
import { PhotoProcessor } from "../../../src/lib/media/photos.ts";
import { formatProblem } from "../../../src/lib/model/problems.ts";
import { readEmbeddedPhotoWords } from "../../../src/lib/import/photo-metadata.ts";
import type { BuildSettings } from "../../../src/lib/model/publishing.ts";
import { readContext, storyLocation, writeStory } from "../../support/story-data.ts";

const folder = mkdtempSync(join(tmpdir(), "article-test-"));
after(() => rmSync(folder, { recursive: true, force: true }));
writeFileSync(join(folder, "photo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"></svg>');
writeFileSync(join(folder, "broken.jpg"), "not an image");

const photos = new PhotoProcessor(new CacheStore(join(folder, "cache")));

const build: BuildSettings = { moment: "2013-09-10T00:00:00Z", epochMs: Date.parse("2013-09-10T00:00:00Z"), showUnpublished: false };

/** A story file with these fields as front matter: readArticle's arguments for it. */
function storyData(fields: Record<string, unknown>, body = "Moscow hopes.\n", slug = "talks"): [StoryLocation, ReadContext] {
  return writeStory({ folder, slug, fields, body, build, photos });
}

const seed = {
  title: "Moscow hopes for further talks",
  lead: "Signs point to contacts",
  date: "2013-09-02",
  dateline: "MOSCOW",
  source: "Itar-Tass",
  photo: { src: "photo.svg", alt: "Stand-in", credit: "Photo EPA/ITAR-TASS" },
};

function valid(result: ArticleResult): ValidArticle {
  assert.ok(result.valid && result.state !== "withdrawn", `expected a valid story, got ${JSON.stringify(result)}`);
  return result;
}

function problemsOf(result: ArticleResult): string[] {
  assert.equal(result.valid, false);
  return result.valid ? [] : result.problems.map(({ field, message }) => `${field}: ${message}`);
}

test("a story becomes the view its templates print", async () => {
  const view = valid(await readArticle(...storyData({ ...seed, priority: 3 })));
  // An SVG is published as drawn, under a name that carries its content hash.
  const photoUrl = view.photo?.url ?? "";
  assert.match(photoUrl, /^\/assets\/photos\/photo-640\.[0-9a-f]{10}\.svg$/);
  assert.deepEqual(view, {
    valid: true,
    notices: [],
    url: "/news/2013/09/02/talks.html",
    stem: "/news/talks",
    file: join(folder, "talks.md"),
    headline: "Moscow hopes for further talks",
    lead: "Signs point to contacts",
    description: "Signs point to contacts",
    place: "MOSCOW",
    zone: "Europe/Moscow",
    source: "Itar-Tass",
    authors: [],
    byline: [],
    dateline: "MOSCOW, September 2 (Itar-Tass) -",
    datelineParts: ["MOSCOW,", "September 2", "(Itar-Tass) -"],
    published: {
      datetime: "2013-09-02",
      display: "September 2, 2013",
      iso: "2013-09-02T00:00:00+04:00",
      day: "2013-09-02",
      epochMs: Date.UTC(2013, 8, 1, 20),
    },
    updated: undefined,
    archive: { year: "/archive/2013/", month: "/archive/2013/09/", day: "/archive/2013/09/02/" },
    corrections: [],
    photo: { url: photoUrl, alt: "Stand-in", credit: "Photo EPA/ITAR-TASS", caption: undefined, width: 640, height: 360, sources: [] },
    photoCredit: undefined,
    topics: [],
    state: "published",
    sample: false,
    priority: 3,
    bodyHtml: `<p><span class="dateline"><span>MOSCOW,</span> <span>September 2</span> <span>(Itar-Tass) -</span></span> Moscow hopes.</p>\n`,
    edition: "en",
    lang: undefined,
    dir: undefined,
    translationOf: undefined,
    fieldPlaces: {},
    images: [{ path: join(folder, "photo.svg"), field: "photo.src", file: join(folder, "talks.md"), line: 8 }],
  });
});

test("the dateline's agency defaults to the site's own name", async () => {
  const { source: _, photo: __, ...withoutSource } = seed;
  assert.equal(valid(await readArticle(...storyData(withoutSource))).dateline, "MOSCOW, September 2 (Wire Desk) -");
});

test("a late-evening WASHINGTON story keeps its own calendar day", async () => {
  const view = valid(await readArticle(...storyData({ ...seed, dateline: "WASHINGTON", date: "2013-09-02T23:30", photo: undefined })));
  assert.equal(view.dateline, "WASHINGTON, September 2 (Itar-Tass) -");
  assert.equal(view.published.datetime, "2013-09-02T23:30:00-04:00");
});

test("every problem of a story is reported, each with its field", async () => {
  const result = await readArticle(...storyData({ title: "", date: "2013-02-30", dateline: "MOSCOW", photo: { src: "missing.jpg" } }, "  \n"));
  assert.deepEqual(problemsOf(result), [
    "title: empty (expected the headline)",
    "lead: missing (expected the standfirst: a sentence or two under the headline; only a story imported from an agency, with its wire record, may go without one)",
    "photo.alt: missing (expected a description of what the photo shows, for readers who cannot see it)",
    "photo.credit: missing (expected the credit as the agency gives it, e.g. Photo EPA/ITAR-TASS)",
    'date: "2013-02-30" is not a real date (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z)',
    `photo.src: "missing.jpg" does not exist (expected a file at ${join(folder, "missing.jpg")})`,
    "body: empty (expected the story's paragraphs in Markdown after the front matter)",
  ]);
  assert.ok(!result.valid && result.problems.every(({ file }) => file === join(folder, "talks.md")));
});

test("an unknown place without a timezone is refused; with one it builds", async () => {
  assert.match(problemsOf(await readArticle(...storyData({ ...seed, dateline: "GOTHAM" })))[0] ?? "", /^timezone: no time zone is known for the dateline place "GOTHAM"/);
  assert.equal(valid(await readArticle(...storyData({ ...seed, dateline: "GOTHAM", timezone: "America/New_York" }))).dateline, "GOTHAM, September 2 (Itar-Tass) -");
});

test("a photo outside the story's folder or not an image is refused", async () => {
  const outside = await readArticle(...storyData({ ...seed, photo: { ...seed.photo, src: "../secret.png" } }));
  assert.deepEqual(problemsOf(outside), ['photo.src: "../secret.png" is outside the story\'s folder (expected a file next to the story (jpg, jpeg, png, webp, avif, gif, svg))']);
  const broken = await readArticle(...storyData({ ...seed, photo: { ...seed.photo, src: "broken.jpg" } }));
  assert.match(problemsOf(broken)[0] ?? "", /^photo\.src: "broken\.jpg" could not be read as an image/);
});

test("a dateline typed into the body is refused: the page prints it from the data", async () => {
  const result = await readArticle(...storyData(seed, "MOSCOW, September 2 (Itar-Tass) - Moscow hopes."));
  assert.match(problemsOf(result)[0] ?? "", /^body: starts with the dateline "MOSCOW," typed in/);
  // In any case, with an agency, a day or only a dash or colon after the place: still the dateline, printed twice.
  for (const [body, typed] of [
    ["MOSCOW (Itar-Tass) - Moscow hopes.", "MOSCOW (Itar-Tass) -"],
    ["Moscow, Sept 2 - Moscow hopes.", "Moscow, Sept 2 -"],
    ["MOSCOW: Moscow hopes.", "MOSCOW:"],
    ["MOSCOW — Moscow hopes.", "MOSCOW —"],
    // Set in bold or italics, or in the paragraph after a heading, which the page's dateline opens.
    ["**MOSCOW, Sept 2 (Reuters) -** Moscow hopes.", "MOSCOW,"],
    ["*MOSCOW (AFP) -* Moscow hopes.", "MOSCOW (AFP) -"],
    ["## Talks resume\n\nMOSCOW, Sept 2 (Reuters) - Moscow hopes.", "MOSCOW,"],
    ["## Talks\n\n### Day one\n\nMOSCOW, Sept 2 (Reuters) - Moscow hopes.", "MOSCOW,"],
    // The comma as Arabic writes it, and the Russian house style in any case.
    ["MOSCOW، Sept 2 (Itar-Tass) - Moscow hopes.", "MOSCOW،"],
    ["Moscow, 2 Sept. /Itar-Tass/. Moscow hopes.", "Moscow, 2 Sept. /Itar-Tass/."],
  ]) {
    assert.ok((problemsOf(await readArticle(...storyData(seed, body)))[0] ?? "").startsWith(`body: starts with the dateline "${typed}" typed in`), body);
  }
  // Another place's whole dateline would print after the story's own, as its first words.
  for (const [body, typed] of [
    ["WASHINGTON, Sept 2 (Reuters) - Moscow hopes.", "WASHINGTON, Sept 2 (Reuters) -"],
    ["KYIV, Ukraine (AP) — Moscow hopes.", "KYIV, Ukraine (AP) —"],
    ["NEW YORK (AFP) -- Moscow hopes.", "NEW YORK (AFP) --"],
    ["ST. PETERSBURG, 2 Sept. /Itar-Tass/ - Moscow hopes.", "ST. PETERSBURG, 2 Sept. /Itar-Tass/ -"],
    ["**WASHINGTON, Sept. 2 -** Moscow hopes.", "WASHINGTON, Sept. 2 -"],
  ]) {
    const [problem = ""] = problemsOf(await readArticle(...storyData(seed, body)));
    assert.ok(problem.startsWith(`body: starts with the dateline "${typed}", which the page would print after the dateline field's MOSCOW (expected`), `${body}: ${problem}`);
  }
  // An agency's copy may carry another agency's dateline, which the import keeps as the agency's words.
  const wire = { id: "urn:newsml:itar-tass:1", versionTime: "2013-09-02T10:00" };
  const carried = await readArticle(...storyData({ ...seed, wire }, "LONDON (Reuters) - The first turbine."));
  assert.ok(carried.valid && "bodyHtml" in carried && carried.bodyHtml.includes("LONDON (Reuters)"), JSON.stringify(carried).slice(0, 600));
  // The place's name opening a sentence is the story's first words, as are capitals that make no dateline.
  for (const body of ["Moscow, the Russian capital, hopes.", "Moscow hopes.", "Muscovites hope.", "NATO allies - and Moscow - hope.", "WASHINGTON hopes (AP).", "UN officials (in Geneva) - hope."]) {
    assert.ok(valid(await readArticle(...storyData(seed, body))).bodyHtml.includes(body.slice(0, 10)), body);
  }
  for (const body of ["**Moscow** hopes.", "## Moscow: a timeline\n\nTalks resumed."]) assert.ok(valid(await readArticle(...storyData(seed, body))).bodyHtml.includes("Moscow"), body);
});

test("stories are listed newest first, whatever zone their dateline is in", async () => {
  const tokyo = valid(await readArticle(...storyData({ ...seed, dateline: "TOKYO", date: "2013-09-03T08:00", photo: undefined }, "x", "tokyo")));
  const washington = valid(await readArticle(...storyData({ ...seed, dateline: "WASHINGTON", date: "2013-09-02T20:00", photo: undefined }, "x", "dc")));
  const moscow = valid(await readArticle(...storyData(seed, "x", "moscow")));
  // 20:00 in Washington is later than 08:00 next morning in Tokyo.
  assert.deepEqual(collectArticles([tokyo, moscow, washington], build).stories.map(({ url }) => url), [
    "/news/2013/09/02/dc.html",
    "/news/2013/09/03/tokyo.html",
    "/news/2013/09/02/moscow.html",
  ]);
});

test("the report lists the problems of every bad story in file and line order; a draft's are only warnings", async () => {
  const good = await readArticle(...storyData(seed));
  const bad = [
    await readArticle(...storyData({ ...seed, date: "soon" }, "x", "b")),
    await readArticle(...storyData({ ...seed, lead: undefined, title: "" }, "x", "a")),
    await readArticle(...storyData({ ...seed, draft: true, lead: undefined }, "x", "c-draft")),
  ];
  const { stories, report } = collectArticles([good, ...bad], build);
  assert.deepEqual(stories.map(({ headline }) => headline), [seed.title]);
  assert.deepEqual(report.errors.map((problem) => formatProblem(problem).replace(`${folder}/`, "")), [
    "a.md:1: lead: missing (expected the standfirst: a sentence or two under the headline; only a story imported from an agency, with its wire record, may go without one) [WD120]",
    'a.md:2: title: empty (expected the headline) [WD121]',
    'b.md:4: date: "soon" is not a date (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z) [WD126]',
  ]);
  assert.deepEqual(report.warnings.map((problem) => formatProblem(problem).replace(`${folder}/`, "")), [
    "c-draft.md:1: lead: missing (expected the standfirst: a sentence or two under the headline; only a story imported from an agency, with its wire record, may go without one) [WD120]",
  ]);
});

test("the report names what is withheld and the next embargo to lift", async () => {
  const story = { ...seed, photo: undefined };
  const later = valid(await readArticle(...storyData({ ...story, date: "2013-09-12T10:00" }, "x", "later")));
  const sooner = valid(await readArticle(...storyData({ ...story, date: "2013-09-11T10:00" }, "x", "sooner")));
  const draft = valid(await readArticle(...storyData({ ...story, draft: true }, "x", "draft")));
  const { report } = collectArticles([later, sooner, draft], build);
  assert.deepEqual(report.withheld.map(({ url, state }) => [url, state]), [
    ["/news/2013/09/12/later.html", "embargoed"],
    ["/news/2013/09/11/sooner.html", "embargoed"],
    ["/news/2013/09/02/draft.html", "draft"],
  ]);
  assert.deepEqual(report.nextEmbargo, { file: sooner.file, at: "2013-09-11T10:00:00+04:00" });
  assert.equal(collectArticles([draft], build).report.nextEmbargo, undefined);
});

test("list items are numbered as an editor counts them, from 1", () => {
  assert.equal(formatProblem({ file: "a.md", line: 9, field: "corrections.0.date", message: "missing", code: "WD120" }), "a.md:9: corrections.1.date: missing [WD120]");
  assert.equal(formatProblem({ file: "a.md", line: 3, field: "tags.11", message: "empty", code: "WD121" }), "a.md:3: tags.12: empty [WD121]");
});

test("updates and corrections are read in the dateline's zone, never before the story", async () => {
  const view = valid(await readArticle(...storyData({
    ...seed,
    updated: "2013-09-03T09:15",
    corrections: [
      { date: "2013-09-04", text: "An earlier version misspelled Kaesong." },
      { date: "2013-09-03T10:00Z", text: "Lavrov spoke on Monday." },
    ],
  })));
  assert.equal(view.updated?.iso, "2013-09-03T09:15:00+04:00");
  assert.equal(view.updated?.display, "September 3, 2013, 09:15 MSK");
  assert.deepEqual(view.corrections.map(({ date, text }) => [date.iso, text]), [
    ["2013-09-03T14:00:00+04:00", "Lavrov spoke on Monday."],
    ["2013-09-04T00:00:00+04:00", "An earlier version misspelled Kaesong."],
  ]);
  const early = await readArticle(...storyData({ ...seed, updated: "2013-09-01", corrections: [{ date: "2013-08-30", text: "x" }, { text: "y" }] }));
  assert.deepEqual(problemsOf(early), [
    "corrections.1.date: missing (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z)",
    'updated: "2013-09-01" is before the story\'s date 2013-09-02 (expected a later date or time)',
    'corrections.0.date: "2013-08-30" is before the story\'s date 2013-09-02 (expected a later date or time)',
  ]);
});

test("drafts and stories dated after the build moment are left out of a build, shown in the dev server", async () => {
  const story = { ...seed, photo: undefined };
  const published = valid(await readArticle(...storyData(story, "x", "published")));
  const draft = valid(await readArticle(...storyData({ ...story, draft: true }, "x", "draft")));
  const embargoed = valid(await readArticle(...storyData({ ...story, date: "2013-09-10T04:00:01+04:00" }, "x", "embargoed")));
  const atMoment = valid(await readArticle(...storyData({ ...story, date: "2013-09-10T04:00+04:00" }, "x", "at-moment")));
  assert.deepEqual([published.state, draft.state, embargoed.state, atMoment.state], ["published", "draft", "embargoed", "published"]);
  const stories = [published, draft, embargoed, atMoment];
  assert.deepEqual(collectArticles(stories, build).stories.map(({ url }) => url), ["/news/2013/09/10/at-moment.html", "/news/2013/09/02/published.html"]);
  assert.equal(collectArticles(stories, { ...build, showUnpublished: true }).stories.length, 4);
});

/** Problems as the build prints them, with the story file's folder left out. */
function reportOf(result: ArticleResult): string[] {
  assert.equal(result.valid, false);
  return result.valid ? [] : result.problems.map((problem) => formatProblem(problem).replace(`${folder}/`, ""));
}

test("each problem points at the line its field is on; a missing one at line 1, a group's at the group", async () => {
  writeFileSync(join(folder, "lines.md"), "---\ntitle: A\ndatline: MOSCOW\ndate: 2013-09-02\nphoto:\n  src: photo.svg\n  alt: A\n  cerdit: C\n---\nText.\n\n![](photo.svg)\n");
  assert.deepEqual(reportOf(await readArticle(storyLocation(folder, "lines"), readContext(build, photos))), [
    "lines.md:3: datline: unknown field; did you mean dateline? [WD122]",
    "lines.md:8: photo.cerdit: unknown field; did you mean credit? [WD122]",
    "lines.md:1: lead: missing (expected the standfirst: a sentence or two under the headline; only a story imported from an agency, with its wire record, may go without one) [WD120]",
    "lines.md:1: dateline: missing (expected the place as printed, e.g. MOSCOW) [WD120]",
    "lines.md:5: photo.credit: missing (expected the credit as the agency gives it, e.g. Photo EPA/ITAR-TASS) [WD120]",
    "lines.md:12: body: image \"photo.svg\" has no alt text (expected ![what the image shows](photo.svg)) [WD135]",
  ]);
});

test("a file that cannot be read as a story reports why, at its line, and nothing else", async () => {
  const cases: [string, string | Uint8Array, string][] = [
    ["yaml.md", "---\ntitle: A\nlead: [B\n---\nText.\n", "yaml.md:3: lead: the [ opened here is never closed (expected a closing ] at the end of the list, on its line: lead: [B]) [WD111]"],
    ["latin1.md", Buffer.concat([Buffer.from("---\ntitle: A\n---\nCaf"), Buffer.from([0xe9]), Buffer.from("\n")]), "latin1.md:4: encoding: not UTF-8 text (expected the file saved as UTF-8) [WD103]"],
    ["js.md", "---js\n{ title: require('fs') }\n---\nText.\n", 'js.md:1: front matter: "js" front matter is not read (expected YAML, opened by a line of just ---) [WD105]'],
    ["huge.md", `---\ntitle: A\n---\n${"x".repeat(2048)}\n`, "huge.md:1: size: 2,066 bytes (expected at most 2,048 bytes: split the story, or check the import) [WD102]"],
  ];
  for (const [name, content, expected] of cases) {
    writeFileSync(join(folder, name), content);
    const context = readContext(build, photos);
    const report = reportOf(await readArticle(storyLocation(folder, name), { ...context, site: { ...context.site, maxStoryBytes: 2048 } }));
    assert.equal(report.length, 1, report.join("\n"));
    assert.ok(report[0]?.startsWith(expected), `${report[0]}\nexpected to start with\n${expected}`);
  }
});

test("an SVG that could run code is refused as the photo and in the text, at its line, naming what it holds", async () => {
  writeFileSync(join(folder, "chart.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" onload="alert(1)"><script>alert(2)</script></svg>');
  const body = "Moscow hopes.\n\n![The chart](chart.svg)\n";
  const expected = "(expected an SVG without scripts, event attributes, links to javascript:, foreignObject or outside references)";
  assert.deepEqual(reportOf(await readArticle(...storyData({ ...seed, photo: { ...seed.photo, src: "chart.svg" } }, body))), [
    `talks.md:8: photo.src: "chart.svg" holds an event attribute (onload on <svg>) and a <script> ${expected} [WD140]`,
    `talks.md:14: body: image "chart.svg" holds an event attribute (onload on <svg>) and a <script> ${expected} [WD137]`,
  ]);
});

test("Markdown images need alt text and a file of the story's own", async () => {
  const body = "Text ![A square](photo.svg) and\n![Remote](https://example.com/x.png)\n\n![Up](../x.png) ![Gone](gone.png)\n";
  assert.deepEqual(reportOf(await readArticle(...storyData({ ...seed, photo: undefined }, body))), [
    'talks.md:9: body: image "https://example.com/x.png" is not a file of the story\'s: pages show no images from elsewhere (expected a file next to the story (jpg, jpeg, png, webp, avif, gif, svg)) [WD137]',
    'talks.md:11: body: image "../x.png" is outside the story\'s folder (expected a file next to the story (jpg, jpeg, png, webp, avif, gif, svg)) [WD137]',
    `talks.md:11: body: image "gone.png" does not exist (expected a file at ${join(folder, "gone.png")}) [WD137]`,
  ]);
});

test("two stories on one URL, or showing one photo, are refused, each naming the other file", async () => {
  const first = await readArticle(...storyData(seed, "x", "talks"));
  const second = await readArticle(...storyData(seed, "x", "Talks"));
  assert.deepEqual(collectArticles([first, second], build).report.errors.map((problem) => formatProblem(problem).replaceAll(`${folder}/`, "")), [
    "Talks.md:1: url: publishes to news/2013/09/02/talks.html, as talks.md does: both names make that address on that day (expected one story per address: rename one of the two files) [WD150]",
    "Talks.md:8: photo.src: photo.svg is also shown by talks.md (expected an image of this story's own: give each story its folder) [WD151]",
  ]);
  // The same story filed the next day is a new address: a desk's daily slug never collides.
  const nextDay = await readArticle(...storyData({ ...seed, date: "2013-09-03", photo: undefined }, "x", "Talks"));
  assert.deepEqual(collectArticles([first, nextDay], build).report.errors, []);
});

test("a draft that clashes with a story that publishes is the draft's problem, never the desk's", async () => {
  const published = await readArticle(...storyData(seed, "x", "talks"));
  const draft = await readArticle(...storyData({ ...seed, draft: true }, "x", "a-draft"));
  const { report } = collectArticles([published, draft], build);
  assert.deepEqual(report.errors, []);
  assert.match(formatProblem(report.warnings[0]!), /a-draft\.md:8: photo\.src: .*photo\.svg is also shown by .*talks\.md/);
});

test("a date-only update or correction on the story's own day at the dateline is accepted", async () => {
  const late = { ...seed, dateline: "TOKYO", date: "2024-03-14T23:40", photo: undefined };
  const view = valid(await readArticle(...storyData({ ...late, updated: "2024-03-14", corrections: [{ date: "2024-03-14", text: "A name was misspelled." }] })));
  assert.equal(view.updated?.datetime, "2024-03-14");
  assert.deepEqual(view.corrections.map(({ date }) => date.datetime), ["2024-03-14"]);
  const early = await readArticle(...storyData({ ...late, updated: "2024-03-13", corrections: [{ date: "2024-03-14T23:39", text: "x" }] }));
  assert.deepEqual(problemsOf(early), [
    'updated: "2024-03-13" is before the story\'s date 2024-03-14T23:40 (expected a later date or time)',
    'corrections.0.date: "2024-03-14T23:39" is before the story\'s date 2024-03-14T23:40 (expected a later date or time)',
  ]);
});

test("dates are checked even when the dateline is missing or its place is unknown", async () => {
  const dated = { date: "2024-02-30", updated: "2024-13-01", corrections: [{ date: "soon", text: "x" }] };
  const expected = [
    'date: "2024-02-30" is not a real date (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z)',
    'updated: "2024-13-01" is not a real date (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z)',
    'corrections.0.date: "soon" is not a date (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z)',
  ];
  const missing = problemsOf(await readArticle(...storyData({ ...seed, ...dated, dateline: undefined })));
  assert.deepEqual(missing.filter((problem) => !problem.startsWith("dateline:")), expected);
  assert.match(missing.find((problem) => problem.startsWith("dateline:")) ?? "", /^dateline: missing/);
  const ambiguous = problemsOf(await readArticle(...storyData({ ...seed, ...dated, dateline: "VALENCIA" })));
  assert.match(ambiguous[0] ?? "", /^timezone: "VALENCIA" names more than one large city, in different time zones /);
  assert.deepEqual(ambiguous.slice(1), expected);
});

test("an HTML comment in the text, a note to the desk that the page would print, is refused at its line, closed or not", async () => {
  const body = "<!-- NOTE TO DESK: check the minister's quote with Ann before publishing -->\n\n**Update:** Ministers met <!-- which day? --> on Tuesday.\n\nThey talked.\n\n<!-- Cut:\n\nThe old third paragraph.\n";
  const advice = "(expected only the story's words: keep a note to the desk on a line starting with # in the front matter, which is not published; to print <!-- itself, write \\<!--) [WD167]";
  assert.deepEqual(reportOf(await readArticle(...storyData({ ...seed, photo: undefined }, body))), [
    `talks.md:8: body: "<!-- NOTE TO DESK: check the minister's quote with Ann…" is an HTML comment: a story's text hides none, so the page would print it for readers ${advice}`,
    `talks.md:10: body: "<!-- which day? -->" is an HTML comment: a story's text hides none, so the page would print it for readers ${advice}`,
    `talks.md:14: body: "<!-- Cut: The old third paragraph." opens an HTML comment never closed by -->: a story's text hides none, so the page would print it, and all the text after it, for readers ${advice}`,
  ]);
  // Shown on purpose: the characters escaped, as the import writes them, or as code.
  const shown = valid(await readArticle(...storyData({ ...seed, photo: undefined }, "Moscow hopes. Write \\<!-- or &lt;!-- or `<!-- -->` to open a comment.\n")));
  assert.match(shown.bodyHtml, /Write &lt;!-- or &lt;!-- or <code>&lt;!-- --&gt;<\/code> to open/);
});

test("a footnote, which Markdown alone would turn into a link or print as typed, is refused at its mark and at its note, with where its words go", async () => {
  const body = "The ministry said exports rose.[^1]\n\n[^1]: https://www.example.com/ministry-report\n\nA poll[^2] agreed.\n\n[^2]: Reuters poll of 40 economists taken over the week to Thursday\n";
  const mark = (label: string): string =>
    `body: "[^${label}]" marks a footnote, which a story's text cannot have: the page would print it as typed (expected the note in the sentence itself, or its source as a link on the words it backs: [the words](https://…); to print [^${label}] itself, write \\[^${label}]) [WD142]`;
  assert.deepEqual(reportOf(await readArticle(...storyData({ ...seed, photo: undefined }, body))), [
    `talks.md:8: ${mark("1")}`,
    `talks.md:10: body: "[^1]: https://www.example.com/ministry-report" is a footnote, which a story's text cannot have: the page would print it as typed (expected the address as a link on the words its mark [^1] follows: [the words](https://www.example.com/ministry-report), and this line taken out) [WD142]`,
    `talks.md:12: ${mark("2")}`,
    `talks.md:14: body: "[^2]: Reuters poll of 40 economists taken over the week to…" is a footnote, which a story's text cannot have: the page would print it as typed (expected its words in the sentence its mark [^2] follows, e.g. in parentheses, and this line taken out) [WD142]`,
  ]);
  // Shown on purpose: escaped, in code, or the text of a link the editor wrote.
  const shown = valid(await readArticle(...storyData({ ...seed, photo: undefined }, "Moscow hopes: \\[^1] and `[^2]: x` and [^3](https://example.com/).\n")));
  assert.match(shown.bodyHtml, /hopes: \[\^1\] and <code>\[\^2\]: x<\/code> and <a href="https:\/\/example\.com\/">\^3<\/a>\.<\/p>/);
});

test("headings in the text sit under the headline: ## first, one level deeper at a time", async () => {
  const body = "Moscow hopes.\n\n# Beside the headline\n\n## Reaction\n\n### From Seoul\n\n## Background\n\n#### Too deep\n\n##### Deeper still\n";
  assert.deepEqual(reportOf(await readArticle(...storyData({ ...seed, photo: undefined }, body))), [
    "talks.md:10: body: a # heading, which would stand beside the headline (expected ## for a heading in the story) [WD133]",
    "talks.md:18: body: a #### heading after a ## heading skips a level (expected at most ###) [WD134]",
  ]);
  assert.deepEqual(reportOf(await readArticle(...storyData({ ...seed, photo: undefined }, "### Straight in\n\nText.\n"))), [
    "talks.md:8: body: a ### heading after the headline skips a level (expected at most ##) [WD134]",
  ]);
});

test("every story of a folder is read, in file order, however many are read at once", async () => {
  const news = join(folder, "news");
  mkdirSync(join(news, "folder-story"), { recursive: true });
  const names = Array.from({ length: 20 }, (_, index) => `story-${String(index).padStart(2, "0")}.md`);
  for (const name of names) writeFileSync(join(news, name), `---\n${stringify({ ...seed, photo: undefined, title: name })}---\nText.\n`);
  writeFileSync(join(news, "folder-story", "index.md"), `---\n${stringify({ ...seed, photo: undefined, title: "In a folder" })}---\nText.\n`);
  const results = await readStories(news, folder, readContext(build, photos));
  assert.deepEqual(
    results.map((result) => (result.valid && result.state !== "withdrawn" ? `${result.headline} ${result.stem}` : "invalid")),
    ["In a folder /news/folder-story/index", ...names.map((name) => `${name} /news/${name.replace(/\.md$/, "")}`)],
  );
});

test("a story saved under another Markdown name is refused, naming the name to give it; other files are no story", async () => {
  const news = join(folder, "misnamed-news");
  mkdirSync(join(news, "bonds"), { recursive: true });
  writeFileSync(join(news, "Markets-close.MD"), `---\n${stringify({ ...seed, photo: undefined })}---\nText.\n`);
  writeFileSync(join(news, "bonds", "index.markdown"), `---\n${stringify({ ...seed, photo: undefined })}---\nText.\n`);
  writeFileSync(join(news, "bonds", "notes.txt"), "Not a story.\n");
  writeFileSync(join(news, "bonds", "index.wire-reuters-2.md.txt"), "An agency's newer version, waiting.\n");
  const results = await readStories(news, folder, readContext(build, photos));
  assert.deepEqual(
    results.flatMap((result) => (result.valid ? [] : result.problems.map(formatProblem))),
    [
      `${join(news, "Markets-close.MD")}:1: file: named ".MD", so it is no story and gets no page (expected a story file's name to end in .md: rename it Markets-close.md) [WD128]`,
      `${join(news, "bonds", "index.markdown")}:1: file: named ".markdown", so it is no story and gets no page (expected a story file's name to end in .md: rename it index.md) [WD128]`,
    ].sort(),
  );
});

test("editors' lock, swap and backup files beside a story are no story; a story file that is a broken link is still refused", async () => {
  const news = join(folder, "editors-news");
  mkdirSync(join(news, "bonds"), { recursive: true });
  mkdirSync(join(news, "talks"), { recursive: true });
  const text = `---\n${stringify({ ...seed, photo: undefined })}---\nText.\n`;
  writeFileSync(join(news, "hash.md"), text);
  writeFileSync(join(news, "bonds", "index.md"), text);
  writeFileSync(join(news, "bonds", "index.11tydata.json"), '{"by": ["Ann Smith"]}');
  writeFileSync(join(news, "talks", "index.md"), text);
  // Emacs's locks: links to nowhere, or small files where links cannot be made, beside a story, a data file and a misnamed story.
  symlinkSync("user@host.1234:1700000000", join(news, ".#hash.md"));
  symlinkSync("user@host.1234:1700000000", join(news, "bonds", ".#index.11tydata.json"));
  writeFileSync(join(news, "talks", ".#index.md"), "user@host.1234:1700000000");
  writeFileSync(join(news, ".#Markets.markdown"), "user@host.1234:1700000000");
  // Emacs's auto-save and backup, vim's swap files, nano's, Kate's and LibreOffice's.
  for (const name of ["#hash.md#", "hash.md~", ".hash.md.swp", ".hash.md.swo", ".hash.md.un~", ".hash.md.kate-swp", ".~lock.hash.md#", "hash.md.save"]) writeFileSync(join(news, name), text);
  // A story that is a link to nowhere is a story whose words are gone, which the editor must hear of.
  symlinkSync("nowhere.md", join(news, "gone.md"));
  const results = await readStories(news, folder, readContext(build, photos));
  assert.deepEqual(
    results.map((result) => `${result.file} ${result.valid ? "read" : result.problems.map(formatProblem).join(" ")}`),
    [
      `${join(news, "bonds", "index.md")} read`,
      `${join(news, "gone.md")} ${join(news, "gone.md")}:1: file: could not be read (ENOENT; expected a readable file) [WD100]`,
      `${join(news, "hash.md")} read`,
      `${join(news, "talks", "index.md")} read`,
    ],
  );
});

test("a data file no story reads, left behind by a move or a rename, or written in code, is refused: its fields would reach no page", async () => {
  const news = join(folder, "stray-data-news");
  mkdirSync(join(news, "markets"), { recursive: true });
  writeFileSync(join(news, "markets", "index.md"), `---\n${stringify({ ...seed, photo: undefined })}---\nText.\n`);
  writeFileSync(join(news, "markets.11tydata.json"), '{"corrections": [{"date": "2013-09-02T18:00", "text": "An earlier version misstated the index."}]}');
  writeFileSync(join(news, "markets", "markets.11tydata.json"), '{"lang": "ru"}');
  writeFileSync(join(news, "markets", "index.11tydata.js"), "export default { tags: ['Markets'] };");
  writeFileSync(join(news, "talks.md"), `---\n${stringify({ ...seed, photo: undefined, title: "Talks" })}---\nText.\n`);
  writeFileSync(join(news, "talks.11tydata.json"), '{"by": ["Ann Smith"]}');
  // Accents written as some Macs write them: the same name to a reader, not to the file system.
  writeFileSync(join(news, "cafe-mu\u0308ller.11tydata.json"), '{"by": ["Ann Smith"]}');
  writeFileSync(join(news, "cafe-m\u00fcller.md"), `---\n${stringify({ ...seed, photo: undefined, title: "Café" })}---\nText.\n`);
  const results = await readStories(news, folder, readContext(build, photos));
  assert.deepEqual(
    results.flatMap((result) => (result.valid ? [] : result.problems.map(formatProblem))).sort(),
    [
      `${join(news, "markets", "index.11tydata.js")}:1: file: a data file in code (.js), which the build never runs: its fields reach no page (expected the fields in the story, or in a JSON data file named as the story: index.11tydata.json) [WD129]`,
      `${join(news, "markets", "markets.11tydata.json")}:1: file: a data file beside no story: its fields reach no page (expected a story markets.md beside it: move the data file with its story and rename it as the story is named, or write its fields into the story) [WD129]`,
      `${join(news, "markets.11tydata.json")}:1: file: a data file beside no story: its fields reach no page (expected a story markets.md beside it: move the data file with its story and rename it as the story is named, or write its fields into the story) [WD129]`,
      `${join(news, "cafe-mu\u0308ller.11tydata.json")}:1: file: named as the story cafe-m\u00fcller.md is, but with its accents written another way (as some Macs write them), so no story reads it (expected the story's name typed again: rename it cafe-m\u00fcller.11tydata.json) [WD129]`,
    ].sort(),
  );
});

const withdrawal = {
  withdrawn: "2013-09-03T10:00:00+04:00",
  date: "2013-09-02T15:40",
  dateline: "MOSCOW",
  source: "Itar-Tass",
  wire: { id: "urn:newsml:itar-tass.com:20130902:5c3de7ae836f4562", version: "3", versionTime: "2013-09-03T10:00:00+04:00" },
};

test("a withdrawn story becomes the view of the notice at its address: who withdrew it and when, at the dateline", async () => {
  const result = await readArticle(...storyData(withdrawal, "", "withdrawn"));
  assert.deepEqual(result, {
    valid: true,
    url: "/news/2013/09/02/withdrawn.html",
    file: join(folder, "withdrawn.md"),
    stem: "/news/withdrawn",
    edition: "en",
    state: "withdrawn",
    source: "Itar-Tass",
    withdrawn: {
      datetime: "2013-09-03T10:00:00+04:00",
      display: "September 3, 2013, 10:00 MSK",
      iso: "2013-09-03T10:00:00+04:00",
      day: "2013-09-03",
      epochMs: Date.UTC(2013, 8, 3, 6),
      timeOfDay: "10:00 MSK",
    },
  });
  const { source: _, ...own } = withdrawal;
  const ownStory = await readArticle(...storyData(own, "\n\n", "own-withdrawn"));
  assert.ok(ownStory.valid && ownStory.state === "withdrawn" && ownStory.source === "Wire Desk", "the site withdrew its own story");
});

test("a withdrawn story keeps no text, its record's time is a date, and it may be withdrawn before its date, killed under embargo", async () => {
  const problems = reportOf(await readArticle(...storyData({ ...withdrawal, wire: { ...withdrawal.wire, versionTime: "yesterday" } }, "\nIts text, left behind.\n", "withdrawn")));
  assert.deepEqual(problems, [
    'withdrawn.md:9: wire.versionTime: "yesterday" is not a date (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z) [WD126]',
    "withdrawn.md:12: body: a withdrawn story keeps no text of the story (expected nothing after the front matter) [WD136]",
  ]);
  // The agency may have made its version before the newsroom dated the story.
  const early = await readArticle(...storyData({ ...withdrawal, wire: { ...withdrawal.wire, versionTime: "2013-09-01" } }, "", "withdrawn"));
  assert.ok(early.valid, JSON.stringify(early));
  // Killed by its agency before its embargo lifted, it is withdrawn, never published; its notice goes up only
  // from the story's date, as its address names its headline.
  const underEmbargo = await readArticle(...storyData({ ...withdrawal, withdrawn: "2013-09-02T15:00" }, "", "killed-early"));
  assert.ok(underEmbargo.valid && underEmbargo.state === "withdrawn", JSON.stringify(underEmbargo));
  const before = collectArticles([underEmbargo], { ...build, moment: "2013-09-02T11:00:00Z", epochMs: Date.parse("2013-09-02T11:00:00Z") });
  assert.deepEqual([before.withdrawn, before.report.withheld.map(({ state }) => state)], [[], ["embargoed"]]);
  const after = collectArticles([underEmbargo], { ...build, moment: "2013-09-02T12:00:00Z", epochMs: Date.parse("2013-09-02T12:00:00Z") });
  assert.deepEqual([after.withdrawn.map(({ file }) => file), after.report.withheld.map(({ state }) => state)], [[underEmbargo.file], ["withdrawn"]]);
  // The desk's own withdrawal dated before its story is a mistyped one.
  const handTyped = { withdrawn: "2012-09-03T10:00", date: withdrawal.date, dateline: withdrawal.dateline, source: withdrawal.source };
  assert.deepEqual(problemsOf(await readArticle(...storyData(handTyped, "", "typo"))), ['withdrawn: "2012-09-03T10:00" is before the story\'s date 2013-09-02T15:40 (expected a later date or time)']);
});

test("a withdrawn story leaves every list, is reported withheld, and keeps its address from any other story", async () => {
  const story = { ...seed, photo: undefined };
  const published = valid(await readArticle(...storyData(story, "x", "published")));
  const withdrawn = await readArticle(...storyData(withdrawal, "", "withdrawn"));
  const { stories, withdrawn: notices, report } = collectArticles([published, withdrawn], build);
  assert.deepEqual(stories.map(({ url }) => url), ["/news/2013/09/02/published.html"]);
  assert.deepEqual(notices.map(({ url }) => url), ["/news/2013/09/02/withdrawn.html"]);
  assert.deepEqual(report.withheld, [{ file: join(folder, "withdrawn.md"), url: "/news/2013/09/02/withdrawn.html", state: "withdrawn" }]);
  assert.deepEqual(report.errors, []);
  // A story saved under another name at the withdrawn one's address would take over its notice.
  const successor = await readArticle(...storyData(story, "x", "Withdrawn"));
  assert.deepEqual(collectArticles([withdrawn, successor], build).report.errors.map((problem) => formatProblem(problem).replaceAll(`${folder}/`, "")), [
    "Withdrawn.md:1: url: publishes to news/2013/09/02/withdrawn.html, as withdrawn.md does: both names make that address on that day (expected one story per address: rename one of the two files) [WD150]",
  ]);
});

test("a narrow photo is published with a warning in the report that stops nothing; a draft's is not reported", async () => {
  await sharp({ create: { width: 900, height: 600, channels: 3, background: "#47698c" } }).jpeg().toFile(join(folder, "narrow.jpg"));
  const photo = { src: "narrow.jpg", alt: "A narrow photo", credit: "Photo AP" };
  const story = valid(await readArticle(...storyData({ ...seed, photo }, "x", "narrow")));
  assert.equal(story.photo?.width, 900);
  const warning = `narrow.md:8: photo.src: "narrow.jpg" is 900 px wide, published at 320, 640 and 900 px (a photo of at least 1280 px stays sharp on 2x screens) [WD141]`;
  assert.deepEqual(story.notices.map((problem) => formatProblem(problem).replace(`${folder}/`, "")), [warning]);
  const draft = valid(await readArticle(...storyData({ ...seed, photo, draft: true, title: "Draft" }, "x", "narrow-draft")));
  const { report } = collectArticles([story, draft], build);
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.notices.map((problem) => formatProblem(problem).replace(`${folder}/`, "")), [warning]);
});

const russian = { ...seed, photo: undefined, title: "Москва надеется", dateline: "МОСКВА", timezone: "Europe/Moscow", source: "ИТАР-ТАСС", lang: "ru" };

test("a story with lang: ru is the Russian edition's: its address, dates, dateline and topics", async () => {
  const view = valid(await readArticle(...storyData({ ...russian, date: "2013-03-07T23:30Z", tags: ["Дипломатия"], updated: "2013-03-08T10:00" }, "Москва надеется.\n", "moskva")));
  assert.equal(view.edition, "ru");
  assert.equal(view.lang, undefined, "a story in its edition's language needs no lang of its own");
  // 23:30 UTC on March 7 is March 8 in Moscow: the address, the dates and the dateline all say so.
  assert.equal(view.url, "/ru/news/2013/03/08/moskva.html");
  assert.deepEqual(view.archive, { year: "/ru/archive/2013/", month: "/ru/archive/2013/03/", day: "/ru/archive/2013/03/08/" });
  assert.equal(view.published.display, "8 марта 2013 г., 03:30 MSK");
  assert.equal(view.updated?.display, "8 марта 2013 г., 10:00 MSK");
  assert.equal(view.dateline, "МОСКВА, 8 марта. /ИТАР-ТАСС/.");
  assert.equal(view.bodyHtml, '<p><span class="dateline"><span>МОСКВА,</span> <span>8 марта.</span> <span>/ИТАР-ТАСС/.</span></span> Москва надеется.</p>\n');
  assert.deepEqual(view.topics.map(({ slug, url }) => [slug, url]), [["diplomatiya", "/ru/topics/diplomatiya/"]]);
  // A language with no edition keeps its meaning: a story of the default edition in that language.
  const arabic = valid(await readArticle(...storyData({ ...seed, photo: undefined, lang: "ar", dir: "rtl" }, "x", "arabic")));
  assert.deepEqual([arabic.edition, arabic.lang, arabic.dir, arabic.url], ["en", "ar", "rtl", "/news/2013/09/02/arabic.html"]);
});

test("a translation names a story of another edition, and a story has one translation per edition", async () => {
  const original = valid(await readArticle(...storyData({ ...seed, photo: undefined }, "x", "original")));
  const translation = valid(await readArticle(...storyData({ ...russian, translationOf: "original.md" }, "x", "perevod")));
  assert.deepEqual(translation.translationOf, { stem: "/news/original", path: "original.md", line: 9 });
  assert.deepEqual(collectArticles([original, translation], build).report.errors, []);

  const second = valid(await readArticle(...storyData({ ...russian, translationOf: "./original.md" }, "x", "vtoroy")));
  const nowhere = valid(await readArticle(...storyData({ ...russian, translationOf: "missing/index.md" }, "x", "nigde")));
  const sameEdition = valid(await readArticle(...storyData({ ...seed, photo: undefined, translationOf: "original.md" }, "x", "copy")));
  const report = (results: ArticleResult[]) => collectArticles(results, build).report.errors.map((problem) => formatProblem(problem).replaceAll(`${folder}/`, ""));
  assert.deepEqual(report([original, translation, second, nowhere, sameEdition]), [
    `copy.md:7: translationOf: names original.md, a story of this story's own edition (en) (expected a story of another edition: a translation is in another language) [WD153]`,
    `nigde.md:9: translationOf: names "missing/index.md", which is not a story (expected the original story's file under src/news/, e.g. moscow-denuclearization-talks/index.md) [WD152]`,
    `vtoroy.md:9: translationOf: translates original.md into ru, as perevod.md does (expected one translation of a story into each edition) [WD154]`,
  ]);
  // A second translation filed after the first is the one told, though its file's name comes first.
  const later = valid(await readArticle(...storyData({ ...russian, date: "2013-09-03", translationOf: "original.md" }, "x", "a-later")));
  assert.deepEqual(report([original, translation, later]), [
    `a-later.md:9: translationOf: translates original.md into ru, as perevod.md does (expected one translation of a story into each edition) [WD154]`,
  ]);
  // A translation of the translation back into the original's edition, which has its story.
  const back = valid(await readArticle(...storyData({ ...seed, photo: undefined, translationOf: "perevod.md" }, "x", "a-back-translation")));
  assert.deepEqual(report([original, translation, back]), [
    `a-back-translation.md:7: translationOf: translates original.md back into en, its own edition, through perevod.md (expected one translation of a story into each other edition) [WD154]`,
  ]);
  // Two stories naming each other: neither is the original, and both are told.
  const mutualEn = valid(await readArticle(...storyData({ ...seed, photo: undefined, translationOf: "mutual-ru.md" }, "x", "mutual-en")));
  const mutualRu = valid(await readArticle(...storyData({ ...russian, translationOf: "mutual-en.md" }, "x", "mutual-ru")));
  assert.deepEqual(report([mutualEn, mutualRu]), [
    `mutual-en.md:7: translationOf: names mutual-ru.md, which names this story back as its original (expected translationOf in the translation only: remove it from the original) [WD163]`,
    `mutual-ru.md:9: translationOf: names mutual-en.md, which names this story back as its original (expected translationOf in the translation only: remove it from the original) [WD163]`,
  ]);
  // A kill covers the story in every language: its translation, and a translation of that, are kept off the site as
  // drafts are, each told with a warning; the build goes on, so the kill itself goes out.
  const killed = await readArticle(...storyData(withdrawal, "", "original"));
  const translated = valid(await readArticle(...storyData({ ...russian, translationOf: "original.md" }, "x", "perevod")));
  const onward = { ...translated, file: join(folder, "arabic.md"), url: "/ar/news/arabic.html", stem: "/news/arabic", edition: "ar", translationOf: { stem: "/news/perevod", path: "perevod.md", line: 9 } };
  const collected = collectArticles([killed, translated, onward], build);
  assert.deepEqual(collected.report.errors, []);
  const killedTranslation = "translationOf: translates original.md, which was withdrawn, so it is kept off the site as a draft is (expected this translation withdrawn too: its fields replaced by withdrawn, date, dateline and source, as the original's are) [WD164]";
  assert.deepEqual(collected.report.warnings.map((problem) => formatProblem(problem).replaceAll(`${folder}/`, "")), [`arabic.md:9: ${killedTranslation}`, `perevod.md:9: ${killedTranslation}`]);
  assert.deepEqual(collected.stories, [], "neither translation is published");
  assert.deepEqual(collected.withdrawn.map(({ file }) => file), [killed.file], "the kill goes out");
  assert.deepEqual(collected.report.withheld.map(({ url, state }) => [url, state]).sort(), [["/ar/news/arabic.html", "draft"], ["/news/2013/09/02/original.html", "withdrawn"], ["/ru/news/2013/09/02/perevod.html", "draft"]]);
  // A translation into an edition the chain has already: the one further from the original is told, whatever its file's name.
  const arabic = { ...translation, file: join(folder, "arabic.md"), url: "/ar/news/arabic.html", stem: "/news/arabic", edition: "ar", translationOf: { stem: "/news/perevod", path: "perevod.md", line: 9 } };
  const again = { ...translation, file: join(folder, "a-again.md"), url: "/ru/news/a-again.html", stem: "/news/a-again", translationOf: { stem: "/news/arabic", path: "arabic.md", line: 9 } };
  assert.deepEqual(report([original, translation, arabic, again]), [
    `a-again.md:9: translationOf: translates original.md into ru, as perevod.md does (expected one translation of a story into each edition) [WD154]`,
  ]);
  assert.deepEqual(problemsOf(await readArticle(...storyData({ ...russian, translationOf: "../elsewhere.md" }, "x", "bad"))), [
    'translationOf: "../elsewhere.md" is not a story file\'s path (expected the original story\'s file under src/news/, e.g. moscow-denuclearization-talks/index.md)',
  ]);
});

test("the byline: its authors, each linked to their page, in the edition's words", async () => {
  const two = valid(await readArticle(...storyData({ ...seed, photo: undefined, by: ["Ann  Smith", "Bo Li"] }, "Moscow hopes.\n", "bylined")));
  // Where the byline is written, for a problem it makes with another story's (see pageClashes); no topics, no place for them.
  assert.deepEqual(two.fieldPlaces, { by: { file: two.file, line: 7 } });
  assert.deepEqual(two.authors, [
    { name: "Ann Smith", author: "Ann Smith", slug: "ann-smith", url: "/authors/ann-smith/" },
    { name: "Bo Li", author: "Bo Li", slug: "bo-li", url: "/authors/bo-li/" },
  ]);
  assert.deepEqual(two.byline, [
    { text: "By " },
    { text: "Ann Smith", url: "/authors/ann-smith/" },
    { text: " and " },
    { text: "Bo Li", url: "/authors/bo-li/" },
  ]);
  const three = valid(await readArticle(...storyData({ ...seed, photo: undefined, by: ["Ann Smith", "Bo Li", "Cy Wu"] }, "Moscow hopes.\n", "three")));
  assert.equal(three.byline.map(({ text }) => text).join(""), "By Ann Smith, Bo Li, and Cy Wu");
  const one = valid(await readArticle(...storyData({ ...russian, by: "Анна Смирнова" }, "Москва надеется.\n", "odin")));
  assert.deepEqual(one.byline, [{ text: "Автор: " }, { text: "Анна Смирнова", url: "/ru/authors/anna-smirnova/" }]);
  const many = valid(await readArticle(...storyData({ ...russian, by: ["Анна Смирнова", "Bo Li"] }, "Москва надеется.\n", "dva")));
  assert.equal(many.byline.map(({ text }) => text).join(""), "Авторы: Анна Смирнова и Bo Li");
  assert.deepEqual(valid(await readArticle(...storyData({ ...seed, photo: undefined }, "Moscow hopes.\n", "unsigned"))).byline, [], "no by, no byline: the dateline credits the agency");
});

test("a name the settings give another spelling of is that author: its page, its settings name", async () => {
  const [location, context] = storyData({ ...seed, photo: undefined, by: ["a. smith"] }, "Moscow hopes.\n", "spelt");
  const listed = { ...context, site: { ...context.site, authors: [{ name: "Ann Smith", also: ["A. Smith"] }] } };
  const view = valid(await readArticle(location, listed));
  assert.deepEqual(view.authors, [{ name: "a. smith", author: "Ann Smith", slug: "ann-smith", url: "/authors/ann-smith/" }]);
  assert.deepEqual(view.byline[1], { text: "a. smith", url: "/authors/ann-smith/" }, "the byline prints the name as the story writes it");
  // Without the settings' entry, the two spellings are two authors.
  assert.equal(valid(await readArticle(location, context)).authors[0]?.url, "/authors/a-smith/");
  const twice = await readArticle(...storyData({ ...seed, photo: undefined, by: ["Ann Smith", "A. Smith"] }, "Moscow hopes.\n", "twice"));
  assert.equal(twice.valid, true, "two spellings no entry joins are two authors");
  const joined = await readArticle(storyLocation(folder, "twice"), listed);
  assert.deepEqual(joined.valid ? [] : joined.problems.map(({ line, field, code, message }) => [line, field, code, message]), [
    [9, "by.1", "WD157", '"A. Smith" is Ann Smith, named already as "Ann Smith": the settings\' authors give both spellings to one author (expected each author once: remove one)'],
  ]);
});

test("a byline's bad names are problems at their lines: empty, no address, named twice, not a name", async () => {
  const bad = await readArticle(...storyData({ ...seed, photo: undefined, by: ["Ann Smith", "🔥", "", "Ann Smith", 3] }, "Moscow hopes.\n", "badby"));
  assert.deepEqual(bad.valid ? [] : bad.problems.map(({ line, field, code, message }) => [line, field, code, message]), [
    [10, "by.2", "WD121", "empty (expected an author's name as the byline prints it, e.g. Ann Smith)"],
    [12, "by.4", "WD121", "got the number 3, as YAML reads it unquoted: put it in quotes (expected an author's name as the byline prints it, e.g. Ann Smith)"],
    [9, "by.1", "WD156", '"🔥" makes no author page: nothing in it can be spelled in ASCII letters or digits (expected a person\'s name, e.g. Ann Smith)'],
    [11, "by.3", "WD157", '"Ann Smith" is named twice (expected each author once: remove one)'],
  ]);
  assert.deepEqual(problemsOf(await readArticle(...storyData({ ...seed, photo: undefined, by: [] }, "x", "emptyby"))), ["by: an empty list (expected one name or more, or no by field)"]);
  assert.deepEqual(problemsOf(await readArticle(...storyData({ ...seed, photo: undefined, by: { name: "Ann" } }, "x", "groupby"))), [
    "by: got a group of fields (expected one name, e.g. by: Ann Smith, or a list of names, e.g. by: [Ann Smith, Bo Li])",
  ]);
});

test("a topic with nothing to spell an address from is refused at its line, as a byline name is", async () => {
  const bad = await readArticle(...storyData({ ...seed, photo: undefined, tags: ["Heat", "🔥", "Жара"] }, "Moscow hopes.\n", "emoji-topic"));
  assert.deepEqual(bad.valid ? [] : bad.problems.map(({ field, code, message }) => [field, code, message]), [
    ["tags.1", "WD161", '"🔥" makes no topic page: nothing in it can be spelled in ASCII letters or digits (expected a topic\'s name in words, e.g. Diplomacy)'],
  ]);
});

test("a story's photo carries its rights, the settings' for its credit's agency where the story gives none, in its view and in every file published", async () => {
  await sharp({ create: { width: 900, height: 600, channels: 3, background: "#6a7b8c" } }).jpeg().toFile(join(folder, "rights.jpg"));
  const processor = new PhotoProcessor(new CacheStore(join(folder, "rights-cache")));
  processor.startBuild();
  const [location, context] = writeStory({
    folder,
    slug: "rights",
    fields: { ...seed, photo: { src: "rights.jpg", alt: "Lavrov at a lectern", credit: "Photo EPA/ITAR-TASS", creator: "Ivan Ivanov" } },
    body: "Moscow hopes.\n",
    build,
    photos: processor,
  });
  const tassRights = { copyright: "© TASS", license: "https://tass.com/terms", licensePage: "https://photo.tass.ru/" };
  const agencies = [{ name: "TASS", also: ["Itar-Tass", "ITAR-TASS"], photoRights: tassRights }];
  const view = valid(await readArticle(location, { ...context, site: { ...context.site, agencies } }));
  const { photo } = view;
  assert.ok(photo);
  assert.deepEqual(
    { credit: photo.credit, creator: photo.creator, agency: photo.agency, copyright: photo.copyright, license: photo.license, licensePage: photo.licensePage },
    { credit: "Photo EPA/ITAR-TASS", creator: "Ivan Ivanov", agency: "TASS", ...tassRights },
  );
  const site = join(folder, "rights-site");
  await processor.publish(site, [location.file]);
  const published = join(site, "assets", "photos");
  const files = readdirSync(published);
  assert.equal(files.length, 6, "AVIF and JPEG at 320, 640 and 900 px");
  for (const name of files) {
    assert.deepEqual(await readEmbeddedPhotoWords(readFileSync(join(published, name))), { credit: "Photo EPA/ITAR-TASS", alt: "Lavrov at a lectern", creator: "Ivan Ivanov", ...tassRights }, name);
  }
});

test("a story that runs without the agency's photo keeps its credit as text; beside a photo of its own the credit is refused", async () => {
  const view = valid(await readArticle(...storyData({ ...seed, photo: undefined, photoCredit: "Photo EPA/ITAR-TASS" }, "Moscow hopes.\n", "credit-only")));
  assert.equal(view.photoCredit, "Photo EPA/ITAR-TASS");
  assert.equal(view.photo, undefined);
  const both = await readArticle(...storyData({ ...seed, photoCredit: "Photo EPA/ITAR-TASS" }, "Moscow hopes.\n", "credit-twice"));
  assert.deepEqual(both.valid ? [] : both.problems.map(({ field, code, message }) => [field, code, message]), [
    ["photoCredit", "WD160", "a story with a photo gives its credit as photo.credit (expected photoCredit only on a story that runs without its photo: remove one)"],
  ]);
});

test("a story out now whose update or correction is dated still to come is refused at that line; under embargo, one dated after the embargo lifts", async () => {
  // The build's moment here is 2013-09-10.
  const future = { ...seed, photo: undefined, updated: "2014-09-03T10:00", corrections: [{ date: "2013-09-05T15:00", text: "An earlier version misspelt a name." }] };
  const result = await readArticle(...storyData(future, "Moscow hopes.\n", "future-update"));
  assert.deepEqual(result.valid ? [] : result.problems.map(({ field, code, message }) => [field, code, message]), [
    ["updated", "WD162", '"2014-09-03T10:00" is still to come (expected a time that has passed: the story is out now, and this has not happened yet)'],
  ]);
  // Within an hour of the build, as an agency's clock may run ahead, is no mistake.
  assert.equal((await readArticle(...storyData({ ...future, updated: "2013-09-10T04:30+04:00" }, "Moscow hopes.\n", "soon-update"))).valid, true);
  // Under embargo, an update by the time the embargo lifts has passed when the story goes out; one after it would
  // stop the build that publishes the story, so it is refused now, while the desk can still fix it.
  assert.equal((await readArticle(...storyData({ ...future, date: "2014-09-03T09:30", corrections: undefined }, "Moscow hopes.\n", "future-story"))).valid, true);
  const afterLift = await readArticle(...storyData({ ...future, date: "2014-09-01T10:00", corrections: undefined }, "Moscow hopes.\n", "after-lift"));
  assert.deepEqual(afterLift.valid ? [] : afterLift.problems.map(({ field, code, message }) => [field, code, message]), [
    ["updated", "WD162", '"2014-09-03T10:00" is after the embargo lifts at 2014-09-01T10:00:00+04:00 (expected a time no later than the story\'s date: the build that publishes the story would refuse a time still to come, and the story would not go out)'],
  ]);
  // A withdrawal notice out now says when the story was withdrawn: a time still to come is a mistyped one.
  const withdrawnLater = await readArticle(...storyData({ withdrawn: "2014-09-03T10:00", date: "2013-09-02T15:40", dateline: "MOSCOW", source: "Itar-Tass" }, "", "future-withdrawal"));
  assert.deepEqual(withdrawnLater.valid ? [] : withdrawnLater.problems.map(({ field, code }) => [field, code]), [["withdrawn", "WD162"]]);
});
