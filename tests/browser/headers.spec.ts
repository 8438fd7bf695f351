import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, test } from "@playwright/test";
import { headersFor, parseHeadersFile } from "../../src/lib/hosts/netlify-headers.ts";
import { TEST_SITE_DIR as SITE_DIR } from "../support/test-site.ts";

// The built _headers file against the built files; one project is enough, it opens no page.
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "netlify", "checks files, not a mount"));

const rules = () => parseHeadersFile(readFileSync(join(SITE_DIR, "_headers"), "utf8"));
const builtFiles = (): string[] =>
  readdirSync(SITE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== "_headers")
    .map((entry) => `/${relative(SITE_DIR, join(entry.parentPath, entry.name)).split(sep).join("/")}`);

const REQUIRED = [
  "content-security-policy",
  "strict-transport-security",
  "x-content-type-options",
  "referrer-policy",
  "cross-origin-resource-policy",
  "permissions-policy",
];

test("every built file gets the security headers, each once", () => {
  for (const path of builtFiles()) {
    const headers = headersFor(rules(), path);
    expect(Object.keys(headers).filter((name) => REQUIRED.includes(name)).sort(), path).toEqual([...REQUIRED].sort());
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["strict-transport-security"], path).toMatch(/^max-age=\d{8,}/);
  }
});

test("the header policy is each page's meta policy plus frame-ancestors 'none'", () => {
  const pages = builtFiles().filter((path) => path.endsWith(".html"));
  expect(pages.length).toBeGreaterThan(0);
  for (const path of pages) {
    const html = readFileSync(join(SITE_DIR, path), "utf8");
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replaceAll("&#39;", "'");
    expect(meta, `${path} carries its policy`).toBeDefined();
    expect(html.indexOf("Content-Security-Policy"), "early in <head>").toBeLessThan(html.indexOf("<title>"));
    expect(headersFor(rules(), path)["content-security-policy"]).toBe(`${meta}; frame-ancestors 'none'`);
  }
});

test("the stylesheet, icon and story photos are cached by the immutable rule, pages are not", () => {
  const files = builtFiles();
  const cached = files.filter((path) => /immutable/.test(headersFor(rules(), path)["cache-control"] ?? ""));
  expect(cached.filter((path) => /^\/assets\/(site\.[0-9a-f]+\.css|favicon\.[0-9a-f]+\.svg)$/.test(path))).toHaveLength(2);
  expect(cached.filter((path) => path.startsWith("/assets/photos/stand-in-")), "the seed's photo").not.toEqual([]);
  expect(cached.filter((path) => path.endsWith(".html"))).toEqual([]);
});

test("every immutable file carries a hash of its content in its name", () => {
  const unhashed = builtFiles().filter(
    (path) => /immutable/.test(headersFor(rules(), path)["cache-control"] ?? "") && !/[.-][0-9a-f]{8,}\.[a-z0-9]+$/i.test(path),
  );
  expect(unhashed).toEqual([]);
});
