import assert from "node:assert/strict";
import { test } from "node:test";
import { readSiteSettings, SiteSettingsError } from "../../src/lib/site.ts";

const settings = { name: "Wire Desk", description: "News.", language: "en", url: "http://localhost:8080/", pageSize: 20, feedSize: 20, maxStoryBytes: 1048576 };

test("SITE_URL replaces the configured URL, which always ends in a slash", () => {
  assert.equal(readSiteSettings(settings, {}).url, "http://localhost:8080/");
  assert.equal(readSiteSettings(settings, { SITE_URL: "https://example.github.io/newsroom" }).url, "https://example.github.io/newsroom/");
});

test("bad settings are refused, each named with what was wrong", () => {
  assert.throws(
    () => readSiteSettings({ ...settings, pageSize: 0, language: "English" }, { SITE_URL: "ftp://example.org/" }),
    (error: unknown) => {
      assert.ok(error instanceof SiteSettingsError);
      const lines = error.message.split("\n");
      assert.equal(lines[0], "bad site settings (_data/site.ts):");
      assert.match(lines[1] ?? "", /^site\.language: /);
      assert.match(lines[2] ?? "", /^SITE_URL: got "ftp:\/\/example\.org\/": /);
      assert.match(lines[3] ?? "", /^site\.pageSize: .*>=1/);
      return true;
    },
  );
});
