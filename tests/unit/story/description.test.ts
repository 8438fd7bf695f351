import assert from "node:assert/strict";
import { test } from "node:test";
import { storyDescription } from "../../../src/lib/story/description.ts";

/** The description of a story with no lead whose text is `text`. */
const described = (text: string): string => storyDescription({ title: "Harbour reopens" }, text);

test("the first sentence ends at its full stop, question or exclamation mark", () => {
  assert.equal(described("The harbour reopened on Monday. Ferries ran at noon."), "The harbour reopened on Monday.");
  assert.equal(described("Will the ferries run? The operator did not say."), "Will the ferries run?");
  assert.equal(described("Nobody expected it! Then it happened."), "Nobody expected it!");
  assert.equal(described("One paragraph with no full stop"), "One paragraph with no full stop");
  assert.equal(described("  Lines\n  wrapped as typed.  Next."), "Lines wrapped as typed.");
});

test("abbreviations, initials and numbers do not end a sentence", () => {
  assert.equal(
    described("Imports from the U.S. rose 1.2 percent in Sept. to a record, Dr. J. Smith said on Monday. The ministry agreed."),
    "Imports from the U.S. rose 1.2 percent in Sept. to a record, Dr. J. Smith said on Monday.",
  );
  assert.equal(described("The plant near Peoria, Ill. Was it safe?"), "The plant near Peoria, Ill. Was it safe?");
  // The same letters as an ordinary word end the sentence.
  assert.equal(described("Two workers fell ill. The plant closed."), "Two workers fell ill.");
  assert.equal(described("The meeting ended at 5 p.m. on Friday. Talks resume today."), "The meeting ended at 5 p.m. on Friday.");
});

test("quotes close around the end of a sentence; a quoted question followed by its speaker goes on", () => {
  assert.equal(described('"We will rebuild the pier." The mayor spoke at noon.'), '"We will rebuild the pier."');
  assert.equal(described("“Is it safe?” she asked. Nobody answered."), "“Is it safe?” she asked.");
  assert.equal(described("«Мы откроем порт», — заявил мэр. Паромы вышли в море."), "«Мы откроем порт», — заявил мэр.");
});

test("Cyrillic: the sentence ends before a capital, not at an initial or a house abbreviation", () => {
  assert.equal(
    described("В. Путин провёл встречу в 2013 г. в Москве, сообщили в Кремле. Переговоры продолжатся."),
    "В. Путин провёл встречу в 2013 г. в Москве, сообщили в Кремле.",
  );
  assert.equal(described("Рост составил 5 млрд. Рублей больше не хватает."), "Рост составил 5 млрд. Рублей больше не хватает.");
});

test("a first sentence longer than a description is cut after a whole word, with an ellipsis", () => {
  const long = `${"The regional council approved the harbour plan ".repeat(6)}after a long debate. Next.`;
  const description = described(long);
  assert.ok(description.length <= 200, `${description.length} characters`);
  assert.ok(description.endsWith("…"));
  assert.ok(long.startsWith(description.slice(0, -1)));
  assert.match(description, /\p{L}…$/u, "cut after a word, never in one or after a space");
  assert.equal(described("Short one. Next."), "Short one.");
});

test("a description is at most 200 characters: a cut never leaves a dangling comma or dash, and a single overlong word is cut where the room ends", () => {
  /** One word of letters, then a space: `length` characters that put what follows at that place. */
  const before = (length: number) => `${"a".repeat(length - 1)} `;
  assert.equal(described(`${before(191)}alpha, beta gamma`), `${before(191)}alpha…`);
  assert.equal(described(`${before(190)}alpha beta`), `${before(190)}alpha beta`, "200 characters fit whole");
  assert.equal(described(`${before(191)}alpha beta`), `${before(191)}alpha…`, "201 do not");
  assert.equal(described(`${before(194)}ab cd ef`), `${before(194)}ab cd…`, "a word that ends where the room does is kept");
  assert.equal(described("x".repeat(250)), `${"x".repeat(199)}…`);
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
