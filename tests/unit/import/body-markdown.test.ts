import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { htmlBodyToMarkdown, isBylineLine, isSlugLine, textBodyToMarkdown } from "../../../src/lib/import/body-markdown.ts";
import { createMarkdown } from "../../../src/lib/story/markdown.ts";
import { inspectBody } from "../../../src/lib/story/story-body.ts";
import { AGENCIES } from "../../support/agencies.ts";

const md = createMarkdown();
const render = (markdown: string): string => md.render(markdown);
const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** What no page may carry from an agency body: looked for in the rendered tags, since text may well mention it. */
function assertSafe(html: string): void {
  for (const [tag, name = "", attributes = ""] of html.matchAll(/<([a-z][a-z0-9]*)([^>]*)>/gi)) {
    assert.doesNotMatch(name, /^(?:script|style|iframe|object|embed|form|img|svg)$/i, tag);
    assert.doesNotMatch(attributes, /\s(?:on[a-z]+|style|src)\s*=/i, tag);
    for (const [, url = ""] of attributes.matchAll(/href="([^"]*)"/g)) assert.match(url, /^(?:https?:|mailto:|[^:]*$)/i, tag);
  }
}

test("drops scripts, styles, embeds, forms, pictures, event attributes and unsafe links, keeping the story's words", () => {
  const html = [
    `<script>alert(1)</script><style>p { color: red }</style>`,
    `<p onclick="alert(1)" style="color:red">Talks <img src="x.jpg" onerror="alert(1)" alt="x"> may resume.</p>`,
    `<p><a href="javascript:alert(1)">one</a>, <a href=" java&#x09;script:alert(1)">two</a>, <a href="JaVaScRiPt:alert(1)">three</a>,`,
    ` <a href="data:text/html;base64,PHNjcmlwdD4=">four</a>, <a href="vbscript:msgbox(1)">five</a>, <a href="jav&#x0A;ascript:alert(1)">six</a>.</p>`,
    `<iframe src="https://example.com/embed">frame text</iframe><object data="x.swf">object text</object>`,
    `<form action="https://example.com"><p>Sign up</p><input name="email"></form>`,
    `<figure><img src="photo.jpg" alt="Lavrov"><figcaption>Lavrov speaks</figcaption></figure>`,
    `<p>Read <a href="https://example.com/story" onmouseover="alert(1)">more</a> or <a href="mailto:desk@example.com">write</a>.</p>`,
  ].join("");
  const { markdown, pictureCaptions } = htmlBodyToMarkdown(html, {});
  assert.equal(
    markdown,
    ["Talks may resume.", "one, two, three, four, five, six.", "Read [more](https://example.com/story) or [write](mailto:desk@example.com)."].join("\n\n"),
  );
  assert.deepEqual(pictureCaptions, ["Lavrov speaks"], "a picture's caption goes with it, named");
  assertSafe(render(markdown));
  assert.deepEqual(inspectBody(markdown, undefined), []);
});

test("forms, formulas and drawings go with their words, each kind named once with the words it held", () => {
  const html = [
    `<p>Fares rise.</p><form action="/tip"><label>Your name</label><textarea>Tell us</textarea><button>Send tip</button></form>`,
    `<p>The area is <math><mi>r</mi><mo>=</mo><mn>2</mn></math> wide.</p><svg><text>Fares 2025</text></svg><canvas>Chart of fares</canvas>`,
    `<button>Vote</button><button>Share</button>`,
  ].join("");
  const { markdown, removed } = htmlBodyToMarkdown(html, {});
  assert.equal(markdown, "Fares rise.\n\nThe area is wide.");
  assert.deepEqual(removed, [
    { kind: "element", name: "<form>", count: 1, sources: ["Your name Tell us Send tip"] },
    { kind: "element", name: "<math>", count: 1, sources: ["r = 2"] },
    { kind: "element", name: "<svg>", count: 1, sources: ["Fares 2025"] },
    { kind: "element", name: "<canvas>", count: 1, sources: ["Chart of fares"] },
    { kind: "element", name: "<button>", count: 2, sources: ["Vote", "Share"] },
  ]);
});

