import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFrontMatter, splitStory, typedDraft } from "../../../src/lib/story/front-matter.ts";
import { nearestName } from "../../../src/lib/story/nearest-name.ts";

test("a story is cut where Eleventy cuts it, with the line its body starts on", () => {
  assert.deepEqual(splitStory("---\ntitle: A\n---\n\nBody.\n"), { language: "", yaml: "\ntitle: A", closed: true, afterClose: "", body: "\nBody.\n", bodyLine: 4 });
  // Whatever line breaks it was saved with, a story is cut as with line feeds: no CR is left on the last field's value.
  const lineFeeds = { language: "", yaml: "\ntitle: A\ndraft: true", closed: true, afterClose: "", body: "\nBody,\nmore.\n", bodyLine: 5 };
  for (const saved of ["---\r\ntitle: A\r\ndraft: true\r\n---\r\n\r\nBody,\r\nmore.\r\n", "---\rtitle: A\rdraft: true\r---\r\rBody,\rmore.\r", "---\r\ntitle: A\ndraft: true\r---\n\r\nBody,\rmore.\n"]) {
    assert.deepEqual(splitStory(saved), lineFeeds, JSON.stringify(saved));
  }
  assert.equal(splitStory("---js\r\n{}\r\n---\r\n")?.language, "js");
  assert.equal(splitStory("---js\n{}\n---\n")?.language, "js");
  assert.equal(splitStory("---\ntitle: A\n")?.closed, false);
  // A closing line with more after its ---, which Eleventy's reader takes as the close all the same.
  assert.deepEqual(splitStory("---\ntitle: A\n----\nBody.\n"), { language: "", yaml: "\ntitle: A", closed: true, afterClose: "-", body: "-\nBody.\n", bodyLine: 3 });
  assert.equal(splitStory("---\ntitle: A\n--- \nBody.\n")?.afterClose, " ");
  assert.equal(splitStory("Just text.\n"), undefined);
});

test("front matter is YAML core: dates and yes stay text, and each field keeps its line", () => {
  const parsed = parseFrontMatter("\ntitle: A\ndate: 2013-09-02\ndraft: yes\nphoto:\n  src: a.jpg\ntags:\n  - x\n  - y\n");
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.frontMatter.fields, { title: "A", date: "2013-09-02", draft: "yes", photo: { src: "a.jpg" }, tags: ["x", "y"] });
  assert.deepEqual(Object.fromEntries(parsed.frontMatter.lines), { title: 2, date: 3, draft: 4, photo: 5, "photo.src": 6, tags: 7, "tags.0": 8, "tags.1": 9 });
});

test("front matter saved with CR LF or CR line breaks reads as with line feeds: the same fields, lines and problems", () => {
  const yaml = "\ntitle: Brazil #1 market rises\nlead: Shares in the region's\n  #1 economy rose\npriority: 1\ntags: [North Korea, Diplomacy]\ndraft: true\n";
  const withLineFeeds = parseFrontMatter(yaml);
  assert.ok(withLineFeeds.ok);
  assert.deepEqual(withLineFeeds.frontMatter.fields, { title: "Brazil", lead: "Shares in the region's", priority: 1, tags: ["North Korea", "Diplomacy"], draft: true });
  // The last: the YAML of a CR LF file as cut before its closing `\n---`, ending in a CR.
  for (const saved of [yaml.replaceAll("\n", "\r\n"), yaml.replaceAll("\n", "\r"), yaml.replaceAll("\n", "\r\n").slice(0, -1)]) {
    assert.deepEqual(parseFrontMatter(saved), withLineFeeds, JSON.stringify(saved));
  }
  // Where YAML cannot be read, the draft line as typed is read past its CR too.
  for (const saved of ["\r\ntitle: A: B\r\ndraft: true\r", "\rtitle: A: B\rdraft: true\r"]) assert.equal(typedDraft(saved), true, JSON.stringify(saved));
});

/** Each problem of a front matter as `line: field: message`. */
function problemsIn(yaml: string): string[] {
  const parsed = parseFrontMatter(yaml);
  const problems = parsed.ok ? parsed.frontMatter.problems : parsed.problems;
  return problems.map(({ line, field = "front matter", message }) => `${line}: ${field}: ${message}`);
}

