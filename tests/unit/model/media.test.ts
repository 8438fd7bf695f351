import assert from "node:assert/strict";
import { test } from "node:test";
import { readMediaHost } from "../../../src/lib/model/media.ts";
import { formatProblem } from "../../../src/lib/model/problems.ts";
import { SettingsError } from "../../../src/lib/model/settings-error.ts";

test("without MEDIA_URL, or with it empty, the photos stay beside the pages", () => {
  assert.equal(readMediaHost({}, { local: false }), undefined);
  assert.equal(readMediaHost({ MEDIA_URL: "  " }, { local: false }), undefined);
});

test("MEDIA_URL names the folder the pages name photos under, written to _media/", () => {
  assert.deepEqual(readMediaHost({ MEDIA_URL: "https://media.example.com/wire/" }, { local: false }), { url: "https://media.example.com/wire/", folder: "_media" });
  // A host's root is a folder; the address as a browser writes it.
  assert.deepEqual(readMediaHost({ MEDIA_URL: " https://Media.Example.com " }, { local: false }), { url: "https://media.example.com/", folder: "_media" });
  // Plain http only for a bucket served on this machine.
  assert.equal(readMediaHost({ MEDIA_URL: "http://localhost:9000/photos/" }, { local: false })?.url, "http://localhost:9000/photos/");
  assert.equal(readMediaHost({ MEDIA_URL: "http://127.0.0.1:9000/" }, { local: false })?.url, "http://127.0.0.1:9000/");
});

test("a build for reading offline keeps the photos beside the pages, whatever MEDIA_URL says", () => {
  assert.equal(readMediaHost({ MEDIA_URL: "https://media.example.com/wire/" }, { local: true }), undefined);
  assert.equal(readMediaHost({ MEDIA_URL: "not an address" }, { local: true }), undefined);
});

for (const value of ["media.example.com/wire/", "https://media.example.com/wire", "http://media.example.com/wire/", "https://media.example.com/wire/?v=1", "https://media.example.com/#x", "ftp://media.example.com/"]) {
  test(`MEDIA_URL=${value} is refused with the one line that says what it takes`, () => {
    assert.throws(
      () => readMediaHost({ MEDIA_URL: value }, { local: false }),
      (error: unknown) => {
        assert.ok(error instanceof SettingsError);
        assert.deepEqual(error.problems.map(formatProblem), [
          `MEDIA_URL: got ${JSON.stringify(value)} (expected an https address of a folder, ending in /, such as https://media.example.com/photos/ (http only for localhost)) [WD316]`,
        ]);
        return true;
      },
    );
  });
}