test("embedded media, code and unsafe links taken out are each named once a kind, with where they pointed", () => {
  const html = [
    `<p onclick="go()">Talks resumed.</p><iframe src="https://video.example/embed/1"></iframe><iframe src="https://video.example/embed/2"></iframe>`,
    `<video controls><source src="clip.mp4" type="video/mp4"><source src="clip.webm">Your browser cannot play it.</video><object data="chart.swf"></object>`,
    `<script src="https://ads.example/tag.js"></script><script>alert(1)</script>`,
    `<p>Click <a href="javascript:alert(1)">here</a>, <a href=" java&#x09;script:alert(2)">there</a> or <a href="https://example.com/a">read</a>.</p>`,
  ].join("");
  const { markdown, removed } = htmlBodyToMarkdown(html, {});
  assert.equal(markdown, "Talks resumed.\n\nClick here, there or [read](https://example.com/a).");
  assert.deepEqual(removed, [
    { kind: "code", name: "onclick", count: 1, sources: [] },
    { kind: "embed", name: "<iframe>", count: 2, sources: ["https://video.example/embed/1", "https://video.example/embed/2"] },
    { kind: "embed", name: "<video>", count: 1, sources: ["clip.mp4", "clip.webm"] },
    { kind: "embed", name: "<object>", count: 1, sources: ["chart.swf"] },
    { kind: "code", name: "<script>", count: 2, sources: ["https://ads.example/tag.js"] },
    { kind: "unsafe link", name: "javascript:", count: 2, sources: ["javascript:alert(1)", "java\tscript:alert(2)"] },
  ]);
  assert.equal(htmlBodyToMarkdown("<p>Only <a href=\"https://example.com\">words</a>.</p>", {}).removed, undefined, "nothing taken out, nothing to name");
});

test("a figure of a table or a quote keeps its words and caption; a picture's caption goes with the picture and is named", () => {
  const html = [
    "<p>Labour won 31 of the 60 seats.</p>",
    '<figure class="wp-block-table"><table><tr><th>Party</th><th>Seats</th></tr><tr><td>Labour</td><td>31</td></tr></table><figcaption>Seats won, by party</figcaption></figure>',
    '<figure class="wp-block-pullquote"><blockquote><p>A turning point for the city.</p><cite>Council leader Jane Roe</cite></blockquote></figure>',
    '<figure><picture><img src="queue.jpg" alt=""></picture><figcaption>Voters  queue in Leeds.</figcaption></figure>',
  ].join("");
  const { markdown, pictureCaptions } = htmlBodyToMarkdown(html, {});
  assert.equal(markdown, "Labour won 31 of the 60 seats.\n\n| Party | Seats |\n| --- | --- |\n| Labour | 31 |\n\nSeats won, by party\n\n> A turning point for the city.\n> \n> Council leader Jane Roe");
  assert.deepEqual(pictureCaptions, ["Voters queue in Leeds."]);
});

test("a picture with no caption goes, named by its alt text; one captioned is named by its caption alone", () => {
  const html = [
    '<p>Rates rose.</p><p><img src="chart.png" alt="Chart of  rates"></p><p><img src="rule.png" alt=""></p>',
    '<figure><img src="queue.jpg" alt="A queue"><figcaption>Voters queue in Leeds.</figcaption></figure>',
    '<figure><img src="map.png" alt="Map of the city"></figure>',
  ].join("");
  const { markdown, pictureCaptions, pictureAlts } = htmlBodyToMarkdown(html, {});
  assert.equal(markdown, "Rates rose.");
  assert.deepEqual(pictureCaptions, ["Voters queue in Leeds."]);
  assert.deepEqual(pictureAlts, ["Chart of rates", "Map of the city"]);
});

test("markup typed as text stays text, never markup, in the page", () => {
  const { markdown } = htmlBodyToMarkdown(`<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) &lt;javascript:alert(1)&gt;</p>`, {});
  const html = render(markdown);
  assertSafe(html);
  assert.equal(html, "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) &lt;javascript:alert(1)&gt;</p>\n");
});