test("every YAML problem is reported with its line, never thrown", () => {
  const parsed = parseFrontMatter("\ntitle: A\ntitle: B\nlead: @desk Talks resume\n");
  assert.ok(!parsed.ok);
  assert.deepEqual(parsed.problems.map(({ line, message }) => `${line}: ${message.split(" (")[0]}`), [
    "3: written twice, first on line 2",
    '4: YAML keeps the "@" a value starts with for its own use, so it cannot start one unquoted',
  ]);
  const list = parseFrontMatter("\n- a\n- b\n");
  assert.ok(!list.ok);
  assert.match(list.problems[0]?.message ?? "", /^got a list \(expected YAML fields/);
});

test("a list or group where a field's name goes is a problem at its line, not a field YAML makes text of", () => {
  for (const [text, line] of [["title: A\n? [a, b]\n: c\n", 2], ["title: A\nphoto:\n  ? {x: 1}\n  : y\n", 3]] as const) {
    const parsed = parseFrontMatter(text);
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.problems, [{ line, code: "WD113", message: "a list or group of fields where a field's name goes (expected YAML fields, one per line, such as title: Talks resume)" }]);
  }
});

test("an unquoted value followed by ` #` is refused with the line that keeps it whole", () => {
  const yaml = "\ntitle: Brazil #1 market rises\nlead: Shares rose 1.2 percent #markets\ndate: 2013-09-02\n";
  const parsed = parseFrontMatter(yaml);
  assert.ok(parsed.ok, "the fields stay readable, so their other checks still run");
  assert.equal(parsed.frontMatter.fields["title"], "Brazil");
  assert.deepEqual(problemsIn(yaml), [
    '2: title: unquoted, so YAML reads "#1 market rises" as a note, drops it and keeps only "Brazil" (expected the whole value in quotes: title: "Brazil #1 market rises"; or the note on a line of its own)',
    '3: lead: unquoted, so YAML reads "#markets" as a note, drops it and keeps only "Shares rose 1.2 percent" (expected the whole value in quotes: lead: "Shares rose 1.2 percent #markets"; or the note on a line of its own)',
  ]);
});

test("a note is allowed on its own line, after a quoted value, a non-text value, a list or a group's name", () => {
  const yaml = '\n# checked with the desk\ntitle: "Brazil #1 market rises" # agency headline\ndraft: true # until legal reads it\ntags: [Markets, Brazil] # two topics\nphoto: # the lead photo\n  src: a.jpg\n';
  assert.deepEqual(problemsIn(yaml), []);
  assert.equal((parseFrontMatter(yaml) as { ok: true; frontMatter: { fields: Record<string, unknown> } }).frontMatter.fields["title"], "Brazil #1 market rises");
});

test("a value a note leaves empty, a list item's or a bracketed item's cut is named at its own field", () => {
  assert.deepEqual(problemsIn("\ntitle: #1 Brazil\ntags:\n  - Markets\n  - Brazil #1\nphoto:\n  src: a.jpg\n  credit: Photo EPA #2\n"), [
    '2: title: unquoted, so YAML reads "#1 Brazil" as a note, drops it and the value is left empty (expected the whole value in quotes: title: "#1 Brazil"; or the note on a line of its own)',
    '5: tags.1: unquoted, so YAML reads "#1" as a note, drops it and keeps only "Brazil" (expected the whole value in quotes: - "Brazil #1"; or the note on a line of its own)',
    '8: photo.credit: unquoted, so YAML reads "#2" as a note, drops it and keeps only "Photo EPA" (expected the whole value in quotes: credit: "Photo EPA #2"; or the note on a line of its own)',
  ]);
  // In brackets the note hides the closing bracket too: one problem, not the parser's as well.
  assert.deepEqual(problemsIn("\ntitle: A\ntags: [Markets, Brazil #1]\nlead: B\n"), [
    '3: tags.1: unquoted, so YAML reads "#1]" as a note, drops it and keeps only "Brazil" (expected the whole value in quotes: tags: [Markets, "Brazil #1"]; or the note on a line of its own)',
  ]);
  // Double quotes inside the value are kept by quoting it with single ones.
  assert.match(problemsIn('\ntitle: The "Brazil" rally #1\n')[0] ?? "", /in quotes: title: 'The "Brazil" rally #1';/);
});

