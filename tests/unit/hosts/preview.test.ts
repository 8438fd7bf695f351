import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { previewHost, readBuiltSiteUrl, type PreviewRequest } from "../../../src/lib/hosts/static-server.ts";
import { robotsTxt } from "../../../src/lib/outputs/sitemaps.ts";

const PROJECT = fileURLToPath(new URL("../../../", import.meta.url));
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "preview-test-"));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

/** robots.txt as the build writes it for a site at `url`. */
const robotsFor = (url: string): string => robotsTxt({ url } as Parameters<typeof robotsTxt>[0]);

const request = (overrides: Partial<PreviewRequest>): PreviewRequest => ({ host: "github-pages", prefix: undefined, port: 8080, dir: "_site", ...overrides });

/** The address read back from a built site whose robots.txt says `text` (none: no robots.txt). */
async function builtSiteUrl(text: string | undefined): Promise<URL | undefined> {
  const dir = fs.mkdtempSync(path.join(tempRoot, "built-"));
  if (text !== undefined) fs.writeFileSync(path.join(dir, "robots.txt"), text);
  return readBuiltSiteUrl(dir);
}

test("the build's address is read back from the robots.txt the build writes", async () => {
  assert.equal((await builtSiteUrl(robotsFor("http://localhost:8080/")))?.href, "http://localhost:8080/");
  assert.equal((await builtSiteUrl(robotsFor("https://owner.github.io/newsroom/")))?.href, "https://owner.github.io/newsroom/");
  assert.equal(await builtSiteUrl("User-agent: *\nDisallow:\n"), undefined);
  assert.equal(await builtSiteUrl("Sitemap: not a url\n"), undefined);
  assert.equal(await builtSiteUrl(undefined), undefined);
});

test("a prefix is a folder path however it is written", () => {
  const newsroom = new URL("https://owner.github.io/newsroom/");
  for (const prefix of ["newsroom", "/newsroom", "/newsroom/", "//newsroom//"]) {
    assert.deepEqual(previewHost(request({ prefix }), newsroom), { host: { name: "github-pages", prefix: "/newsroom/" } }, prefix);
  }
  for (const prefix of ["/", ""]) assert.deepEqual(previewHost(request({ prefix }), new URL("http://localhost:8080/")), { host: { name: "github-pages", prefix: "/" } }, prefix);
});

test("as GitHub Pages, a build is served under its own base path unless --prefix asks for another", () => {
  const root = new URL("http://localhost:8080/");
  const newsroom = new URL("https://owner.github.io/newsroom/");
  assert.deepEqual(previewHost(request({}), root), { host: { name: "github-pages", prefix: "/" } });
  assert.deepEqual(previewHost(request({}), newsroom), { host: { name: "github-pages", prefix: "/newsroom/" } });
  assert.deepEqual(previewHost(request({ prefix: "newsroom" }), newsroom), { host: { name: "github-pages", prefix: "/newsroom/" } });
  assert.deepEqual(previewHost(request({ prefix: "/newsroom/" }), root), {
    problem: "_site/ was built for / but --prefix is /newsroom/: build for that prefix with SITE_URL=http://localhost:8080/newsroom/ npm run build",
  });
  assert.deepEqual(previewHost(request({ prefix: "/other/", port: 9000, dir: "out/" }), newsroom), {
    problem: "out/ was built for /newsroom/ but --prefix is /other/: build for that prefix with SITE_URL=http://localhost:9000/other/ npm run build",
  });
});

test("as Netlify, only a build for the root is served", () => {
  assert.deepEqual(previewHost(request({ host: "netlify" }), new URL("https://news.example.com/")), { host: { name: "netlify" } });
  const refused = previewHost(request({ host: "netlify" }), new URL("https://owner.github.io/newsroom/"));
  assert.ok("problem" in refused);
  assert.match(refused.problem, /^_site\/ was built for \/newsroom\/ but Netlify serves a site at \/: .*SITE_URL=http:\/\/localhost:8080\/ npm run build$/);
  assert.ok("problem" in previewHost(request({ host: "netlify", prefix: "/newsroom/" }), new URL("http://localhost:8080/")));
});

test("a build that names no address, or an unknown host, is refused", () => {
  assert.deepEqual(previewHost(request({}), undefined), {
    problem: "_site/ does not say which address it was built for (no Sitemap: line in its robots.txt): run npm run build",
  });
  assert.deepEqual(previewHost(request({ host: "vercel" }), new URL("http://localhost:8080/")), { problem: "--host takes netlify or github-pages (got vercel)" });
});

/** A built site for `siteUrl` whose 404 page links its stylesheet from the site's base path, as the build's does. */
function writeBuild(siteUrl: string): string {
  const dir = fs.mkdtempSync(path.join(tempRoot, "site-"));
  const base = new URL(siteUrl).pathname;
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "index.html"), "the index");
  fs.writeFileSync(path.join(dir, "404.html"), `<link rel="stylesheet" href="${base}assets/site.css">`);
  fs.writeFileSync(path.join(dir, "assets", "site.css"), "body{}");
  fs.writeFileSync(path.join(dir, "robots.txt"), robotsFor(siteUrl));
  return dir;
}

test("npm run preview refuses a --prefix the build was not made for, in one line, exit code 2", () => {
  const run = spawnSync(process.execPath, ["scripts/preview.ts", "--host", "github-pages", "--prefix", "/newsroom/", "--port", "0", "--dir", writeBuild("http://localhost:8080/")], {
    cwd: PROJECT,
    encoding: "utf8",
    timeout: 30_000,
  });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^preview: .* was built for \/ but --prefix is \/newsroom\/: build for that prefix with SITE_URL=http:\/\/localhost:0\/newsroom\/ npm run build\n$/);
});

test("npm run preview serves a GitHub Pages build under its own prefix, where its 404 page's stylesheet is", async () => {
  const child = spawn(process.execPath, ["scripts/preview.ts", "--host", "github-pages", "--port", "0", "--dir", writeBuild("https://owner.github.io/wire-desk/")], {
    cwd: PROJECT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const base = await new Promise<string>((found, failed) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const url = /at (http:\/\/localhost:\d+\/\S*) /.exec(out)?.[1];
        if (url) found(url);
      });
      child.once("exit", (code) => failed(new Error(`preview exited with ${code}: ${out}`)));
    });
    assert.match(base, /^http:\/\/localhost:\d+\/wire-desk\/$/);
    const missing = await fetch(new URL("news/missing.html", base));
    assert.equal(missing.status, 404);
    const stylesheet = /href="([^"]+)"/.exec(await missing.text())?.[1] ?? "";
    assert.equal((await fetch(new URL(stylesheet, base))).status, 200, `the 404 page's ${stylesheet} is served`);
  } finally {
    child.kill();
  }
});