test("shifts headings so the first is ## and none skips a level", () => {
  const { markdown } = htmlBodyToMarkdown("<h1>A</h1><p>a</p><h3>B</h3><p>b</p><h6>C</h6><h5>D</h5><h2>E</h2><h4>F</h4><h3>G</h3><h1>H</h1>", {});
  const levels = [...markdown.matchAll(/^(#+) (\w)$/gm)].map(([, marks, name]) => `${name}${marks?.length}`);
  assert.deepEqual(levels, ["A2", "B3", "C4", "D4", "E3", "F4", "G4", "H2"]);
  assert.deepEqual(inspectBody(markdown, undefined), []);
});

test("keeps nested formatting once, and decodes entities to characters", () => {
  const { markdown } = htmlBodyToMarkdown("<p><b><i>both</i></b> <b>bold <b>twice</b></b> <em>lean <strong>mixed</strong></em> AT&amp;T &eacute;t&eacute; &#8212; a&nbsp;b</p>", {});
  assert.equal(markdown, "***both*** **bold twice** *lean **mixed*** AT&T été — a\u00a0b");
  assert.equal(render(markdown), "<p><em><strong>both</strong></em> <strong>bold twice</strong> <em>lean <strong>mixed</strong></em> AT&amp;T été — a\u00a0b</p>\n");
});

test("keeps lists, quotes, line breaks and simple tables", () => {
  const html = [
    "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol><blockquote><p>Quoted.</p></blockquote><p>line<br>break</p>",
    "<table><caption>Results</caption><tr><th>Team</th><th>Score</th></tr><tr><td>A | B</td><td>1</td></tr></table>",
    "<div>Loose</div><div>divisions</div>",
  ].join("");
  const { markdown } = htmlBodyToMarkdown(html, {});
  assert.equal(
    render(markdown),
    [
      "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n</ol>\n<blockquote>\n<p>Quoted.</p>\n</blockquote>\n<p>line<br>\nbreak</p>\n",
      "<p>Results</p>\n<div class=\"table-scroll\" tabindex=\"0\"><table>\n<thead>\n<tr>\n<th>Team</th>\n<th>Score</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>A | B</td>\n<td>1</td>\n</tr>\n</tbody>\n</table></div>\n",
      "<p>Loose</p>\n<p>divisions</p>\n",
    ].join(""),
  );
});

test("a statistics table's one-cell title rows are paragraphs above it, and its header is as wide as the table", () => {
  const html = "<table><tbody><tr><th>TOP TEN</th></tr><tr><th>NATIONAL LEAGUE</th></tr><tr><th></th><th>G</th><th>Pct.</th></tr><tr><td>Doe NYM</td><td>72</td><td>.351</td></tr></tbody></table>";
  assert.equal(
    render(htmlBodyToMarkdown(html, {}).markdown),
    "<p><strong>TOP TEN</strong></p>\n<p><strong>NATIONAL LEAGUE</strong></p>\n<div class=\"table-scroll\" tabindex=\"0\"><table>\n<thead>\n<tr>\n<th></th>\n<th>G</th>\n<th>Pct.</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Doe NYM</td>\n<td>72</td>\n<td>.351</td>\n</tr>\n</tbody>\n</table></div>\n",
  );
  // A header row narrower than a later row is widened, so the rows still read as a table.
  const narrowHeader = "<table><tr><th>Team</th><th>Score</th></tr><tr><td>A</td><td>1</td><td>won</td></tr></table>";
  assert.match(render(htmlBodyToMarkdown(narrowHeader, {}).markdown), /^<div class=\"table-scroll\" tabindex=\"0\"><table>\n<thead>\n<tr>\n<th>Team<\/th>\n<th>Score<\/th>\n<th><\/th>\n<\/tr>\n<\/thead>\n<tbody>\n<tr>\n<td>A<\/td>\n<td>1<\/td>\n<td>won<\/td>/);
});

test("takes off the slug, the byline, the item's dateline and the end-of-item chrome", () => {
  const html = [
    "<p>BC-Russia-Korea,0450</p><p>By Jane Doe, Reuters</p>",
    "<p>MOSCOW, Sept 2 (Reuters) - Russia hopes <a href='https://example.com'>talks</a> resume.</p>",
    "<p>Lavrov spoke on Monday.</p>",
    "<p>(Reporting by Jane Doe; Editing by John Roe)</p><p>-0-</p>",
  ].join("");
  const taken = htmlBodyToMarkdown(html, { source: "Reuters" });
  assert.equal(taken.markdown, "Russia hopes [talks](https://example.com) resume.\n\nLavrov spoke on Monday.");
  assert.deepEqual(taken.dateline, { place: "MOSCOW", agency: "Reuters", month: 9, day: 2 });
  assert.deepEqual(taken.trailers, ["(Reporting by Jane Doe; Editing by John Roe)", "-0-"], "each line taken off the end is named, in the text's order");
  assert.deepEqual(inspectBody(taken.markdown, "MOSCOW"), []);

  // Another agency's dateline is story text, kept as typed (and the checks then report it).
  const kept = htmlBodyToMarkdown("<p>MOSCOW, September 2 (Itar-Tass) - Moscow hopes.</p>", { source: "Reuters" });
  assert.equal(kept.markdown, "MOSCOW, September 2 (Itar-Tass) - Moscow hopes.");
  assert.equal(kept.dateline, undefined);
});

test("takes off the editors' initials closing a story, as AFP, AAP and dpa sign it, and nothing shaped otherwise", () => {
  for (const initials of ["hh/ph/ts/hd", "bur-ach/jm", "AAP RTV ar", "AAP gm", "dpa grj rmo"]) {
    const taken = htmlBodyToMarkdown(`<p>Quays shut.</p><p>   ${initials}</p>`, {});
    assert.deepEqual([taken.markdown, taken.trailers], ["Quays shut.", [initials]], initials);
  }
  for (const kept of ["N/A", "AT/DE", "Fares rose 2/3", "AAP said so"]) {
    assert.equal(htmlBodyToMarkdown(`<p>Quays shut.</p><p>${kept}</p>`, {}).trailers, undefined, kept);
  }
  // Only at the end: initials above the last paragraph stay.
  assert.equal(htmlBodyToMarkdown("<p>hh/ph</p><p>Quays shut.</p>", {}).trailers, undefined);
});

test("takes a byline typed below the highlights listed above the story, as Reuters types it", () => {
  const html = "<p>(Adds detail)</p><ul><li>Gulls return</li><li>Quays reopen</li></ul><p>By Ann Doe</p><p>OSLO, March 4 (Reuters) - Gulls returned.</p>";
  const taken = htmlBodyToMarkdown(html, { source: "Reuters" });
  assert.equal(taken.typedByline, "By Ann Doe");
  assert.doesNotMatch(taken.markdown, /Ann Doe/);
  assert.match(taken.markdown, /^-   Gulls return\n-   Quays reopen\n\n/);
  // One repeating the item's byline goes too, and is no byline of its own.
  const repeated = htmlBodyToMarkdown(html, { source: "Reuters", byline: "Ann Doe" });
  assert.deepEqual([repeated.typedByline, repeated.markdown], [undefined, taken.markdown]);
  // The dateline below them is taken off as one opening the text is: the page prints its own, above the list.
  const dated = htmlBodyToMarkdown(html, { source: "Reuters", agencies: AGENCIES });
  assert.equal(dated.dateline?.place, "OSLO");
  assert.match(dated.markdown, /\n\nGulls returned\.$/);
  // Not below a list, a name is story text.
  assert.equal(htmlBodyToMarkdown("<p>Gulls returned.</p><p>By Ann Doe</p><p>More.</p>", {}).typedByline, undefined);
});

test("takes a dateline set in bold, leaving the story's own emphasis", () => {
  const cases: [string, string][] = [
    ["<p><b>MOSCOW</b>, Sept 2 (Reuters) - Russia <b>hopes</b>.</p>", "Russia **hopes**."],
    ["<p><b>MOSCOW, Sept 2 (Reuters) -</b> Russia hopes.</p>", "Russia hopes."],
    ["<p>MOSCOW, Sept 2 (Reuters) -<br>Russia hopes.</p>", "Russia hopes."],
    ["<p>MOSCOW, Sept 2 (Reuters) -</p><p>Russia hopes.</p>", "Russia hopes."],
  ];
  for (const [html, expected] of cases) {
    const { markdown, dateline } = htmlBodyToMarkdown(html, { source: "Reuters" });
    assert.equal(markdown, expected, html);
    assert.equal(dateline?.place, "MOSCOW", html);
  }
});

test("drops a byline paragraph repeating the item's byline, in any of its forms", () => {
  for (const line of ["Jane Doe", "By Jane Doe", "JANE DOE", "By Jane Doe and John Roe, Reuters"]) {
    const { markdown } = htmlBodyToMarkdown(`<p>${line}</p><p>Talks resume.</p>`, { byline: "Jane Doe" });
    assert.equal(markdown, "Talks resume.", line);
  }
  const { markdown } = htmlBodyToMarkdown("<p>Jane Doe</p><p>Talks resume.</p>", {});
  assert.equal(markdown, "Jane Doe\n\nTalks resume.", "a bare name without the item's byline is story text");
});

test("drops a first paragraph repeating the item's lead word for word, as dpa's teaser does, then takes the dateline", () => {
  const lead = "Ships can switch off their engines  while they unload.";
  const html = htmlBodyToMarkdown('<p class="teaser">Ships can switch off their engines while they unload.</p><p>Hamburg (dpa) - The port opened a berth.</p>', { source: "dpa", lead });
  assert.deepEqual([html.markdown, html.dateline?.place], ["The port opened a berth.", "Hamburg"]);
  const flash = htmlBodyToMarkdown("<p>Ships can switch off their engines while they unload.</p>", { lead });
  assert.equal(flash.markdown, "Ships can switch off their engines while they unload.", "a flash whose lead is its whole text keeps it");
  const other = htmlBodyToMarkdown("<p>Ships can switch off their engines.</p><p>The port opened a berth.</p>", { lead });
  assert.equal(other.markdown, "Ships can switch off their engines.\n\nThe port opened a berth.", "a paragraph that only begins like the lead stays");
});

test("takes a note to editors off the top of the story, and gives it back to be named", () => {
  const notes = ["(Adds ferry operator's comment)", "(Updates with new figures, adds background)", "(Recasts throughout)", "(Corrects name of port in second paragraph)", "(In March 3 story, corrects spelling of ferry operator's name)"];
  for (const note of notes) {
    const html = htmlBodyToMarkdown(`<p>${note}</p><p>OSLO, March 4 (Reuters) - A storm shut the harbour.</p>`, { source: "Reuters" });
    assert.deepEqual([html.markdown, html.editorsNotes, html.dateline?.place], ["A storm shut the harbour.", [note], "OSLO"], note);
    const text = textBodyToMarkdown(`${note}\n\nBy Jane Doe\n\nA storm shut the harbour.`, {});
    assert.deepEqual([text.markdown, text.editorsNotes], ["A storm shut the harbour.", [note]], note);
  }
  // Story text in parentheses, or a note below the story's first paragraph, stays.
  for (const body of ["(The figures are provisional.)\n\nA storm shut the harbour.", "(Adds are what the ferry firm calls its timetables.", "A storm shut the harbour.\n\n(Adds ferry operator's comment)"]) {
    const kept = textBodyToMarkdown(body, {});
    assert.equal(kept.editorsNotes, undefined, body);
    assert.ok(kept.markdown.includes("("), body);
  }
});

test("recognises slugs and bylines only in their agency forms", () => {
  for (const slug of ["BC-Russia-Korea,0450", "AM-Russia-Korea", "MOSCOW-KOREA/", "KOREA-NORTH/RUSSIA/ (UPDATE 1)"]) assert.ok(isSlugLine(slug), slug);
  for (const line of ["Russia-Korea talks", "MOSCOW", "Six-party", "BC"]) assert.ok(!isSlugLine(line), line);
  for (const line of ["By Jane Doe", "BY JANE DOE", "By Jane van Doe and John Roe, Reuters"]) assert.ok(isBylineLine(line, undefined), line);
  for (const line of ["By Monday, the talks had stalled", "By then it was late.", "Byzantium fell"]) assert.ok(!isBylineLine(line, undefined), line);
});

test("leaves chrome-like lines inside the story alone", () => {
  const text = "Talks resume.\n\n-0-\n\n(Reporting by Jane Doe)\n\nBy Jane Doe\n\nThe end.";
  assert.equal(textBodyToMarkdown(text, {}).markdown, "Talks resume.\n\n\\-0-\n\n(Reporting by Jane Doe)\n\nBy Jane Doe\n\nThe end.");
});

test("plain text: paragraphs kept, wrapped lines joined, Markdown specials literal", () => {
  const text = "1. Not a list\n\n- Not a bullet\n\n# Not a heading\n\n> Not a quote\n\nA *star*, an _under_score_, <b>tags</b>,\n[a](link), `code`, &copy;, <https://example.com>\nand ~~strike~~.";
  const { markdown } = textBodyToMarkdown(text, {});
  assert.equal(
    render(markdown),
    [
      "<p>1. Not a list</p>",
      "<p>- Not a bullet</p>",
      "<p># Not a heading</p>",
      "<p>&gt; Not a quote</p>",
      "<p>A *star*, an _under_score_, &lt;b&gt;tags&lt;/b&gt;, [a](link), `code`, &amp;copy;, &lt;https://example.com&gt; and ~~strike~~.</p>",
      "",
    ].join("\n"),
  );
});

const specials = fc.constantFrom(..."*_`[]()<>&#;!-+=1.)|~\\:/ ax".split(""));
const paragraphText = fc
  .string({ unit: fc.oneof(specials, fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 40 })
  .map((text) => text.replace(/\s+/g, " ").trim())
  .filter((text) => text !== "");

test("any paragraph of text, delivered as text or as HTML, renders as exactly its characters", () => {
  fc.assert(
    fc.property(paragraphText, (text) => {
      const expected = `<p>First.</p>\n<p>${escapeHtml(text)}</p>\n<p>Last.</p>\n`;
      assert.equal(render(textBodyToMarkdown(`First.\n\n${text}\n\nLast.`, {}).markdown), expected);
      assert.equal(render(htmlBodyToMarkdown(`<p>First.</p><p>${escapeHtml(text)}</p><p>Last.</p>`, {}).markdown), expected);
    }),
    { numRuns: 1000 },
  );
});

test("an agency's text holding <!-- is written as the characters, never a comment the story checks refuse", () => {
  const comments = (markdown: string) => inspectBody(markdown, undefined).filter((finding) => "code" in finding && finding.code === "WD167");
  const text = textBodyToMarkdown("Talks resumed <!-- desk: check -->.\n\n<!-- never closed\n\nLast.", {}).markdown;
  assert.equal(render(text), "<p>Talks resumed &lt;!-- desk: check --&gt;.</p>\n<p>&lt;!-- never closed</p>\n<p>Last.</p>\n");
  assert.deepEqual(comments(text), []);
  const html = htmlBodyToMarkdown("<p>Talks resumed &lt;!-- desk --&gt;.</p><p>A <a href='https://example.com/'>&lt;!--link</a>, | &lt;!-- |</p><table><tr><td>&lt;!--</td><td>cell</td></tr><tr><td>1</td><td>2</td></tr></table>", {}).markdown;
  assert.deepEqual(comments(html), []);
  // The agency's own comments in its markup were never its readers' words: they are not carried into the story.
  assert.equal(htmlBodyToMarkdown("<p>Talks<!-- internal --> resumed.</p>", {}).markdown, "Talks resumed.");
  fc.assert(
    fc.property(fc.array(fc.oneof(paragraphText, fc.constantFrom("<!--", "-->", "\\<!--", "`<!--`")), { minLength: 1, maxLength: 6 }), (pieces) => {
      const words = pieces.join(" ");
      assert.deepEqual(comments(textBodyToMarkdown(`${words}\n\nLast.`, {}).markdown), []);
      assert.deepEqual(comments(htmlBodyToMarkdown(`<p>${escapeHtml(words)}</p><h2>${escapeHtml(words)}</h2>`, {}).markdown), []);
    }),
    { numRuns: 500 },
  );
});

test("a body too large to render in full is written as paragraphs; a deeply nested one is flattened", () => {
  const crowded = htmlBodyToMarkdown(`<p>${"<b>word</b> ".repeat(10_001)}</p>`, {});
  assert.doesNotMatch(crowded.markdown, /\*/);
  assert.deepEqual(inspectBody(crowded.markdown, undefined), []);
  assert.equal(crowded.markupLeftOut, true, "said, for the import's line");
  assert.equal(htmlBodyToMarkdown("<p><b>word</b></p>", {}).markupLeftOut, undefined);

  const nested = htmlBodyToMarkdown(`${"<ul><li>".repeat(5000)}deep${"</li></ul>".repeat(5000)}`, {});
  assert.match(nested.markdown, /deep$/);
  assert.deepEqual(inspectBody(nested.markdown, undefined), []);
});

test("a normal agency body converts to Markdown the story checks accept", () => {
  const html = [
    "<p>NEW YORK (AP) — Stocks fell on Monday as <a href='https://example.com/markets'>markets</a> weighed the news.</p>",
    "<h2>Oil</h2><p>Oil prices <em>rose</em> for a third day.</p>",
    "<h3>Brent</h3><ul><li>Brent: $110</li><li>WTI: $107</li></ul>",
    "<p>###</p>",
  ].join("");
  // AP is one of the Associated Press's names in the settings.
  const { markdown, dateline } = htmlBodyToMarkdown(html, { source: "Associated Press", agencies: AGENCIES });
  assert.deepEqual(dateline, { place: "NEW YORK", agency: "AP" });
  assert.ok(markdown.startsWith("Stocks fell on Monday"));
  assert.ok(markdown.endsWith("-   WTI: $107"));
  assert.deepEqual(inspectBody(markdown, "NEW YORK"), []);
  assertSafe(render(markdown));
});

test("the dateline opening the paragraph after a heading the text opens with is taken, as the page prints its own there", () => {
  const { markdown, dateline } = htmlBodyToMarkdown("<h2>Talks resume</h2><p>LONDON, March 15 (Reuters) - Talks resumed on Sunday.</p>", { source: "Reuters" });
  assert.deepEqual([markdown, dateline?.place], ["## Talks resume\n\nTalks resumed on Sunday.", "LONDON"]);
});

test("raised and lowered figures keep their meaning, and struck-out text stays struck out", () => {
  const { markdown } = htmlBodyToMarkdown("<p>10 m<sup>2</sup>; 10<sup>6</sup> users; H<sub>2</sub>O; 10<sup>-3</sup>; the 1<sup>st</sup> round.</p><p>The toll was <del>12</del> <ins>14</ins> by noon.</p>", {});
  assert.equal(markdown, "10 m²; 10⁶ users; H₂O; 10⁻³; the 1st round.\n\nThe toll was ~~12~~ 14 by noon.");
  assert.ok(render(markdown).includes("<s>12</s>"), render(markdown));
  // The minus sign as HTML writes it, and struck-out paragraphs, each struck out.
  assert.equal(htmlBodyToMarkdown("<p>10<sup>&minus;6</sup> grams.</p>", {}).markdown, "10⁻⁶ grams.");
  assert.equal(htmlBodyToMarkdown("<del><p>Retracted one.</p><p>Retracted two.</p></del><p>Kept.</p>", {}).markdown, "~~Retracted one.~~\n\n~~Retracted two.~~\n\nKept.");
});

test("a producer's links lead to its site: relative ones read against the item's address, else left out, their words kept and named", () => {
  const html = '<p>See <a href="/2024/11/04/preview/">the preview</a>, <a href="post-1">the post</a>, <a href="//www.example.org/report">the report</a>, <a href="#more">more</a> and <a href="https://example.net/x">this</a>.</p>';
  const based = htmlBodyToMarkdown(html, { base: "https://news.example.com/2024/11/05/item.html" });
  assert.equal(based.markdown, "See [the preview](https://news.example.com/2024/11/04/preview/), [the post](https://news.example.com/2024/11/05/post-1), [the report](https://www.example.org/report), more and [this](https://example.net/x).");
  assert.deepEqual(based.unreadLinks, ["#more"]);
  const unbased = htmlBodyToMarkdown(html, {});
  assert.equal(unbased.markdown, "See the preview, the post, [the report](https://www.example.org/report), more and [this](https://example.net/x).");
  assert.deepEqual(unbased.unreadLinks, ["/2024/11/04/preview/", "post-1", "#more"]);
});

test("an HTML body's <pre> keeps its lines and spaces, a block of fixed-width text, its figures never run together", () => {
  const { markdown } = htmlBodyToMarkdown("<p>Final standings:</p>\n<pre>\nTEAM        P  W  D  L  PTS\nArsenal    38 28  5  5  89\nChelsea    38 25  8  5  83\n</pre>", {});
  assert.equal(markdown, "Final standings:\n\n```\nTEAM        P  W  D  L  PTS\nArsenal    38 28  5  5  89\nChelsea    38 25  8  5  83\n```");
  assert.match(render(markdown), /<pre tabindex="0"><code>TEAM {8}P {2}W {2}D {2}L {2}PTS\nArsenal {4}38 28 {2}5 {2}5 {2}89\n/);
  assert.deepEqual(inspectBody(markdown, undefined), []);
  // Backticks in the text lengthen the fence, so none closes it early; its characters are shown as typed.
  assert.equal(htmlBodyToMarkdown("<pre>a ``` b\n&lt;c&gt;  *d*</pre>", {}).markdown, "````\na ``` b\n<c>  *d*\n````");
  // Kept in the fallback for a body too large for its markup too.
  const rows = Array.from({ length: 6000 }, (_, at) => `<p><em>Row</em> ${at}</p>`).join("");
  const large = htmlBodyToMarkdown(`${rows}<pre>A  1\nB  2</pre>`, {});
  assert.equal(large.markupLeftOut, true);
  assert.ok(large.markdown.endsWith("```\nA  1\nB  2\n```"));
});

test("a byline on a line of its own directly above the dateline in an HTML paragraph is the byline, not part of the place", () => {
  const html = "<p>By Tendai Moyo\nLONDON, July 29 (Reuters) - Cash-strapped StarAfrica is set to sell its transport arm.</p><p>It owes $19.7 million.</p>";
  const body = htmlBodyToMarkdown(html, { source: "Harare Partner News", agencies: AGENCIES });
  assert.deepEqual([body.typedByline, body.dateline?.place, body.dateline?.agency], ["By Tendai Moyo", "LONDON", "Reuters"]);
  assert.equal(body.markdown, "Cash-strapped StarAfrica is set to sell its transport arm.\n\nIt owes $19.7 million.");
  // A sentence opening "By" then wrapped is the story's: no dateline follows its line.
  const sentence = htmlBodyToMarkdown("<p>By Christmas\nthe shops were full.</p>", { agencies: AGENCIES });
  assert.deepEqual([sentence.typedByline, sentence.markdown], [undefined, "By Christmas the shops were full."]);
});

test("a numbered list keeps the number the agency starts it at; a start Markdown cannot write is left to it", () => {
  const { markdown } = htmlBodyToMarkdown('<p>Points:</p><ol start="3"><li>Third</li><li>Fourth<ul><li>nested</li></ul></li></ol><ol start="x"><li>One</li></ol>', {});
  assert.equal(markdown, "Points:\n\n3.  Third\n4.  Fourth\n    -   nested\n\n1.  One");
  assert.match(render(markdown), /<ol start="3">/);
});

test("a quotation keeps its marks, in the item's language's style, the inner one in the inner marks; else typographic double quotes", () => {
  const html = "<p>He said <q>enough, <q>really</q></q> twice.</p>";
  assert.equal(htmlBodyToMarkdown(html, {}).markdown, "He said “enough, ‘really’” twice.");
  assert.equal(htmlBodyToMarkdown(html, { lang: "en-GB" }).markdown, "He said “enough, ‘really’” twice.");
  assert.equal(htmlBodyToMarkdown(html, { lang: "ru" }).markdown, "He said «enough, „really“» twice.");
  assert.equal(htmlBodyToMarkdown(html, { lang: "de" }).markdown, "He said „enough, ‚really‘“ twice.");
});

test("a noscript's words are left out with a line quoting them; one of no words (a tracking picture) loses nothing", () => {
  const { markdown, removed } = htmlBodyToMarkdown('<p>Fares rise.</p><noscript>Enable scripts to see the chart.</noscript><noscript><img src="https://t.example/p.gif"></noscript>', {});
  assert.equal(markdown, "Fares rise.");
  assert.deepEqual(removed, [{ kind: "element", name: "<noscript>", count: 1, sources: ["Enable scripts to see the chart."] }]);
});

test("a table's cells that span rows or columns are repeated where they span, each named, so every cell stays under its headings", () => {
  const html = [
    "<table><caption>Results</caption>",
    '<thead><tr><th rowspan="2">Region</th><th colspan="2">Votes</th></tr><tr><th>Yes</th><th>No</th></tr></thead>',
    '<tbody><tr><th colspan="3">Mainland</th></tr><tr><td rowspan="2">North</td><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr><tr><td>South</td><td colspan="2">no vote held</td></tr></tbody></table>',
  ].join("");
  const { markdown, spreadCells } = htmlBodyToMarkdown(html, {});
  assert.equal(
    markdown,
    [
      "Results",
      "| Region | Votes | Votes |\n| --- | --- | --- |\n| Region | Yes | No |\n| Mainland |\n| North | 1 | 2 |\n| North | 3 | 4 |\n| South | no vote held | no vote held |",
    ].join("\n\n"),
  );
  assert.deepEqual(spreadCells, ['"Region" over 2 rows', '"Votes" over 2 columns', '"North" over 2 rows', '"no vote held" over 2 columns'], "a row of one cell as wide as the table stays one cell");
  assert.equal(htmlBodyToMarkdown("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>", {}).spreadCells, undefined);
});

test("struck text stays struck when a large text keeps only its paragraphs, and a labelled list or a reading renders as the story checks accept", () => {
  const rows = Array.from({ length: 6000 }, (_, at) => `<p><em>Row</em> ${at}</p>`).join("");
  const large = htmlBodyToMarkdown(`<p>The toll was <del>12</del> 14.</p>${rows}`, {});
  assert.equal(large.markupLeftOut, true);
  assert.ok(large.markdown.startsWith("The toll was ~~12~~ 14"), large.markdown.slice(0, 80));
  const { markdown } = htmlBodyToMarkdown('<ol type="I"><li value="4">Fourth</li><li>Fifth</li></ol><p><ruby>漢<rt>kan</rt></ruby>字</p>', {});
  assert.equal(markdown, "-   IV. Fourth\n-   V. Fifth\n\n漢(kan)字");
  assert.deepEqual(inspectBody(markdown, undefined), []);
  assert.match(render(markdown), /<ul>\n<li>IV\. Fourth<\/li>/);
});
