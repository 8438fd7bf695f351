import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { headersFor, parseHeadersFile } from "../../../src/lib/hosts/netlify-headers.ts";
import { startStaticServer, type Host } from "../../../src/lib/hosts/static-server.ts";

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "static-server-test-"));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

/** A story beside its photo folder (as the build writes them), a 404 page and Netlify's _headers. */
function writeSite(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(tempRoot, "site-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const SITE = {
  "index.html": "the index",
  "news/talks.html": "the story",
  "news/talks/photo.svg": "<svg/>",
  "news/archive/index.html": "the archive",
  "404.html": "the 404 page",
  "robots.txt": "User-agent: *",
  "_headers": "# every page\n/*\n  X-Frame-Options: DENY\n/news/*\n  Cache-Control: max-age=60\n  cache-control: public\n",
};

interface Answer {
  status: number;
  body: string;
  location: string | null;
  headers: Headers;
}

/** Starts a server for `host` on `dir`, requests each path, and stops it. */
async function ask(dir: string, host: Host, paths: string[], method = "GET"): Promise<Answer[]> {
  const site = await startStaticServer(dir, host);
  try {
    const origin = new URL(site.base).origin;
    return await Promise.all(
      paths.map(async (urlPath) => {
        const response = await fetch(origin + urlPath, { method, redirect: "manual" });
        return { status: response.status, body: await response.text(), location: response.headers.get("location"), headers: response.headers };
      }),
    );
  } finally {
    await site.close();
  }
}

const brief = ({ status, body, location }: Answer) => (location === null ? `${status} ${body}` : `${status} -> ${location}`);

test("as Netlify: the site at the root, pages at pretty URLs, folders redirected, misses on the 404 page", async () => {
  const dir = writeSite(SITE);
  fs.writeFileSync(path.join(dir, "..", "secret.txt"), "outside the site");
  const answers = await ask(dir, { name: "netlify" }, [
    "/",
    "/news/talks.html",
    "/news/talks",
    "/news/talks/photo.svg",
    "/news/archive",
    "/news/archive?q=talks",
    "/news/archive/",
    "/news/missing",
    "/news/talks/",
    "/robots.txt",
    "/_headers",
    "/..%2fsecret.txt",
  ]);
  assert.deepEqual(answers.map(brief), [
    "200 the index",
    "200 the story",
    "200 the story",
    "200 <svg/>",
    "301 -> /news/archive/",
    "301 -> /news/archive/?q=talks",
    "200 the archive",
    "404 the 404 page",
    "404 the 404 page",
    "200 User-agent: *",
    "404 the 404 page",
    "404 the 404 page",
  ]);
  assert.equal(answers[1]?.headers.get("content-type"), "text/html; charset=utf-8");
  assert.equal(answers[7]?.headers.get("content-type"), "text/html; charset=utf-8");
});

test("as Netlify: the headers of _headers, on pages and the 404 page alike", async () => {
  const [index, story, missing] = await ask(writeSite(SITE), { name: "netlify" }, ["/index.html", "/news/talks", "/nowhere"]);
  assert.equal(index?.headers.get("x-frame-options"), "DENY");
  assert.equal(index?.headers.get("cache-control"), null);
  assert.equal(story?.headers.get("x-frame-options"), "DENY");
  assert.equal(story?.headers.get("cache-control"), "max-age=60, public");
  assert.equal(missing?.status, 404);
  assert.equal(missing?.headers.get("x-frame-options"), "DENY");
});

test("as GitHub Pages: the site under its prefix, files by their names, misses on the prefix's 404 page", async () => {
  const answers = await ask(writeSite(SITE), { name: "github-pages", prefix: "/newsroom/" }, [
    "/newsroom",
    "/newsroom?q=talks",
    "/newsroom/",
    "/newsroom/news/talks.html",
    "/newsroom/news/talks",
    "/newsroom/news/missing.html",
    "/index.html",
    "/newsroom/_headers",
  ]);
  assert.deepEqual(answers.map(brief), [
    "301 -> /newsroom/",
    "301 -> /newsroom/?q=talks",
    "200 the index",
    "200 the story",
    "301 -> /newsroom/news/talks/",
    "404 the 404 page",
    "404 Not found\n",
    "404 the 404 page",
  ]);
  assert.equal(answers[3]?.headers.get("x-frame-options"), null, "GitHub Pages has no _headers");
});

/** The same site with a second edition in ru/, its own 404 page, and the _redirects a build writes for it. */
const EDITIONS_SITE = {
  ...SITE,
  "ru/index.html": "the Russian index",
  "ru/404.html": "the Russian 404 page",
  "_redirects": "# each edition's 404 page\n/ru/* /ru/404.html 404\n/* /404.html 404\n",
};

test("as Netlify: a miss in an edition's folder gets that edition's 404 page, as _redirects says; elsewhere the root's", async () => {
  const answers = await ask(writeSite(EDITIONS_SITE), { name: "netlify" }, ["/ru/", "/ru/missing", "/ru/news/2013/09/02/gone.html", "/rumours", "/news/missing", "/_redirects"]);
  assert.deepEqual(answers.map(brief), [
    "200 the Russian index",
    "404 the Russian 404 page",
    "404 the Russian 404 page",
    "404 the 404 page",
    "404 the 404 page",
    "404 the 404 page",
  ]);
  // The Russian 404 page gets the headers of its own path.
  assert.equal(answers[1]?.headers.get("x-frame-options"), "DENY");
  assert.equal(answers[1]?.headers.get("content-type"), "text/html; charset=utf-8");
});

test("as GitHub Pages, which reads no _redirects: every miss gets the root 404 page", async () => {
  const answers = await ask(writeSite(EDITIONS_SITE), { name: "github-pages", prefix: "/newsroom/" }, ["/newsroom/ru/missing", "/newsroom/ru/404.html"]);
  assert.deepEqual(answers.map(brief), ["404 the 404 page", "200 the Russian 404 page"]);
});

test("a site without a 404 page answers a miss with a plain 404", async () => {
  const { "404.html": _, ...withoutNotFoundPage } = SITE;
  const [missing] = await ask(writeSite(withoutNotFoundPage), { name: "netlify" }, ["/nowhere.html"]);
  assert.equal(missing && brief(missing), "404 Not found\n");
});

test("HEAD answers like GET without a body; other methods are refused", async () => {
  const dir = writeSite(SITE);
  const [head] = await ask(dir, { name: "netlify" }, ["/news/talks"], "HEAD");
  assert.equal(head && brief(head), "200 ");
  assert.equal(head?.headers.get("content-type"), "text/html; charset=utf-8");
  const [post] = await ask(dir, { name: "netlify" }, ["/index.html"], "POST");
  assert.equal(post?.status, 404);
});

test("_headers patterns: * matches anything, :name one segment, comments and blank lines are skipped", () => {
  const rules = parseHeadersFile("# comment\n\n/a/:id/b\n  X-One: 1\n/assets/*.css\n  X-Two: 2\n/exact.html\n  X-Three: 3\n");
  assert.deepEqual(headersFor(rules, "/a/7/b"), { "x-one": "1" });
  assert.deepEqual(headersFor(rules, "/a/7/8/b"), {});
  assert.deepEqual(headersFor(rules, "/assets/deep/site.css"), { "x-two": "2" });
  assert.deepEqual(headersFor(rules, "/exact.html"), { "x-three": "3" });
  assert.deepEqual(headersFor(rules, "/exactxhtml"), {}, "a dot in a pattern is a dot");
});
