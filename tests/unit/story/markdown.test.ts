import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "node-html-parser";
import { createMarkdown, outlineBody } from "../../../src/lib/story/markdown.ts";

const md = createMarkdown();
const story = { article: { valid: true, datelineParts: ["MOSCOW,", "September 2", "(Itar-Tass) -"] } };

test("the dateline opens the first paragraph, inside the same <p>", () => {
  assert.equal(
    md.render("Moscow hopes.\n\nSecond.", story),
    '<p><span class="dateline"><span>MOSCOW,</span> <span>September 2</span> <span>(Itar-Tass) -</span></span> Moscow hopes.</p>\n<p>Second.</p>\n',
  );
});

test("the dateline goes into the first paragraph even after a heading", () => {
  assert.match(md.render("## Update\n\nText.", story), /<h2>Update<\/h2>\n<p><span class="dateline"><span>MOSCOW.*<\/span><\/span> Text\.<\/p>/);
});

test("a story without a leading paragraph still gets its dateline", () => {
  assert.match(md.render("- one\n- two", story), /^<p><span class="dateline"><span>MOSCOW,<\/span> <span>September 2<\/span> <span>\(Itar-Tass\) -<\/span><\/span><\/p>\n<ul>/);
});

test("a story opening with a quote, a list or a table has its dateline first, never after them", () => {
  for (const body of ['> "We will not give in," he said.\n\nUnions walked out.', "- one\n\nText.", "| a | b |\n| --- | --- |\n| 1 | 2 |\n\nText."]) {
    assert.match(md.render(body, story), /^<p><span class="dateline">.*<\/span><\/p>\n<(?:blockquote|ul|div)/, body);
  }
});

test("a story opening with an image alone has its dateline open the paragraph after it, the text's first words", () => {
  assert.match(md.render("![A chart of rates](chart.png)\n\nShares fell.", story), /^<p><img [^>]*><\/p>\n<p><span class="dateline">.*<\/span> Shares fell\.<\/p>\n$/);
  // Images and then a list: the dateline stands first, in a paragraph of its own.
  assert.match(md.render("![A chart of rates](chart.png)\n\n- one\n- two", story), /^<p><span class="dateline">.*<\/span><\/p>\n<p><img [^>]*><\/p>\n<ul>/);
});

test("a story opening with a heading, then a quote, has its dateline past the heading, before the quote", () => {
  assert.match(md.render('## What they said\n\n> "We will not give in," he said.', story), /^<h2>What they said<\/h2>\n<p><span class="dateline">.*<\/span><\/p>\n<blockquote>/);
});

test("a dateline piece too long for a phone's line breaks between its words, its closing dash kept with the word before", () => {
  const long = { article: { valid: true, datelineParts: ["SANTA CRUZ DE LA SIERRA,", "March 15", "(United Nations Office for Humanitarian Affairs) -"] } };
  assert.match(
    md.render("Text.", long),
    /^<p><span class="dateline"><span>SANTA CRUZ DE LA SIERRA,<\/span> <span>March 15<\/span> <span class="long"><span>\(United<\/span> <span>Nations<\/span> <span>Office<\/span> <span>for<\/span> <span>Humanitarian<\/span> <span>Affairs\) -<\/span><\/span><\/span> Text\.<\/p>/,
  );
});

test("a table scrolls in a box of its own that the keyboard can reach, not the page", () => {
  assert.match(md.render("Text.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |", story), /<div class="table-scroll" tabindex="0"><table>\n<thead>[^]*<\/table><\/div>\n$/);
});

