import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PROJECT } from "../../../scripts/lib/project-copy.ts";
import { nunjucksTemplates } from "../../../src/lib/eleventy/nunjucks-templates.ts";
import { notFoundPageFor, notFoundRules, parseRedirectsFile } from "../../../src/lib/hosts/netlify-redirects.ts";

/** The _redirects file a build writes: src/redirects.njk, rendered as Eleventy renders it, with the data it is given. */
async function builtRedirectsFile(editionPaths: string[]): Promise<string> {
  const template = join(PROJECT, "src", "redirects.njk");
  const body = readFileSync(template, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
  return nunjucksTemplates(join(PROJECT, "_includes")).compile(body, template)({ hosts: { notFoundRules: notFoundRules(editionPaths) } });
}

test("the build's _redirects serves each edition's 404 page in its folder, the root's last, with status 404", async () => {
  const file = await builtRedirectsFile(["", "ru/"]);
  assert.deepEqual(file.split("\n").filter((line) => line !== "" && !line.startsWith("#")), ["/ru/* /ru/404.html 404", "/* /404.html 404"]);
  assert.deepEqual(parseRedirectsFile(file), [
    { from: "/ru/*", to: "/ru/404.html" },
    { from: "/*", to: "/404.html" },
  ]);
  // One edition: only the root's rule, which is what Netlify does without one.
  assert.deepEqual(parseRedirectsFile(await builtRedirectsFile([""])), [{ from: "/*", to: "/404.html" }]);
});

test("a missing address gets the 404 page of the first rule that matches it", () => {
  const rules = notFoundRules(["", "ru/", "ar/"]);
  assert.equal(notFoundPageFor(rules, "/ru/news/2013/09/02/gone.html"), "/ru/404.html");
  assert.equal(notFoundPageFor(rules, "/ar/x"), "/ar/404.html");
  // "/rumours" is not in the ru/ folder.
  assert.equal(notFoundPageFor(rules, "/rumours"), "/404.html");
  assert.equal(notFoundPageFor(rules, "/news/gone.html"), "/404.html");
  assert.equal(notFoundPageFor([], "/ru/x"), undefined);
});

test("only 404 rules are read from a _redirects file: comments, other statuses and forced rules are left out", () => {
  const text = "# comment\n\n/old /new 301\n/ru/*  /ru/404.html  404  # the Russian edition\n/x /y 404!\n/a/* /a/404.html 404 Country=de\n/* /404.html 404\n";
  assert.deepEqual(parseRedirectsFile(text), [
    { from: "/ru/*", to: "/ru/404.html" },
    { from: "/*", to: "/404.html" },
  ]);
});
