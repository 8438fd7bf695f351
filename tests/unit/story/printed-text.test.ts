import assert from "node:assert/strict";
import { test } from "node:test";
import { commentProblem, referencesProblem, withCharacters } from "../../../src/lib/story/printed-text.ts";

test("a named, decimal or hex character reference is refused, quoted, with the value written with its characters as the fix", () => {
  assert.equal(
    referencesProblem("AT&amp;T &mdash; entities"),
    'holds the HTML character references "&amp;" (&) and "&mdash;" (—), which a field prints as typed, not as the characters they stand for (expected the characters themselves: AT&T — entities)',
  );
  assert.equal(
    referencesProblem("Talks end &#8212; or pause &#x2014; again &#X2014;"),
    'holds the HTML character references "&#8212;" (—), "&#x2014;" (—), and "&#X2014;" (—), which a field prints as typed, not as the characters they stand for (expected the characters themselves: Talks end — or pause — again —)',
  );
  assert.equal(
    referencesProblem("Q&amp;A on Q&amp;A"),
    'holds the HTML character reference "&amp;" (&), which a field prints as typed, not as the character it stands for (expected the characters themselves: Q&A on Q&A)',
    "a reference written twice is quoted once",
  );
  assert.equal(referencesProblem("&copy; 2024 AP")?.endsWith("(expected the characters themselves: © 2024 AP)"), true);
  assert.equal(referencesProblem("&AMP; &quot;x&quot; &lt;b&gt;")?.endsWith('(expected the characters themselves: & "x" <b>)'), true);
});

test("what only looks like a reference is words: no name HTML knows, no closing ; or no & at all", () => {
  for (const value of ["R&D", "AT&T;", "AT&T", "Q & A", "Smith & Wesson;", "&amp", "&copy 2024", "&#;", "&#x;", "&foo;", "Fish&chips;", "50% & more", "&#12345678;"]) {
    assert.equal(referencesProblem(value), undefined, value);
    assert.equal(withCharacters(value), value, value);
  }
});

test("a reference to no character a line can hold is left out of the fix; one a reader cannot see is named by its code point", () => {
  assert.equal(
    referencesProblem("Tab&#9;here &#0; and&nbsp;there&shy;"),
    'holds the HTML character references "&#9;" (no character a field can hold), "&#0;" (no character a field can hold), "&nbsp;" (U+00A0), and "&shy;" (U+00AD), which a field prints as typed, not as the characters they stand for (expected the characters themselves: Tabhere and\u00a0there\u00ad)',
  );
  assert.equal(withCharacters("one &#xD800; two"), "one two");
  assert.equal(withCharacters("&#x1F600; smile"), "😀 smile");
});

test("a long value's fix is not quoted whole", () => {
  const lead = `${"Word ".repeat(80)}&amp; more`;
  assert.equal(referencesProblem(lead), 'holds the HTML character reference "&amp;" (&), which a field prints as typed, not as the character it stands for (expected the characters themselves in their place)');
});

test("an HTML comment in a field is refused as the text's is, quoted, with the value without it as the fix", () => {
  assert.equal(
    commentProblem("Talks resume <!-- check the day --> in Geneva"),
    '"<!-- check the day -->" is an HTML comment: a field hides none, so the page would print it for readers (expected the text without it: Talks resume in Geneva; keep a note to the desk on a line starting with # in the front matter, which is not published)',
  );
  assert.equal(
    commentProblem("Talks resume <!-- which day?"),
    '"<!-- which day?" is an HTML comment: a field hides none, so the page would print it for readers (expected the text without it: Talks resume; keep a note to the desk on a line starting with # in the front matter, which is not published)',
    "one never closed runs to the value's end",
  );
  assert.equal(
    commentProblem("<!-- a --> Talks <!-- b -->"),
    '"<!-- a -->", "<!-- b -->" are HTML comments: a field hides none, so the page would print them for readers (expected the text without them: Talks; keep a note to the desk on a line starting with # in the front matter, which is not published)',
  );
  assert.equal(commentProblem("<!-- all of it -->")?.includes("(expected the field's own words;"), true);
  const long = commentProblem(`Talks <!-- ${"note ".repeat(30)}-->`) ?? "";
  assert.equal(long.startsWith('"<!-- note note note note note note note note note note note…" is an HTML comment'), true, long);
  for (const value of ["Talks <- resume", "a <! b", "x -- y -->", "<-- note"]) assert.equal(commentProblem(value), undefined, value);
});