test("a column aligned by its colons is aligned by the stylesheet's classes, never a style attribute the pages' policy forbids", () => {
  const html = md.render("| Party | Seats | Change |\n|:------|------:|:------:|\n| Labour | 412 | +211 |\n\n| Plain |\n| --- |\n| 1 |", {});
  assert.doesNotMatch(html, /style=/);
  const cells = parse(html).querySelectorAll("th, td").map((cell) => [cell.text, cell.getAttribute("class") ?? null]);
  assert.deepEqual(cells, [
    ["Party", "align-left"],
    ["Seats", "align-right"],
    ["Change", "align-center"],
    ["Labour", "align-left"],
    ["412", "align-right"],
    ["+211", "align-center"],
    ["Plain", null],
    ["1", null],
  ]);
  const stylesheet = readFileSync(join(import.meta.dirname, "../../../src/assets/site.css"), "utf8");
  for (const [name, side] of [["align-left", "left"], ["align-center", "center"], ["align-right", "right"]]) {
    assert.match(stylesheet, new RegExp(`\\.story-body \\.${name} \\{\\s*text-align: ${side};`), name);
  }
});

test("a footnote's mark and note are kept as typed and found with their lines, in a quote or a list too; escaped, in code or indented as code they are none", () => {
  const body = "Exports rose.[^1]\n\n[^1]: https://www.example.com/report\n\n> A poll[^poll] said\n> [^poll]: Reuters\n\n- item\n\n  [^l]: in a list\n\n\\[^x] `[^y]`\n\n    [^z]: code\n";
  const html = md.render(body, {});
  assert.doesNotMatch(html, /<a /, "no note's address taken for a link's");
  assert.match(html, /^<p>Exports rose\.\[\^1\]<\/p>\n<p>\[\^1\]: https:\/\/www\.example\.com\/report<\/p>\n/);
  assert.deepEqual(outlineBody(md, body).footnotes, [
    { text: "[^1]", label: "1", note: false, line: 1 },
    { text: "[^1]: https://www.example.com/report", label: "1", note: true, line: 3 },
    { text: "[^poll]", label: "poll", note: false, line: 5 },
    { text: "[^poll]: Reuters", label: "poll", note: true, line: 6 },
    { text: "[^l]: in a list", label: "l", note: true, line: 10 },
  ]);
});

test("the dateline is escaped like any other text", () => {
  const html = md.render("Text.", { article: { datelineParts: ["<b>X</b>", "& Co -"] } });
  assert.match(html, /<span class="dateline"><span>&lt;b&gt;X&lt;\/b&gt;<\/span> <span>&amp; Co -<\/span><\/span>/);
});

test("pages without a story render without a dateline", () => {
  assert.equal(md.render("Text.", {}), "<p>Text.</p>\n");
});

