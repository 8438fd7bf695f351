import assert from "node:assert/strict";
import { test } from "node:test";
import { cutAtWord, describeByFirstSentence, firstSentence, MAX_DESCRIPTION, storyDescription } from "../../../src/lib/story/description.ts";

test("the first sentence ends at its full stop, question or exclamation mark", () => {
  assert.equal(firstSentence("The harbour reopened on Monday. Ferries ran at noon."), "The harbour reopened on Monday.");
  assert.equal(firstSentence("Will the ferries run? The operator did not say."), "Will the ferries run?");
  assert.equal(firstSentence("Nobody expected it! Then it happened."), "Nobody expected it!");
  assert.equal(firstSentence("One paragraph with no full stop"), "One paragraph with no full stop");
  assert.equal(firstSentence("  Lines\n  wrapped as typed.  Next."), "Lines wrapped as typed.");
});

test("abbreviations, initials and numbers do not end a sentence", () => {
  assert.equal(
    firstSentence("Imports from the U.S. rose 1.2 percent in Sept. to a record, Dr. J. Smith said on Monday. The ministry agreed."),
    "Imports from the U.S. rose 1.2 percent in Sept. to a record, Dr. J. Smith said on Monday.",
  );
  assert.equal(firstSentence("The plant near Peoria, Ill. Was it safe?"), "The plant near Peoria, Ill. Was it safe?");
  // The same letters as an ordinary word end the sentence.
  assert.equal(firstSentence("Two workers fell ill. The plant closed."), "Two workers fell ill.");
  assert.equal(firstSentence("The meeting ended at 5 p.m. on Friday. Talks resume today."), "The meeting ended at 5 p.m. on Friday.");
});

test("quotes close around the end of a sentence; a quoted question followed by its speaker goes on", () => {
  assert.equal(firstSentence('"We will rebuild the pier." The mayor spoke at noon.'), '"We will rebuild the pier."');
  assert.equal(firstSentence("“Is it safe?” she asked. Nobody answered."), "“Is it safe?” she asked.");
  assert.equal(firstSentence("«Мы откроем порт», — заявил мэр. Паромы вышли в море."), "«Мы откроем порт», — заявил мэр.");
});

test("Cyrillic: the sentence ends before a capital, not at an initial or a house abbreviation", () => {
  assert.equal(
    firstSentence("В. Путин провёл встречу в 2013 г. в Москве, сообщили в Кремле. Переговоры продолжатся."),
    "В. Путин провёл встречу в 2013 г. в Москве, сообщили в Кремле.",
  );
  assert.equal(firstSentence("Рост составил 5 млрд. Рублей больше не хватает."), "Рост составил 5 млрд. Рублей больше не хватает.");
});

test("a first sentence longer than a description is cut after a whole word, with an ellipsis", () => {
  const long = `${"The regional council approved the harbour plan ".repeat(6)}after a long debate. Next.`;
  const described = describeByFirstSentence(long);
  assert.ok(described.length <= MAX_DESCRIPTION, `${described.length} characters`);
  assert.ok(described.endsWith("…"));
  assert.ok(long.startsWith(described.slice(0, -1)));
  assert.match(described, /\p{L}…$/u, "cut after a word, never in one or after a space");
  assert.equal(describeByFirstSentence("Short one. Next."), "Short one.");
});

test("a cut never leaves a dangling comma or dash, and a single overlong word is cut where the room ends", () => {
  assert.equal(cutAtWord("alpha, beta gamma", 9), "alpha…");
  assert.equal(cutAtWord("alpha beta", 10), "alpha beta");
  assert.equal(cutAtWord("ab cd ef", 6), "ab cd…", "a word that ends where the room does is kept");
  assert.equal(cutAtWord("x".repeat(20), 10), `${"x".repeat(9)}…`);
});

test("a story's description: its lead, else its text's first sentence as plain text, else its headline", () => {
  const title = "Harbour reopens";
  assert.equal(storyDescription({ title, lead: "The standfirst." }, "The text. More."), "The standfirst.");
  assert.equal(
    storyDescription({ title }, "## A heading first\n\n![a pier](pier.jpg) The **harbour** [reopened](https://example.com/) on `Monday`\nafter the storm. More text.\n"),
    "The harbour reopened on Monday after the storm.",
  );
  assert.equal(storyDescription({ title }, "Prices rose 5 \\* 2 &amp; more. Then fell."), "Prices rose 5 * 2 & more.");
  assert.equal(storyDescription({ title }, "- a list item\n"), "a list item");
  assert.equal(storyDescription({ title }, "## Only a heading\n"), title);
});
