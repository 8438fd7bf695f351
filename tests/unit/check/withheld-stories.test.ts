import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { stringify } from "yaml";
import { withheldStories } from "../../../src/lib/check/withheld-stories.ts";
import { buildAt, site } from "../../support/story-views.ts";

const root = mkdtempSync(join(tmpdir(), "withheld-test-"));
after(() => rmSync(root, { recursive: true, force: true }));

/** The stories are read with the settings a build hands the check: the fixture newsroom's, read before any publish at the build moment. */
const settings = { site, build: buildAt("2024-03-01T00:00:00Z"), datelinePlaces: { "МОСКВА": "Europe/Moscow" } };

test("the site check finds a withheld story at the address the build gives it, by the same slug rule", async () => {
  const news = join(root, "src", "news");
  mkdirSync(join(news, "Ядерное разоружение"), { recursive: true });
  const fields = { title: "Café Müller reopens", lead: "The dance café opens again", date: "2024-03-14", dateline: "BERLIN", draft: true };
  writeFileSync(join(news, "2024-03-14-Café Müller reopens.md"), `---\n${stringify(fields)}---\nThe café reopened.\n`);
  writeFileSync(join(news, "Ядерное разоружение", "index.md"), `---\n${stringify({ ...fields, lang: "ru", dateline: "МОСКВА" })}---\nТекст.\n`);
  assert.deepEqual(await withheldStories(root, settings), [
    { file: "src/news/2024-03-14-Café Müller reopens.md", url: "/news/2024/03/14/cafe-muller-reopens.html", state: "draft" },
    { file: "src/news/Ядерное разоружение/index.md", url: "/ru/news/2024/03/14/yadernoe-razoruzhenie.html", state: "draft" },
  ]);
});
