import assert from "node:assert/strict";
import { test } from "node:test";
import { contentSecurityPolicy, pagePolicy, policyAllowsScript, policyRules, SEARCH_PAGE_POLICY, withMediaHost } from "../../../src/lib/outputs/security.ts";

test("a build's pages load only the site's own stylesheet and images and run no script; only the dev server's let its reload script in, from the site itself", () => {
  const published = contentSecurityPolicy(pagePolicy({ showUnpublished: false }));
  assert.equal(published, "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'");
  assert.equal(policyAllowsScript(published), false);
  const devServer = contentSecurityPolicy(pagePolicy({ showUnpublished: true }));
  assert.equal(devServer, `${published}; script-src 'self'`);
  assert.equal(policyAllowsScript(devServer), true);
});

test("with a media host, images may also come from its folder, and nothing else may; without one the policy is unchanged", () => {
  const media = "https://media.example.com/wire/";
  assert.equal(
    contentSecurityPolicy(withMediaHost(pagePolicy({ showUnpublished: false }), media)),
    "default-src 'none'; style-src 'self'; img-src 'self' https://media.example.com/wire/; connect-src 'self'; base-uri 'none'; form-action 'none'",
  );
  assert.equal(contentSecurityPolicy(withMediaHost(SEARCH_PAGE_POLICY, media)), contentSecurityPolicy(SEARCH_PAGE_POLICY).replace("img-src 'self'", `img-src 'self' ${media}`));
  assert.deepEqual(withMediaHost(SEARCH_PAGE_POLICY, undefined), SEARCH_PAGE_POLICY);
  // The host's headers say the same, for every path.
  const rules = policyRules([""], ["news/", "search/"], "search/", media);
  assert.ok(rules.length > 0);
  for (const { policy } of rules) assert.match(policy, /; img-src 'self' https:\/\/media\.example\.com\/wire\/; /);
  for (const { policy } of policyRules([""], ["news/", "search/"], "search/")) assert.doesNotMatch(policy, /media\.example/);
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