test("raw HTML typed into a story is shown as text, never run", () => {
  const html = md.render('<script>alert(1)</script>\n\nHi <img src=x onerror="alert(1)">', {});
  assert.doesNotMatch(html, /<script|<img/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test("links keep web, mail and relative URLs only", () => {
  assert.equal(md.render("[a](https://example.com) [b](other.html) [c](mailto:desk@example.com)", {}),
    '<p><a href="https://example.com">a</a> <a href="other.html">b</a> <a href="mailto:desk@example.com">c</a></p>\n');
  for (const url of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x"]) {
    assert.doesNotMatch(md.render(`[x](${url}) ![y](${url}) <${url}>`, {}), /href=|src=/, url);
  }
  // An encoded tab cannot smuggle a scheme: it stays percent-encoded, a harmless relative path.
  assert.doesNotMatch(md.render("[x](java&#9;script:alert(1))", {}), /href="[^"]*javascript:/i);
});

test("quotes and ellipses stay as the wire typed them", () => {
  assert.equal(md.render("“We will try … thus,” he said. \"Plain\" -- too.", {}), "<p>“We will try … thus,” he said. &quot;Plain&quot; -- too.</p>\n");
});

test("relative links stay relative", () => {
  assert.equal(md.render("[b](other.html)", story), `<p><span class="dateline"><span>MOSCOW,</span> <span>September 2</span> <span>(Itar-Tass) -</span></span> <a href="other.html">b</a></p>\n`);
});

test("an image names a file beside the story, published from the site root for the page to reach", () => {
  const html = md.render("![A square](square.png) ![Remote](https://example.com/x.png)", { page: { filePathStem: "/news/talks/index" } });
  assert.match(html, /<img src="\/news\/talks\/square\.png" alt="A square"[ >]/);
  assert.match(html, /<img src="https:\/\/example\.com\/x\.png" alt="Remote"[ >]/, "left as typed: the story check refuses it");
  // A folder's name is part of the address: a "#" in it would start the fragment, a space end the URL.
  const odd = md.render("![The map](<map 1.png>)", { page: { filePathStem: "/news/desk/Café talks #2?/index" } });
  assert.match(odd, /<img src="\/news\/desk\/Caf%C3%A9%20talks%20%232%3F\/map%201\.png" alt="The map"[ >]/);
});

test("images are found with their body lines, and elements counted", () => {
  const outline = outlineBody(md, "Text.\n\nOne ![a](a.png) and\ntwo ![](b.png)\n\n> ![c](c.png)\n");
  // p, p, img, img, blockquote, p, img
  assert.equal(outline.elements, 7);
  assert.deepEqual(outline.images, [
    { src: "a.png", alt: "a", line: 3 },
    { src: "b.png", alt: "", line: 4 },
    { src: "c.png", alt: "c", line: 6 },
  ]);
});

test("HTML comments are found with their lines, across lines and paragraphs, closed or not; escaped or in code they are not", () => {
  const body = [
    "Talks <!-- one --> resumed.",
    "Line two <!-- two",
    "ends here --> and <!-- three -->.",
    "",
    "| Day | Note |",
    "| --- | --- |",
    "| Monday | <!-- four --> |",
    "",
    "- a list <!-- five -->",
    "",
    "![<!-- six -->](chart.png)",
    "",
    "Escaped \\<!-- and &lt;!-- and `<!-- code -->`.",
    "",
    "```",
    "<!-- fenced -->",
    "```",
    "",
    "<!-->",
    "",
    "<!-- seven, never closed",
    "",
    "The end.",
  ].join("\n");
  assert.deepEqual(outlineBody(md, body).comments, [
    { line: 1, text: "<!-- one -->", closed: true },
    { line: 2, text: "<!-- two ends here -->", closed: true },
    { line: 3, text: "<!-- three -->", closed: true },
    { line: 7, text: "<!-- four -->", closed: true },
    { line: 9, text: "<!-- five -->", closed: true },
    { line: 11, text: "<!-- six -->", closed: true },
    { line: 19, text: "<!-->", closed: true },
    { line: 21, text: "<!-- seven, never closed The end.", closed: false },
  ]);
  assert.deepEqual(outlineBody(md, "No comment here -->.").comments, []);
});

test("story text cannot give an element an id or a name, which could clobber the page's own", () => {
  const html = md.render('# Main {#main}\n\n[x](#main "t"){id=main} <a id="main" name="main">\n\n![i](i.png){#main}\n\n| a |\n|---|\n| b |\n', {});
  assert.deepEqual(parse(html).querySelectorAll("[id], [name]").map((element) => element.outerHTML), []);
  assert.match(html, /&lt;a id=&quot;main&quot;/, "typed markup is text");
});

test("images in the text load lazily and decode off the main thread: only the lead photo is urgent", () => {
  assert.equal(
    md.render("![A map of the peninsula](talks/map.png)", {}),
    '<p><img src="talks/map.png" alt="A map of the peninsula" loading="lazy" decoding="async"></p>\n',
  );
});

test("the text the dateline opens is the first paragraph past any headings, or past a paragraph of images alone", () => {
  assert.deepEqual(outlineBody(md, "## A\n\n### B\n\n**LONDON** (AFP) - Talks.").opening, { text: "LONDON (AFP) - Talks.", line: 5 });
  assert.deepEqual(outlineBody(md, "![A map](map.png)\n\nLONDON (AFP) - Talks.").opening, { text: "LONDON (AFP) - Talks.", line: 3 });
  assert.equal(outlineBody(md, "> A quote.\n\nLONDON (AFP) - Talks.").opening, undefined, "after a quote the dateline opens no paragraph");
});
