import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { validateSite } from "../../../src/lib/check/validate.ts";
import { contentSecurityPolicy, DEV_SERVER_POLICY, PAGE_POLICY } from "../../../src/lib/outputs/security.ts";

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
  const { problems } = await validateSite(siteWithPolicy(contentSecurityPolicy(PAGE_POLICY)));
  assert.deepEqual(problems, []);
});

test("a page whose policy lets the dev server's reload script in is refused", async () => {
  const policy = contentSecurityPolicy(DEV_SERVER_POLICY);
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
