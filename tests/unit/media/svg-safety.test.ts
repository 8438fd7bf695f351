import assert from "node:assert/strict";
import { test } from "node:test";
import { svgProblem } from "../../../src/lib/media/svg-safety.ts";

/** What every refusal ends with: what an SVG must be. */
const SAFE_SVG = "expected an SVG without scripts, event attributes, links to javascript:, foreignObject or outside references";

const svg = (inner: string, attributes = ""): Uint8Array =>
  new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="800" height="600"${attributes}>${inner}</svg>`);

test("a drawing with gradients, its own fragments, styles, inline raster images and editor metadata is safe", () => {
  const drawing = svg(
    [
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><path id="p" d="M0 0h10"/></defs>',
      '<style><![CDATA[ .bar { fill: url(#g); stroke: url( "#g" ) } ]]></style>',
      '<rect width="800" height="600" fill="url(#g)" style="stroke: url(\'#g\')"/>',
      '<use href="#p"/><use xlink:href="#p"/><a href="#p"><text>Turnout &amp; seats &#8212; 2013</text></a>',
      '<image width="10" height="10" href="data:image/png;base64,iVBORw0KGgo="/>',
      '<!-- <script>alert(1)</script> in a comment runs nothing -->',
      '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" pagecolor="#ffffff"/>',
      '<animate attributeName="opacity" from="0" to="1" dur="1s"/>',
    ].join("\n"),
  );
  assert.equal(svgProblem("chart.svg", drawing), undefined);
});

for (const [what, contents, finding] of [
  ["a script", svg("<script>alert(document.cookie)</script>"), "a <script>"],
  ["a script in capitals", svg("<SCRIPT>alert(1)</SCRIPT>"), "a <SCRIPT>"],
  ["a prefixed script", svg('<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>'), "a <s:script>"],
  ["an HTML script", svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'), "a <h:script>"],
  ["a self-closed script with a source", svg('<script href="https://evil.example/x.js"/>'), "a <script>"],
  ["an event attribute", svg('<rect width="1" height="1"/>', ' onload="alert(1)"'), "an event attribute (onload on <svg>)"],
  ["an event attribute in capitals", svg('<rect ONCLICK="alert(1)"/>'), "an event attribute (ONCLICK on <rect>)"],
  ["a javascript: link", svg('<a href="javascript:alert(1)"><text>x</text></a>'), "a link to javascript: (href on <a>)"],
  ["a javascript: link spelt with references", svg('<a xlink:href="&#106;ava&#x73;cript&#58;alert(1)"><text>x</text></a>'), "a link to javascript: (xlink:href on <a>)"],
  ["a javascript: link split by a tab", svg('<a href=" java&#9;script:alert(1)"><text>x</text></a>'), "a link to javascript: (href on <a>)"],
  ["a data: HTML link", svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a>'), "a data: link that is no raster image (href on <a>)"],
  ["an embedded SVG", svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), "a data: link that is no raster image (href on <image>)"],
  ["a foreignObject", svg("<foreignObject><p>Hello</p></foreignObject>"), "a <foreignObject> (HTML inside an SVG)"],
  ["HTML's namespace", svg('<g xmlns:h="http://www.w3.org/1999/xhtml"/>'), "HTML's namespace (xmlns:h on <g>)"],
  ["an outside image", svg('<image href="https://tracker.example/pixel.png"/>'), 'an outside reference "https://tracker.example/pixel.png" (href on <image>)'],
  ["an outside use", svg('<use xlink:href="other.svg#icon"/>'), 'an outside reference "other.svg#icon" (xlink:href on <use>)'],
  ["an outside fill", svg('<rect fill="url(https://tracker.example/a.svg#g)"/>'), 'an outside reference "https://tracker.example/a.svg#g" (fill on <rect>)'],
  ["an outside style", svg('<rect style="fill: url(\'//tracker.example/a.svg#g\')"/>'), 'an outside reference "//tracker.example/a.svg#g" (style on <rect>)'],
  ["an unclosed CSS url(", svg('<style>.a { fill: url(https://evil.example/a.svg#g }</style>'), "an unclosed CSS url( (<style>)"],
  ["a style @import", svg('<style>@import "https://evil.example/a.css";</style>'), "a <style> @import (<style>)"],
  ["a CSS escape", svg("<style>.a { fill: u\\72l(https://evil.example/) }</style>"), "a CSS escape, which could hide a reference (<style>)"],
  ["an animation that sets a javascript: href", svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'), "a link to javascript: (to on <set>)"],
  ["a processing instruction", new TextEncoder().encode('<?xml-stylesheet href="https://evil.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>'), "a processing instruction <?xml-stylesheet?>"],
  ["an iframe", svg('<iframe src="https://evil.example/"/>'), "a <iframe> element"],
  ["a DOCTYPE", new TextEncoder().encode('<!DOCTYPE svg [<!ENTITY s "script">]><svg xmlns="http://www.w3.org/2000/svg"/>'), "a DOCTYPE (its entities could hide what the file holds)"],
  ["a lower-case doctype", new TextEncoder().encode('<!doctype svg><svg xmlns="http://www.w3.org/2000/svg"/>'), "a DOCTYPE (its entities could hide what the file holds)"],
  ["bytes that are not UTF-8", new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0xff, 0x3e]), "bytes that are not UTF-8 text"],
] as const) {
  test(`an SVG with ${what} is refused, naming what it holds`, () => {
    const problem = svgProblem("chart.svg", contents) ?? "";
    assert.ok(problem.startsWith('"chart.svg" holds ') && problem.endsWith(` (${SAFE_SVG})`), problem);
    assert.ok(problem.includes(finding), problem);
  });
}

test("XML that does not parse is refused with its line", () => {
  const problem = svgProblem("chart.svg", new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)\n</svg>')) ?? "";
  assert.match(problem, /^"chart\.svg" holds XML that does not parse \(line 3: .*\) \(expected an SVG without [^()]*\)$/);
});

test("every finding is in one problem, naming the file and what an SVG must be", () => {
  const hostile = svg('<script>alert(1)</script><foreignObject/><image href="https://tracker.example/p.png"/>', ' onload="alert(1)"');
  assert.equal(
    svgProblem("chart.svg", hostile),
    `"chart.svg" holds an event attribute (onload on <svg>), a <script>, a <foreignObject> (HTML inside an SVG) and an outside reference "https://tracker.example/p.png" (href on <image>) (${SAFE_SVG})`,
  );
});