test("a value wrapped onto a line starting with # is refused at that line, not cut there unseen", () => {
  const yaml = "\ntitle: Brazil shares\n  #1 in the region rise\nlead: Shares in the region's\n  #1 economy rose on Friday\ndate: 2026-12-03T10:00\ntags:\n  - Markets\n  - Brazil\n    #1 market\nphoto:\n  src: a.jpg\n  alt: Traders at the\n\n    #2 exchange\n";
  const parsed = parseFrontMatter(yaml);
  assert.ok(parsed.ok, "the fields stay readable, so their other checks still run");
  assert.deepEqual(problemsIn(yaml), [
    '3: title: unquoted, so YAML reads "#1 in the region rise" as a note, drops it and keeps only "Brazil shares" (expected the whole value in quotes: title: "Brazil shares #1 in the region rise"; or the note indented no further than title:)',
    `5: lead: unquoted, so YAML reads "#1 economy rose on Friday" as a note, drops it and keeps only "Shares in the region's" (expected the whole value in quotes: lead: "Shares in the region's #1 economy rose on Friday"; or the note indented no further than lead:)`,
    `10: tags.1: unquoted, so YAML reads "#1 market" as a note, drops it and keeps only "Brazil" (expected the whole value in quotes: - "Brazil #1 market"; or the note indented no further than the item's -)`,
    '15: photo.alt: unquoted, so YAML reads "#2 exchange" as a note, drops it and keeps only "Traders at the" (expected the whole value in quotes: alt: "Traders at the #2 exchange"; or the note indented no further than alt:)',
  ]);
  // A date is whole on its line: a note indented under it is a note, as meant.
  assert.deepEqual(problemsIn("\ntitle: A\ndate: 2026-12-03T10:00\n  # moved from 09:00\nupdated: 2026-12-03\n    # the desk's\n"), []);
  assert.deepEqual(problemsIn("\ntitle: A\ndate: 2026-12-03T10:00 # moved\n"), [], "and after it on its line");
  assert.equal(problemsIn("\ntitle: A\nlead: Rates rose on 2026-12-03 #1\n").length, 1, "text that holds a date is still text");
  // Each fix reads back as the words typed.
  const fixed = parseFrontMatter(`\nlead: "Shares in the region's #1 economy rose on Friday"\ntags:\n  - "Brazil #1 market"\n`);
  assert.ok(fixed.ok);
  assert.deepEqual(fixed.frontMatter.fields, { lead: "Shares in the region's #1 economy rose on Friday", tags: ["Brazil #1 market"] });
  // Only the first note cuts: a value's first line cut by one is one problem, there.
  assert.deepEqual(problemsIn("\nlead: Shares #1 rose\n  #2 again\n").map((problem) => problem.split(" (")[0]), ['2: lead: unquoted, so YAML reads "#1 rose" as a note, drops it and keeps only "Shares"']);
  // A marked value's fix quotes the wrapped note back in too: one problem.
  assert.deepEqual(problemsIn("\ntitle: &Co shares\n  #1 rise\n"), [
    '2: title: unquoted, so YAML reads "&Co" as an anchor (a name to repeat the value by) and "#1 rise" as a note, drops both and keeps only "shares" (expected the whole value in quotes: title: "&Co shares #1 rise"; or the note indented no further than title:)',
  ]);
  // In brackets a note cuts at any column.
  assert.deepEqual(problemsIn("\ntags: [Markets, Brazil\n  #1 market\n  ]\n"), [
    '3: tags.1: unquoted, so YAML reads "#1 market" as a note, drops it and keeps only "Brazil" (expected the whole value in quotes: tags: [Markets, "Brazil #1 market")',
  ]);
});

test("a note on a line of its own, not indented under an unquoted value, is allowed", () => {
  const yaml = [
    "",
    "# checked with the desk",
    "title: Brazil shares rise",
    "# the agency's headline",
    "lead: Shares in the region",
    "  rose on Friday",
    "# wrapped above, on purpose",
    'dateline: "SAO PAULO"',
    "  # quoted, so nothing to cut",
    "draft: true",
    "  # until legal reads it",
    "tags: [Markets, Brazil]",
    "  # two topics",
    "photo: # the lead photo",
    "  # from the agency",
    "  src: a.jpg",
    "  # its words",
    "  alt: Traders",
    "by:",
    "  - Ann Smith",
    "  # and",
    "  - Bo Li",
    "# the end",
    "",
  ].join("\n");
  assert.deepEqual(problemsIn(yaml), []);
  const parsed = parseFrontMatter(yaml);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.frontMatter.fields["lead"], "Shares in the region rose on Friday");
});

