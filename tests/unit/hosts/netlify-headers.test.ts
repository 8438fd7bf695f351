import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PROJECT } from "../../../scripts/lib/project-copy.ts";
import { readSettings } from "../../../src/lib/build/settings.ts";
import { nunjucksTemplates } from "../../../src/lib/eleventy/nunjucks-templates.ts";
import { headersFor, parseHeadersFile } from "../../../src/lib/hosts/netlify-headers.ts";
import { policyAllowsOnlyOwnScript, policyAllowsScript } from "../../../src/lib/outputs/security.ts";

/** What a build (not the dev server) of the project, with its two editions, gives headers.njk. */
const { site, globals: { security } } = await readSettings(PROJECT, {}, false);
assert.deepEqual(site.editions.map(({ path }) => path), ["", "ru/"]);

/** The _headers file a build writes: src/headers.njk, rendered as Eleventy renders it, with the data it is given. */
async function builtHeadersFile(): Promise<string> {
  const template = join(PROJECT, "src", "headers.njk");
  const body = readFileSync(template, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
  return nunjucksTemplates(join(PROJECT, "_includes")).compile(body, template)({ security });
}

/** One file of every kind a build publishes, and files no rule names by their own path. */
const FILES = [
  "/index.html",
  "/news/2013/09/02/talks-resume.html",
  "/ru/index.html",
  "/404.html",
  "/ru/404.html",
  "/assets/site.0123456789.css",
  "/assets/favicon.0123456789.svg",
  "/assets/photos/chart-1600.0123456789.svg",
  "/news/2013/09/02/talks-resume/map.svg",
  "/feed.xml",
  "/ru/feed.json",
  "/sitemap.xml",
  "/robots.txt",
  "/news/a/file/no/rule/names.svg",
  "/ru/topics/a/file/no/rule/names.svg",
];

test("the Netlify headers cover every file: each gets a Content Security Policy that lets no script run", async () => {
  const rules = parseHeadersFile(await builtHeadersFile());
  for (const path of FILES) {
    const headers = headersFor(rules, path);
    const policy = headers["content-security-policy"];
    assert.ok(policy, `${path} has no Content-Security-Policy`);
    assert.equal(policyAllowsScript(policy), false, `${path}: ${policy}`);
    assert.match(policy, /frame-ancestors 'none'/, path);
    assert.equal(headers["x-content-type-options"], "nosniff", path);
  }
});

test("the search folders, and only they, get the search page's policy: the site's own scripts and form, once, and still frame-ancestors 'none'", async () => {
  const rules = parseHeadersFile(await builtHeadersFile());
  for (const path of ["/search/", "/search/index.html", "/search/terms/de.js", "/ru/search/", "/ru/search/index.html"]) {
    const policy = headersFor(rules, path)["content-security-policy"];
    assert.equal(policy, `${security.searchPagePolicy}; frame-ancestors 'none'`, path);
    assert.equal(policyAllowsOnlyOwnScript(policy), true, path);
  }
  for (const path of ["/", "/search", "/news/search/index.html", "/ru/", "/ru/search.html", "/assets/search.0123456789.js"]) {
    assert.equal(policyAllowsScript(headersFor(rules, path)["content-security-policy"] ?? ""), false, path);
  }
});

test("a photo's SVG gets the pages' own policy, once, and the year of caching its hashed name allows", async () => {
  const rules = parseHeadersFile(await builtHeadersFile());
  const page = headersFor(rules, "/index.html");
  const photo = headersFor(rules, "/assets/photos/chart-1600.0123456789.svg");
  assert.equal(photo["content-security-policy"], page["content-security-policy"]);
  assert.equal(photo["cache-control"], "public, max-age=31536000, immutable");
  assert.equal(page["cache-control"], undefined);
});
