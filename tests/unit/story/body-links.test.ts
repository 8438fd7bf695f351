import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storyFileLinks } from "../../../src/lib/story/body-links.ts";

/** The links of a story file with `body` after a front matter of three lines and a blank line, by their lines in the body. */
function bodyLinks(t: { after: (fn: () => void) => void }, body: string, newline = "\n") {
  const folder = mkdtempSync(join(tmpdir(), "body-links-"));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const file = join(folder, "story.md");
  writeFileSync(file, ["---", 'title: "Council meets"', "---", "", body].join("\n").replaceAll("\n", newline));
  return storyFileLinks(file)?.map(({ href, line }) => ({ href, line: line - 4 }));
}

test("each link of a story's text, with the line of its file it is typed on: in a paragraph's later line, a list, a quote, and written as the page writes it", (t) => {
  const body = [
    "The council met.",
    "",
    "It voted, as [the minutes](/news/2013/09/02/minutes/) say, and as",
    "[the mayor](https://city.example/mayor) wrote; see [the report](files/report%202013.pdf).",
    "",
    "- [one](/a/)",
    "- [two](/b/)",
    "",
    "> Quoted, with [a link](/quoted/).",
    "",
    "[the minutes](/news/2013/09/02/minutes/) again, and [a space](<files/annual report.pdf>).",
  ].join("\n");
  const expected = [
    { href: "/news/2013/09/02/minutes/", line: 3 },
    { href: "https://city.example/mayor", line: 4 },
    { href: "files/report%202013.pdf", line: 4 },
    { href: "/a/", line: 6 },
    { href: "/b/", line: 7 },
    { href: "/quoted/", line: 9 },
    { href: "/news/2013/09/02/minutes/", line: 11 },
    { href: "files/annual%20report.pdf", line: 11 },
  ];
  assert.deepEqual(bodyLinks(t, body), expected);
  assert.deepEqual(bodyLinks(t, body, "\r\n"), expected, "a file written on Windows");
  assert.deepEqual(bodyLinks(t, "No links here, and `[not](/a/)` in code."), []);
  assert.equal(storyFileLinks(join(tmpdir(), "no-such-folder", "story.md")), undefined, "a story that cannot be read has no links to tell");
});