test("YAML mistakes are named at the line they are on, in plain words with the fix", () => {
  assert.deepEqual(problemsIn('\ntitle: "Talks resume\nlead: A short lead.\ndate: 2013-09-02\ndateline: MOSCOW\n'), [
    '2: title: the " opened here is never closed, so the lines after it are read as part of this value (expected a closing " at the end of the value: title: "Talks resume")',
  ]);
  assert.deepEqual(problemsIn("\ntitle: Brazil: shares close higher\nlead: A\n"), [
    '2: title: ": " inside an unquoted value reads as the start of another field (expected the whole value in quotes: title: "Brazil: shares close higher")',
  ]);
  assert.deepEqual(problemsIn("\ntitle: A\nphoto:\n\tsrc: a.jpg\n\talt: B\n"), [
    "4: front matter: indented with a tab (expected spaces: YAML does not take tabs for indentation)",
    "5: front matter: indented with a tab (expected spaces: YAML does not take tabs for indentation)",
  ]);
  assert.deepEqual(problemsIn("\ntitle: A\ndate: 2013-09-02\ntitle: B\n"), ["4: title: written twice, first on line 2 (expected each field once: keep the one you mean)"]);
  assert.deepEqual(problemsIn('\ntitle: "Brazil" rises\n'), [
    `2: title: the value goes on after its closing quote (expected the whole value in quotes: title: '"Brazil" rises')`,
  ]);
  assert.deepEqual(problemsIn("\ntitle: A\ntags: [Markets, Brazil\ndate: 2013-09-02\n"), [
    "3: tags: the [ opened here is never closed (expected a closing ] at the end of the list, on its line: tags: [Markets, Brazil])",
  ]);
  assert.deepEqual(problemsIn("\ntitle: Talks resume\nMoscow hopes for talks\nlead: B\n"), [
    "3: front matter: a line with no field name, or indented unlike the lines around it (expected field: value, such as title: Talks resume; a note starts with #)",
  ]);
});

test("an empty item in a list, a character YAML keeps and a line of ... are each told with the line to type", () => {
  // Quoting a list with an empty item, as a closing bracket's fix would, makes one topic of its text, brackets and all.
  assert.deepEqual(problemsIn("\ntitle: A\ntags: [Markets, , Asia]\n"), ["3: tags: an empty item between commas, which YAML cannot read (expected each item once between commas: tags: [Markets, Asia])"]);
  assert.deepEqual(problemsIn("\ntitle: A\ntags: [, Markets,, Asia,]\n"), ["3: tags: an empty item between commas, which YAML cannot read (expected each item once between commas: tags: [Markets, Asia])"]);
  assert.deepEqual(problemsIn("\ntitle: @mention leads\n"), ['2: title: YAML keeps the "@" a value starts with for its own use, so it cannot start one unquoted (expected the whole value in quotes: title: "@mention leads")']);
  assert.deepEqual(problemsIn("\ntitle: `code` leads\n"), ['2: title: YAML keeps the "`" a value starts with for its own use, so it cannot start one unquoted (expected the whole value in quotes: title: "`code` leads")']);
  assert.deepEqual(problemsIn("\ntitle: A\nby: [Ann Smith, @bo, Cy Li]\n"), ['3: by: YAML keeps the "@" a value starts with for its own use, so it cannot start one unquoted (expected the whole value in quotes: by: [Ann Smith, "@bo", Cy Li])']);
  assert.deepEqual(problemsIn("\ntitle: A\n...\nlead: B\n"), ["3: front matter: a line of ..., which ends the fields in YAML, so those after it are not read (expected the line taken out, or its words in a field's value)"]);
});

