import assert from "node:assert/strict";
import { test } from "node:test";
import { contentSecurityPolicy, DEV_SERVER_POLICY, PAGE_POLICY, pagePolicy, policyAllowsScript } from "../../../src/lib/outputs/security.ts";

test("a build's pages carry the published policy; only the dev server's let its reload script in", () => {
  assert.deepEqual(pagePolicy({ showUnpublished: false }), PAGE_POLICY);
  assert.deepEqual(pagePolicy({ showUnpublished: true }), [...PAGE_POLICY, "script-src 'self'"]);
  assert.equal(policyAllowsScript(contentSecurityPolicy(PAGE_POLICY)), false);
  assert.equal(policyAllowsScript(contentSecurityPolicy(DEV_SERVER_POLICY)), true);
});

for (const [policy, allows] of [
  ["default-src 'none'", false],
  ["default-src 'none'; script-src 'none'", false],
  ["DEFAULT-SRC 'NONE'", false],
  // An empty source list matches nothing, as 'none' does.
  ["default-src 'self'; script-src", false],
  ["default-src 'self'; script-src 'none'", false],
  // No directive for script and no default-src: nothing restricts it.
  ["style-src 'self'", true],
  ["default-src 'self'", true],
  ["default-src 'none'; script-src 'self'", true],
  ["default-src 'none'; script-src-elem https://cdn.example", true],
  ["default-src 'none'; script-src-attr 'unsafe-inline'", true],
  // 'none' counts for nothing beside another source.
  ["default-src 'none'; script-src 'none' 'self'", true],
  // A repeated directive is ignored, as browsers ignore it.
  ["default-src 'none'; script-src 'none'; script-src 'self'", false],
  ["default-src 'none'; script-src 'self'; script-src 'none'", true],
] as const) {
  test(`"${policy}" ${allows ? "allows" : "allows no"} script`, () => {
    assert.equal(policyAllowsScript(policy), allows);
  });
}
