import type { WireProblem } from "../../../src/lib/import/wire-item.ts";
import assert from "node:assert/strict";
import { test } from "node:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { childElement, childPath, descendants, elementText, parseXml, type XmlElement, type XmlRead } from "../../../src/lib/import/xml.ts";

function rootOf(read: XmlRead): XmlElement {
  assert.ok(read.ok, read.ok ? "" : JSON.stringify(read.problems));
  return read.root;
}

function problemsOf(read: XmlRead): Omit<WireProblem, "file">[] {
  assert.ok(!read.ok, "expected the document to be refused");
  return read.problems.map(({ file, ...problem }) => {
    assert.equal(file, "in.xml");
    return problem;
  });
}

test("reads elements by local name, attributes as written, and text in order", () => {
  const root = rootOf(parseXml('<?xml version="1.0"?>\n<n:a xmlns:n="urn:x" xml:lang="en"><n:b id=" 7 ">one <i>two</i> three</n:b></n:a>', "in.xml"));
  assert.equal(root.name, "a");
  assert.equal(root.attributes.get("xml:lang"), "en");
  const b = childElement(root, "b");
  assert.ok(b);
  assert.equal(b.attributes.get("id"), " 7 ");
  assert.deepEqual(b.children, ["one ", { name: "i", attributes: new Map(), children: ["two"] }, " three"]);
});

test("reads XML's entities, numeric references and HTML 4's named entities; CDATA stays as written", () => {
  const root = rootOf(parseXml('<p title="a &amp; b &eacute;">x&lt;y &#233;&#xE9; &nbsp;&mdash;&hellip;&ldquo;&rsquo;&euro; <![CDATA[&eacute; <b>]]></p>', "in.xml"));
  assert.equal(root.attributes.get("title"), "a & b é");
  assert.deepEqual(root.children, ["x<y éé \u00a0\u2014\u2026\u201c\u2019\u20ac ", "&eacute; <b>"]);
});

test("an element whose content is only CDATA sections, white space aside, keeps their text apart from text", () => {
  const root = rootOf(parseXml("<a><b>\n <![CDATA[<p>x &amp; y</p>]]> <![CDATA[z]]>\n</b><c>t <![CDATA[<p>]]></c><d>&lt;p&gt;</d></a>", "in.xml"));
  assert.equal(childElement(root, "b")?.cdata, "<p>x &amp; y</p>z");
  assert.equal(childElement(root, "c")?.cdata, undefined, "text beside the section");
  assert.equal(childElement(root, "d")?.cdata, undefined, "escaped text is text");
  assert.equal(root.cdata, undefined);
});

test("an entity neither XML nor HTML 4 names is one problem, at its first place", () => {
  const read = parseXml("<p>\n  ok &copy; &bogus; &bogus; &#0;</p>", "in.xml");
  assert.deepEqual(problemsOf(read), [
    { line: 2, column: 13, field: "", message: "&bogus; is not a character XML or HTML 4 names (expected the character itself, or a numeric reference such as &#233;)", code: "WD204" },
    { line: 2, column: 29, field: "", message: "&#0; is not a character XML or HTML 4 names (expected the character itself, or a numeric reference such as &#233;)", code: "WD204" },
  ]);
});

test("an external entity is refused, never read", () => {
  const read = parseXml('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>', "in.xml");
  assert.deepEqual(problemsOf(read), [
    {
      line: 2, column: 14, field: "",
      message: 'the DOCTYPE declares the external entity "e" (SYSTEM "file:///etc/passwd"), which is never read (expected no entity declarations)',
      code: "WD204",
    },
  ]);
});

test("external parameter entities and public identifiers are named as written", () => {
  const read = parseXml('<!DOCTYPE x [\n<!ENTITY % dtd PUBLIC "-//X//Y" \'http://127.0.0.1:9/x.dtd\'> %dtd;\n]><x/>', "in.xml");
  assert.deepEqual(problemsOf(read), [
    {
      line: 2, column: 1, field: "",
      message: `the DOCTYPE declares the external entity "dtd" (PUBLIC "-//X//Y" 'http://127.0.0.1:9/x.dtd'), which is never read (expected no entity declarations)`,
      code: "WD204",
    },
  ]);
});