test("a value opening with an apostrophe YAML takes for a quote is told to keep it, in a list too", () => {
  const unclosed = "a ' at the start of a value opens a quote in YAML, and this one is never closed, so the lines after it are read as part of this value";
  assert.deepEqual(problemsIn("\ntitle: '90s bands return\nlead: Fans queue for tickets.\n"), [`2: title: ${unclosed} (expected the whole value in quotes: title: "'90s bands return")`]);
  assert.deepEqual(problemsIn("\ntitle: A\ntags:\n  - Music\n  - '90s\n"), [`5: tags.1: ${unclosed} (expected the whole value in quotes: - "'90s")`]);
  // In brackets the value ends at the comma, and the bracket the quote swallowed is not a second mistake.
  assert.deepEqual(problemsIn("\ntags: ['90s, Music]\n"), [`2: tags.0: ${unclosed} (expected the whole value in quotes: tags: ["'90s", Music])`]);
  // Double quotes in the value are kept by single quotes, the apostrophe doubled as YAML reads it.
  assert.deepEqual(problemsIn(`\ntitle: '90s "grunge" returns\n`), [`2: title: ${unclosed} (expected the whole value in quotes: title: '''90s "grunge" returns')`]);
  // Each fix reads back as the words typed.
  const fields = [`title: "'90s bands return"`, `tags: ["'90s", Music]`, `title: '''90s "grunge" returns'`].map((fixed) => {
    const parsed = parseFrontMatter(`\n${fixed}\n`);
    return parsed.ok ? parsed.frontMatter.fields : undefined;
  });
  assert.deepEqual(fields, [{ title: "'90s bands return" }, { tags: ["'90s", "Music"] }, { title: `'90s "grunge" returns` }]);
});

test("a field or list item indented unlike its neighbours is named at its own line", () => {
  const deeper = "indented more than the field above it (expected each field at the same column as the fields beside it)";
  assert.deepEqual(problemsIn("\ntitle: A\n lead: B\ndate: 2013-09-02\n"), [`3: front matter: ${deeper}`]);
  assert.deepEqual(problemsIn("\nphoto:\n  src: a.jpg\n   alt: B\n  credit: C\n"), [`4: front matter: ${deeper}`]);
  assert.deepEqual(problemsIn("\nphoto:\n    src: a.jpg\n  alt: B\n"), ["4: front matter: indented unlike the fields above it (expected the fields of a group at the same column)"]);
  assert.deepEqual(problemsIn("\ntags:\n  - Markets\n - Brazil\n"), ["4: front matter: a list item indented unlike the items above it (expected every - of a list at the same column)"]);
  // A deeper item is no YAML error at all: it would silently become more words of the item above.
  assert.deepEqual(problemsIn("\ntags:\n  - Markets\n    - Brazil\n  - Energy\n"), [
    "4: tags.0: a list item indented more than the one above it, so YAML reads it as more words of that item (expected every - of a list at the same column)",
  ]);
});

test("several YAML mistakes in one front matter are each reported, each at its own field", () => {
  assert.deepEqual(problemsIn('\ntitle: Brazil: shares close higher\nlead: "Prices rose\ndate: 2013-09-02\n'), [
    '2: title: ": " inside an unquoted value reads as the start of another field (expected the whole value in quotes: title: "Brazil: shares close higher")',
    '3: lead: the " opened here is never closed, so the lines after it are read as part of this value (expected a closing " at the end of the value: lead: "Prices rose")',
  ]);
  assert.deepEqual(problemsIn("\ntitle: A\ntitle: B\nphoto:\n  src: a.jpg\n  src: b.jpg\n").map((problem) => problem.split(" (")[0]), [
    "3: title: written twice, first on line 2",
    "6: photo.src: written twice, first on line 5",
  ]);
});

test("an alias bomb is refused, not expanded", () => {
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)].join("\n");
  const parsed = parseFrontMatter(bomb);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.frontMatter.fields["i"], Array(9).fill(null));
  assert.equal(parsed.frontMatter.problems.filter(({ code }) => code === "WD118").length, 9 + 8 * 9);
});

