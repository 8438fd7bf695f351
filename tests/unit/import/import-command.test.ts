import { test } from "node:test";
import assert from "node:assert/strict";
import { parseImportArgs } from "../../../src/lib/import/import-command.ts";

test("reads the paths and options a desk gives the import", () => {
  assert.deepEqual(parseImportArgs(["--dry-run", "--verbose", "--quiet", "--zone", "Europe/Moscow", "--lang", "ru", "--delivered", "2013-09-02T16:00:00+04:00", "drop", "item.xml"]), {
    ok: true,
    request: {
      paths: ["drop", "item.xml"],
      dryRun: true,
      verbose: true,
      quiet: true,
      defaultZone: "Europe/Moscow",
      defaultLanguage: "ru",
      delivered: { local: "2013-09-02T16:00:00", offset: "+04:00" },
    },
  });
});

test("a bad option is named with what was expected", () => {
  const message = (args: string[]) => {
    const result = parseImportArgs(args);
    return result.ok ? "" : result.message.split("\n")[0];
  };
  assert.equal(message([]), "no file or folder to import");
  assert.equal(message(["--zone", "Moscow", "drop"]), '--zone: "Moscow" is not a known time zone (expected an IANA name such as Europe/Moscow)');
  assert.match(message(["--lang", "Russian!", "drop"]) ?? "", /^--lang: .*is not a language tag \(expected one such as/);
  assert.equal(message(["--delivered", "2013-09-02T16:00", "drop"]), '--delivered: "2013-09-02T16:00" is not an instant (expected a time with its offset, e.g. 2013-09-02T15:40:00+04:00)');
  assert.match(message(["--force", "drop"]) ?? "", /Unknown option '--force'/);
});
