import assert from "node:assert/strict";
import { test } from "node:test";
import { readSiteSettings, SiteSettingsError } from "../../../src/lib/model/site.ts";

const settings = { name: "Wire Desk", description: "News.", language: "en", url: "http://localhost:8080/", pageSize: 20, feedSize: 20, maxStoryBytes: 1048576 };

const urlFor = (env: Record<string, string>): string => readSiteSettings(settings, env).url;

/** The lines of the SiteSettingsError that reading the settings throws. */
function refusal(input: Record<string, unknown>, env: Record<string, string>): string[] {
  try {
    readSiteSettings(input, env);
  } catch (error) {
    assert.ok(error instanceof SiteSettingsError, `a SiteSettingsError, got ${String(error)}`);
    return error.message.split("\n");
  }
  assert.fail("the settings were accepted");
}

test("a local build uses the settings' address", () => {
  assert.equal(urlFor({}), "http://localhost:8080/");
  assert.equal(readSiteSettings({ ...settings, url: "http://localhost:8080/newsroom" }, {}).url, "http://localhost:8080/newsroom/");
  // Variables set to "false" or left empty do not make a CI runner.
  assert.equal(urlFor({ CI: "false", GITHUB_ACTIONS: "", NETLIFY: "FALSE" }), "http://localhost:8080/");
});

test("SITE_URL wins everywhere, and always ends in a slash", () => {
  assert.equal(urlFor({ SITE_URL: "https://example.github.io/newsroom" }), "https://example.github.io/newsroom/");
  assert.equal(urlFor({ SITE_URL: " https://news.example.com/ ", CI: "true" }), "https://news.example.com/");
  assert.equal(
    urlFor({ SITE_URL: "https://news.example.com/", NETLIFY: "true", CONTEXT: "production", URL: "https://wire.netlify.app" }),
    "https://news.example.com/",
  );
});

test("on Netlify, production builds use URL and every other context DEPLOY_PRIME_URL", () => {
  // Netlify's builds may set CI too.
  const netlify = { NETLIFY: "true", CI: "true", URL: "https://news.example.com", DEPLOY_PRIME_URL: "https://deploy-preview-7--wire.netlify.app" };
  assert.equal(urlFor({ ...netlify, CONTEXT: "production" }), "https://news.example.com/");
  assert.equal(urlFor({ ...netlify, CONTEXT: "deploy-preview" }), "https://deploy-preview-7--wire.netlify.app/");
  assert.equal(urlFor({ ...netlify, CONTEXT: "branch-deploy", DEPLOY_PRIME_URL: "https://desk--wire.netlify.app" }), "https://desk--wire.netlify.app/");
  assert.deepEqual(refusal(settings, { NETLIFY: "true", CONTEXT: "deploy-preview", URL: "https://news.example.com" }), [
    "SITE_URL: not set, and Netlify set no DEPLOY_PRIME_URL for this deploy-preview build (expected SITE_URL=https://<your site>/ so canonical links, feeds and sitemaps name the real address)",
  ]);
});

test("a CI runner that knows no address refuses to build, naming what to set", () => {
  for (const runner of ["CI", "GITHUB_ACTIONS"]) {
    assert.deepEqual(refusal(settings, { [runner]: "true" }), [
      `SITE_URL: not set, and this build runs on a CI runner (${runner} is set) (expected SITE_URL=https://<your site>/ so canonical links, feeds and sitemaps name the real address)`,
    ]);
  }
  assert.match(refusal(settings, { CI: "1", SITE_URL: "  " })[0] ?? "", /^SITE_URL: not set, and this build runs on a CI runner \(CI is set\)/);
});

test("an address that is not a full http(s) URL is refused in one line, naming where it came from", () => {
  const expected = "(expected a full address like https://news.example.com/)";
  assert.deepEqual(refusal(settings, { SITE_URL: "news.example.com" }), [`SITE_URL: got "news.example.com" ${expected}`]);
  assert.deepEqual(refusal(settings, { SITE_URL: "/" }), [`SITE_URL: got "/" ${expected}`]);
  assert.deepEqual(refusal(settings, { SITE_URL: "ftp://example.org/" }), [`SITE_URL: got "ftp://example.org/" ${expected}`]);
  assert.deepEqual(refusal(settings, { SITE_URL: "https://example.org/?page=1" }), [`SITE_URL: got "https://example.org/?page=1" ${expected}`]);
  assert.deepEqual(refusal(settings, { NETLIFY: "true", CONTEXT: "production", URL: "wire.netlify.app" }), [
    `URL (set by Netlify for production): got "wire.netlify.app" ${expected}`,
  ]);
  assert.deepEqual(refusal({ ...settings, url: "localhost:8080" }, {}), [`site.url (_data/site.ts): got "localhost:8080" ${expected}`]);
});

test("every bad setting is refused on a line of its own, with what it got and what it expected", () => {
  const lines = refusal({ ...settings, pageSize: 0, language: "English", name: undefined }, { SITE_URL: "ftp://example.org/" });
  assert.deepEqual(lines, [
    "site.name (_data/site.ts): got nothing (expected the newsroom's name, not empty)",
    'site.language (_data/site.ts): got "English" (expected a BCP 47 language tag such as "en" or "en-GB")',
    "site.pageSize (_data/site.ts): got 0 (expected a whole number from 1 to 500)",
    'SITE_URL: got "ftp://example.org/" (expected a full address like https://news.example.com/)',
  ]);
});