test("an anchor, tag or alias YAML would take from a value is refused with the value quoted as written", () => {
  const yaml = "\ntitle: &Co shares fall\nlead: &nbsp;Shares fell\nby: [Ann Smith, &Bo Li]\ntags: [&Markets, Brazil]\ndateline: ! MOSCOW\nphoto: &p\n  src: a.jpg\n";
  const parsed = parseFrontMatter(yaml);
  assert.ok(parsed.ok, "the fields stay readable, so their other checks still run");
  assert.deepEqual(problemsIn(yaml), [
    '2: title: unquoted, so YAML reads "&Co" as an anchor (a name to repeat the value by), drops it and keeps only "shares fall" (expected the whole value in quotes: title: "&Co shares fall")',
    '3: lead: unquoted, so YAML reads "&nbsp;Shares" as an anchor (a name to repeat the value by), drops it and keeps only "fell" (expected the whole value in quotes: lead: "&nbsp;Shares fell")',
    '4: by.1: unquoted, so YAML reads "&Bo" as an anchor (a name to repeat the value by), drops it and keeps only "Li" (expected the whole value in quotes: by: [Ann Smith, "&Bo Li"])',
    '5: tags.0: unquoted, so YAML reads "&Markets" as an anchor (a name to repeat the value by), drops it and the value is left empty (expected the whole value in quotes: tags: ["&Markets", Brazil])',
    '6: dateline: unquoted, so YAML reads "!" as a tag (a type for the value), drops it and keeps only "MOSCOW" (expected the whole value in quotes: dateline: "! MOSCOW")',
    '7: photo: YAML reads "&p" as an anchor (a name to repeat the value by), which story fields do not use (expected the line without it: photo:)',
  ]);
  // A note after a marked value is one problem, whose fix quotes both back in.
  assert.deepEqual(problemsIn("\ntags:\n  - &Br Brazil #1\n"), [
    '3: tags.0: unquoted, so YAML reads "&Br" as an anchor (a name to repeat the value by) and "#1" as a note, drops both and keeps only "Brazil" (expected the whole value in quotes: - "&Br Brazil #1"; or the note on a line of its own)',
  ]);
  assert.deepEqual(problemsIn("\ndate: !!str 2013-09-02\n"), ['2: date: YAML reads "!!str" as a tag (a type for the value), which story fields do not use (expected the line without it: date: 2013-09-02)']);
  // An alias is never expanded: its field is left empty, and only the mark is reported.
  const alias = "\ntitle: *NSYNC\ntags:\n  - *NSYNC\n";
  assert.deepEqual((parseFrontMatter(alias) as { ok: true; frontMatter: { fields: Record<string, unknown> } }).frontMatter.fields, { title: null, tags: [null] });
  assert.deepEqual(problemsIn(alias), [
    '2: title: unquoted, so YAML reads "*NSYNC" as an alias (a repeat of a value named elsewhere), not as text (expected the whole value in quotes: title: "*NSYNC")',
    '4: tags.0: unquoted, so YAML reads "*NSYNC" as an alias (a repeat of a value named elsewhere), not as text (expected the whole value in quotes: - "*NSYNC")',
  ]);
  // Beside YAML's errors: the alias's own line is the mark, not the parser's complaint about the words after it.
  assert.deepEqual(problemsIn("\ntitle: *NSYNC reunites\nlead: Fans: tickets gone\nsummary: !!js/function f\n"), [
    '2: title: unquoted, so YAML reads "*NSYNC" as an alias (a repeat of a value named elsewhere), not as text (expected the whole value in quotes: title: "*NSYNC reunites")',
    '4: summary: YAML reads "!!js/function" as a tag (a type for the value), which story fields do not use (expected the line without it: summary: f)',
    '3: lead: ": " inside an unquoted value reads as the start of another field (expected the whole value in quotes: lead: "Fans: tickets gone")',
  ]);
});

test("a mistyped field name finds the field meant; a stranger finds none", () => {
  const known = ["title", "lead", "date", "dateline", "photo", "updated"];
  assert.equal(nearestName("datline", known), "dateline");
  assert.equal(nearestName("Titel", known), "title");
  assert.equal(nearestName("udpated", known), "updated");
  assert.equal(nearestName("permalink", known), undefined);
});

test("a value cut by a note is reported beside the YAML errors of the same front matter", () => {
  assert.deepEqual(problemsIn("\r\ntitle: Brazil #1 market rises\r\nlead: Brazil: shares up\r\n").map((problem) => problem.split(" (")[0]), [
    '2: title: unquoted, so YAML reads "#1 market rises" as a note, drops it and keeps only "Brazil"',
    '3: lead: ": " inside an unquoted value reads as the start of another field',
  ]);
});

test("a line with an error and a note is one problem, whose fix keeps the note's words in the value", () => {
  assert.deepEqual(problemsIn("\ntitle: Brazil: shares up #1\n"), [
    '2: title: ": " inside an unquoted value reads as the start of another field (expected the whole value in quotes: title: "Brazil: shares up #1")',
  ]);
});

