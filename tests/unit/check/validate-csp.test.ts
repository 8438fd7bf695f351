import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { validateSite } from "../../../src/lib/check/validate.ts";
import { contentSecurityPolicy, pagePolicy, SEARCH_PAGE_POLICY } from "../../../src/lib/outputs/security.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "validate-csp-test-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

/** A one-page site whose page carries `policy` in its meta tag, written as templates escape it. */
function siteWithPolicy(policy: string): string {
  const dir = mkdtempSync(join(tempRoot, "site-"));
  const content = policy.replaceAll("'", "&#39;");
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${content}">
<title>All news</title>
</head>
<body>
<main id="main">
<h1>All news</h1>
</main>
</body>
</html>
`,
  );
  return dir;
}

test("a page with the published policy passes", async () => {
  const { problems } = await validateSite(siteWithPolicy(contentSecurityPolicy(pagePolicy({ showUnpublished: false }))));
  assert.deepEqual(problems, []);
});

test("a page whose policy lets the dev server's reload script in is refused", async () => {
  const policy = contentSecurityPolicy(pagePolicy({ showUnpublished: true }));
  const { problems } = await validateSite(siteWithPolicy(policy));
  assert.deepEqual(problems, [
    {
      file: "index.html",
      line: 5,
      column: 1,
      field: "script",
      message: `Content-Security-Policy "${policy}" allows script (expected a policy that allows none on a published page)`,
      code: "WD402",
    },
  ]);
});

test("the http-equiv name is matched as browsers match it, in any case", async () => {
  const dir = siteWithPolicy("default-src 'self'");
  const page = join(dir, "index.html");
  writeFileSync(page, readFileSync(page, "utf8").replace("Content-Security-Policy", "content-security-policy"));
  const { problems } = await validateSite(dir);
  assert.deepEqual(problems.map(({ field, code }) => `${field} ${code}`), ["script WD402"]);
});

/** A site whose search page (search/index.html) carries `policy` and `scripts`, with the script file it names. */
function searchSite(policy: string, scripts: string): string {
  const dir = mkdtempSync(join(tempRoot, "search-"));
  mkdirSync(join(dir, "search"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "assets", "search.0123456789.js"), "document.title;\n");
  writeFileSync(
    join(dir, "search", "index.html"),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll("'", "&#39;")}">
<title>Search</title>
</head>
<body>
<main id="main">
<h1>Search</h1>
${scripts}
</main>
</body>
</html>
`,
  );
  return dir;
}

const OWN_SCRIPT = '<script src="../assets/search.0123456789.js" defer></script>';

test("the search page may run the site's own script files under its policy, and nothing else", async () => {
  assert.deepEqual((await validateSite(searchSite(contentSecurityPolicy(SEARCH_PAGE_POLICY), OWN_SCRIPT))).problems, []);
  const refused = async (policy: string, scripts: string) => (await validateSite(searchSite(policy, scripts))).problems.map(({ line, field, code, message }) => `${line} ${field} ${code} ${message}`);
  assert.deepEqual(await refused(contentSecurityPolicy(SEARCH_PAGE_POLICY), `${OWN_SCRIPT}\n<script>document.title;</script>`), [
    "12 script WD402 <script> would run (expected only the site's own script files, by a relative src, and data blocks)",
  ]);
  // html-validate asks another origin's script for Subresource Integrity too; the site's own check refuses it outright.
  assert.ok(
    (await refused(contentSecurityPolicy(SEARCH_PAGE_POLICY), '<script src="https://cdn.example.com/x.js"></script>')).includes(
      "11 script WD402 <script> would run (expected only the site's own script files, by a relative src, and data blocks)",
    ),
  );
  const loose = contentSecurityPolicy([...pagePolicy({ showUnpublished: false }), "script-src 'self' 'unsafe-inline'"]);
  assert.deepEqual(await refused(loose, OWN_SCRIPT), [
    `5 script WD402 Content-Security-Policy "${loose}" allows script (expected a policy that allows only the site's own script files ('self'))`,
  ]);
});

test("another page with the search page's policy or script is refused", async () => {
  const dir = siteWithPolicy(contentSecurityPolicy(SEARCH_PAGE_POLICY));
  const { problems } = await validateSite(dir);
  assert.deepEqual(problems.map(({ field, code }) => `${field} ${code}`), ["script WD402"]);
});