test("a billion laughs is refused at once, without expanding anything", () => {
  const levels = Array.from({ length: 10 }, (_, level) =>
    level === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`,
  );
  const text = `<!DOCTYPE lolz [\n${levels.join("\n")}\n]>\n<lolz>${"&lol9;".repeat(100)}</lolz>`;
  const started = performance.now();
  const read = parseXml(text, "in.xml");
  assert.ok(performance.now() - started < 1000, "refused quickly");
  assert.deepEqual(problemsOf(read), [
    {
      line: 2, column: 1, field: "",
      message:
        "the DOCTYPE declares entities of its own (lol0, lol1, lol2, lol3, lol4, … (10 in all)), which are never expanded: " +
        "entities built from one another can grow without bound (expected no entity declarations; HTML entities such as &nbsp; need none)",
        code: "WD204",
    },
  ]);
});

test("one large entity used many times (quadratic blow-up) is refused too", () => {
  const text = `<!DOCTYPE x [<!ENTITY big "${"x".repeat(50_000)}">]><x>${"&big;".repeat(50_000)}</x>`;
  assert.match(problemsOf(parseXml(text, "in.xml"))[0]?.message ?? "", /declares entities of its own \(big\)/);
});

test("a DOCTYPE naming an external DTD is read past without fetching it", (t) => {
  const fetched = t.mock.method(globalThis, "fetch", () => Promise.reject(new Error("no network in tests")));
  const text = '<?xml version="1.0"?>\n<!-- wire -->\n<!DOCTYPE nitf SYSTEM "http://127.0.0.1:9/nitf-3-5.dtd">\n<nitf><p>A&nbsp;b</p></nitf>';
  const root = rootOf(parseXml(text, "in.xml"));
  assert.equal(elementText(root), "A\u00a0b");
  assert.equal(fetched.mock.callCount(), 0);
});

test("an internal subset without entities is fine, and a commented-out declaration is no declaration", () => {
  const text = '<!DOCTYPE x SYSTEM "x.dtd" [\n<!-- <!ENTITY e SYSTEM "file:///etc/passwd"> -->\n<!ELEMENT x ANY>\n<!ATTLIST x a CDATA "1">\n]>\n<x>ok</x>';
  assert.equal(elementText(rootOf(parseXml(text, "in.xml"))), "ok");
});

test("malformed XML is one problem with its line and column", () => {
  assert.deepEqual(problemsOf(parseXml("<a>\n  <b>\n</a>", "in.xml")), [
    { line: 3, column: 1, field: "", message: "not well-formed XML: Expected closing tag 'b' (opened in line 2, col 3) instead of closing tag 'a'.", code: "WD203" },
  ]);
});

test("a file cut off inside its elements is told where it ends, what is still open, and to fetch it again", () => {
  const cut = (open: string) => `not well-formed XML: the file ends before ${open} closed (expected the whole document: the file looks cut off, as a partial upload leaves it; fetch or copy it again)`;
  const nitf = readFileSync(join(import.meta.dirname, "../../fixtures/wire/nitf/cut-off.xml"), "utf8");
  assert.deepEqual(problemsOf(parseXml(nitf, "in.xml")), [{ line: 4, column: 62, field: "", message: cut("<p>, <body.content>, <body> and <nitf> are"), code: "WD203" }]);
  const rss = '<?xml version="1.0"?>\n<rss version="2.0">\n  <channel>\n    <item>\n      <title>Two</title>\n';
  assert.deepEqual(problemsOf(parseXml(rss, "in.xml")), [{ line: 5, column: 25, field: "", message: cut("<item>, <channel> and <rss> are"), code: "WD203" }]);
  // One element open, its children whole: the validator says so in other words, told the same.
  assert.deepEqual(problemsOf(parseXml("<rss>\n  <channel></channel>\n", "in.xml")), [{ line: 2, column: 22, field: "", message: cut("<rss> is"), code: "WD203" }]);
});

test("an empty file, text or a second element outside the root, and runaway nesting are refused", () => {
  assert.deepEqual(problemsOf(parseXml(" \n", "in.xml")), [{ field: "", message: "is empty (expected an XML document)", code: "WD203" }]);
  assert.deepEqual(problemsOf(parseXml("<a/><b/>", "in.xml")), [
    { field: "", message: "has content outside its root element (expected one root element holding everything; found elements <a>, <b>)", code: "WD203" },
  ]);
  assert.deepEqual(problemsOf(parseXml("<a/>trailing", "in.xml")), [
    { field: "", message: "has content outside its root element (expected one root element holding everything; found elements <a>)", code: "WD203" },
  ]);
  const deep = `${"<d>".repeat(500)}${"</d>".repeat(500)}`;
  assert.deepEqual(problemsOf(parseXml(deep, "in.xml")), [{ field: "", message: "not readable as XML: Maximum nested tags exceeded", code: "WD203" }]);
});

test("element text keeps blocks apart, inline markup together, and collapses white space", () => {
  const root = rootOf(parseXml("<abstract><p>One <em>two</em>s.</p><p>\n  Three.</p></abstract>", "in.xml"));
  assert.equal(elementText(root), "One twos. Three.");
  assert.equal(elementText(undefined), "");
});

test("paths index an element only among namesakes, and descendants are found in document order", () => {
  const root = rootOf(parseXml("<set><item/><note/><item><media/><block><media/></block></item></set>", "in.xml"));
  const [first, second] = root.children.filter((node): node is XmlElement => typeof node !== "string" && node.name === "item");
  assert.ok(first && second);
  assert.equal(childPath("/set", root, first), "/set/item[1]");
  assert.equal(childPath("/set", root, childElement(root, "note") as XmlElement), "/set/note");
  assert.deepEqual(
    descendants(root, "/set", "media").map(({ path }) => path),
    ["/set/item[2]/media", "/set/item[2]/block/media"],
  );
});