test("a # where a value starts in brackets is a note that drops the rest of the line: the values are quoted, not the bracket closed twice", () => {
  assert.deepEqual(problemsIn("\ntitle: A\ntags: [#MeToo, Politics]\nlead: B\n"), [
    '3: tags.0: unquoted, so YAML reads "#MeToo, Politics]" as a note and drops it, the closing ] with it (expected the whole value in quotes: tags: ["#MeToo", Politics])',
  ]);
  assert.deepEqual(problemsIn("\ntags: [Politics, #MeToo, #TimesUp]\n"), [
    '2: tags.1: unquoted, so YAML reads "#MeToo, #TimesUp]" as a note and drops it, the closing ] with it (expected the whole value in quotes: tags: [Politics, "#MeToo", "#TimesUp"])',
  ]);
  // Closed on a line below, the list is YAML without an error, and the value is still dropped.
  assert.deepEqual(problemsIn("\ntags: [Markets, #MeToo,\n  Brazil]\n"), ['2: tags.1: unquoted, so YAML reads "#MeToo," as a note and drops it (expected the whole value in quotes: tags: [Markets, "#MeToo",)']);
  // A note written as one, after a comma that ends its line, is a note.
  assert.deepEqual(problemsIn("\ntags: [Markets, # the desk's pick\n  Brazil]\n"), []);
});

test("a quote YAML ends a quoted value at, inside the words, is fixed by quoting the words, not by quoting the quotes", () => {
  assert.deepEqual(problemsIn("\ntitle: 'It's here'\n"), [`2: title: the ' after "It" ends the quoted value in YAML, and the value goes on after it (expected the whole value in quotes: title: "It's here")`]);
  assert.deepEqual(problemsIn('\ntitle: "He said "no" today"\n'), [`2: title: the " after "He said" ends the quoted value in YAML, and the value goes on after it (expected the whole value in quotes: title: 'He said "no" today')`]);
  // A quote that closes a word quoted at the start is the words' own: the whole value is quoted, its quotes kept.
  assert.deepEqual(problemsIn('\ntitle: "Brazil" shares close "higher"\n'), [`2: title: the value goes on after its closing quote (expected the whole value in quotes: title: '"Brazil" shares close "higher"')`]);
});

test("a value starting with ? or - is quoted whole, at its own line", () => {
  assert.deepEqual(problemsIn("\ntitle: ? Who pays\nlead: B\n"), ['2: title: unquoted, so YAML reads the "?" it starts with as the mark of a field\'s name (expected the whole value in quotes: title: "? Who pays")']);
  assert.deepEqual(problemsIn("\ntitle: - dash start title\nlead: B\n"), [
    '2: title: unquoted, so YAML reads the "-" it starts with as the start of a list item, which cannot follow a field\'s name on its line (expected the whole value in quotes: title: "- dash start title")',
  ]);
  // A ? that starts a word is the word's: the value is only what else it is.
  assert.deepEqual(problemsIn("\ntitle: ?x: y\n"), ['2: title: ": " inside an unquoted value reads as the start of another field (expected the whole value in quotes: title: "?x: y")']);
});

test('": " in a value with quotes in it is one problem: the words left over are not YAML\'s second', () => {
  assert.deepEqual(problemsIn('\ntitle: A\nlead: She said: "no" to the deal\ndate: x\n'), [
    `3: lead: ": " inside an unquoted value reads as the start of another field (expected the whole value in quotes: lead: 'She said: "no" to the deal')`,
  ]);
});

test("a \\ in double quotes that YAML reads as an escape is named at its field, with the value in single quotes or each \\ written twice", () => {
  assert.deepEqual(problemsIn('\ntitle: "Files at C:\\new\\reports"\nlead: "He said \\"no\\""\n'), [
    `2: title: in double quotes YAML reads \\n and \\r as a line break or control character, not as a \\ and a letter (expected single quotes, which keep each \\ as typed: title: 'Files at C:\\new\\reports'; or each \\ written twice: title: "Files at C:\\\\new\\\\reports")`,
  ]);
  assert.deepEqual(problemsIn('\ntitle: "Fifty\\50 split"\n'), [
    `2: title: in double quotes a \\ starts an escape in YAML, and "\\5" is none (expected single quotes, which keep each \\ as typed: title: 'Fifty\\50 split'; or each \\ written twice: title: "Fifty\\\\50 split")`,
  ]);
  // A line break the editor left as a blank line is the field's own problem, and a value in single quotes keeps each \.
  assert.deepEqual(problemsIn('\ntitle: "Line\n\n  break"\nlead: \'C:\\new\'\n'), []);
});
