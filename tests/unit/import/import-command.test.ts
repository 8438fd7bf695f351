import { test } from "node:test";
import { formatProblem } from "../../../src/lib/model/problems.ts";
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

test("a bad option is named with what was expected, every one in one run", () => {
  const lines = (args: string[]) => {
    const result = parseImportArgs(args);
    return result.ok ? [] : result.problems.map(formatProblem);
  };
  assert.deepEqual(lines([]), ["paths: no file or folder to import (expected the files or folders of a delivery) [WD313]"]);
  assert.deepEqual(lines(["--zone", "Moscow", "drop"]), ['--zone: "Moscow" is not a known time zone (expected an IANA name such as Europe/Moscow) [WD313]']);
  assert.match(lines(["--lang", "Russian!", "drop"])[0] ?? "", /^--lang: .*is not a language tag \(expected one such as.* \[WD313\]$/);
  assert.deepEqual(lines(["--delivered", "2013-09-02T16:00", "--zone", "Moscow", "drop"]), [
    '--zone: "Moscow" is not a known time zone (expected an IANA name such as Europe/Moscow) [WD313]',
    '--delivered: "2013-09-02T16:00" is not an instant (expected a time with its offset, e.g. 2013-09-02T15:40:00+04:00) [WD313]',
  ]);
  assert.match(lines(["--force", "drop"])[0] ?? "", /^--force: Unknown option '--force'.* \[WD313\]$/);
});
