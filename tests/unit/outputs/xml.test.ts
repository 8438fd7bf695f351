import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeXml, xmlElement, xmlText } from "../../../src/lib/outputs/xml.ts";

test("markup characters are escaped in text and attributes", () => {
  assert.equal(escapeXml(`<a href="x">Tom & 'Jerry'</a>`), "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
  assert.equal(escapeXml("a]]>b"), "a]]&gt;b");
});

test("characters XML cannot carry are dropped, and the ones it can are kept", () => {
  assert.equal(escapeXml("a\u0000b\u0008c\u000bd\u001fe\uffffg\ud800h\udc00i"), "abcdeghi");
  assert.equal(escapeXml("tab\there\nline\r. Привет 😀 \u2028"), "tab\there\nline\r. Привет 😀 \u2028");
});

test("elements escape attributes and omit the undefined ones", () => {
  assert.equal(xmlElement("link", { href: "https://h.example/?a=1&b=2", title: undefined, length: 0 }), '<link href="https://h.example/?a=1&amp;b=2" length="0"/>');
  assert.equal(xmlText("title", "Talks <resume>", { type: "text" }), '<title type="text">Talks &lt;resume&gt;</title>');
});
