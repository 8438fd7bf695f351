import assert from "node:assert/strict";
import { test } from "node:test";
import { HtmlValidate, Parser, type HtmlElement } from "html-validate";
import { elementsByTagName, speedUpElementSearch } from "../../../src/lib/check/html-validate-speedups.ts";

/** html-validate 10.9's own getElementsByTagName, which the faster walk must match. */
function original(element: HtmlElement, tagName: string): HtmlElement[] {
  return element.childElements.reduce<HtmlElement[]>((matches, node) => matches.concat(node.is(tagName) ? [node] : [], original(node, tagName)), []);
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Talks</title><link rel="stylesheet" href="a.css"></head>
<body><header><nav><ul><li><a href="a.html">A</a></li><li><A HREF="b.html">B</A><ul><li><a href="c.html">C</a></li></ul></li></ul></nav></header>
<main id="main"><h1>Talks</h1><!-- a comment --><p>Text <a href="#main">up</a> and <b>bold <i>words</i></b>.</p>
<svg viewBox="0 0 1 1"><a href="d.html"><rect width="1" height="1"/></a></svg><template><a href="t.html">t</a></template></main>
<footer><p>Footer</p></footer></body></html>
`;

test("the faster element search finds what html-validate's own finds, in the same order", async () => {
  const config = await new HtmlValidate().getConfigFor("page.html");
  const root = new Parser(config).parseHtml(PAGE);
  const nav = root.querySelector("nav");
  assert.ok(nav);
  for (const from of [root, nav]) {
    for (const tagName of ["*", "a", "A", "li", "svg", "rect", "template", "nowhere"]) {
      const expected = original(from, tagName);
      const found = elementsByTagName.call(from, tagName);
      const what = `${tagName} from ${from.tagName || "the root"}`;
      assert.equal(found.length, expected.length, what);
      found.forEach((element, index) => assert.equal(element, expected[index], `${what}, element ${index}`));
    }
  }
  assert.ok(original(root, "a").length >= 5, "the page holds the links the comparison is about");
});

/** Pages with problems for the rules that search the tree: ids, landmarks, headings, labels, nested links, forms. */
const BROKEN_PAGES = [
  PAGE,
  PAGE.replace('<main id="main">', '<main id="main"><main id="main"><nav><p>x</p></nav>'),
  PAGE.replace("<h1>Talks</h1>", '<h1></h1><h3>Skipped</h3><img src="p.png"><a href="x.html"><a href="y.html">in</a></a>'),
  PAGE.replace("<footer>", '<form><input id="q"><label for="nowhere">Q</label><button>Go</button><input name="a"><input name="a"></form><footer>'),
];

test("with the faster element search, html-validate reports exactly what it reports without", async () => {
  const htmlvalidate = new HtmlValidate({ extends: ["html-validate:recommended", "html-validate:document", "html-validate:a11y"] });
  const reports = async () => Promise.all(BROKEN_PAGES.map(async (page) => (await htmlvalidate.validateString(page, "page.html")).results));
  const before = await reports();
  speedUpElementSearch();
  const after = await reports();
  assert.deepEqual(after, before);
  assert.ok(before.flat().flatMap((result) => result.messages).length >= 8, "the pages hold problems for the comparison to be about");
});
