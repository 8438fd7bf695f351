import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { nunjucksTemplates } from "../../../src/lib/eleventy/nunjucks-templates.ts";

const folder = mkdtempSync(join(tmpdir(), "nunjucks-test-"));
after(() => rmSync(folder, { recursive: true, force: true }));
mkdirSync(join(folder, "layouts"));
const layout = join(folder, "layouts", "base.njk");

test("a page extends its layout, escapes as Eleventy's Nunjucks does, and its permalink is a template too", async () => {
  writeFileSync(layout, "<main>{% block main %}{% endblock %}</main>");
  const extension = nunjucksTemplates(folder);
  const page = extension.compile('{% extends "layouts/base.njk" %}{% block main %}{{ title }} {{ html | safe }}{% endblock %}', "./src/page.njk");
  assert.equal(await page({ title: "<b>Talks</b>", html: "<i>x</i>" }), "<main>&lt;b&gt;Talks&lt;/b&gt; <i>x</i></main>");
  assert.equal(await extension.compileOptions.permalink("{{ page.url }}")({ page: { url: "/news/a.html" } }), "/news/a.html");
});

test("a layout edited between render runs is read again; within a run it is compiled once", async () => {
  writeFileSync(layout, "<main>{% block main %}{% endblock %}</main>");
  const run = nunjucksTemplates(folder);
  const source = '{% extends "layouts/base.njk" %}{% block main %}{{ title }}{% endblock %}';
  assert.equal(await run.compile(source, "./src/page.njk")({ title: "A" }), "<main>A</main>");
  writeFileSync(layout, '<main class="edition">{% block main %}{% endblock %}</main>');
  // Still this run: the layout as it was compiled.
  assert.equal(await run.compile(source, "./src/page.njk")({ title: "B" }), "<main>B</main>");
  assert.equal(await nunjucksTemplates(folder).compile(source, "./src/page.njk")({ title: "C" }), '<main class="edition">C</main>');
});
