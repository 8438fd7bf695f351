import assert from "node:assert/strict";
import { test } from "node:test";
import { UrlClaims } from "../../../src/lib/eleventy/url-claims.ts";

test("the first story to claim a URL holds it, in any case, until the claims are reset", () => {
  const claims = new UrlClaims();
  assert.equal(claims.claim("/news/2013/09/02/talks.html", "a.md"), true);
  assert.equal(claims.claim("/news/2013/09/02/talks.html", "a.md"), true, "asking again is no clash");
  assert.equal(claims.claim("/news/2013/09/02/Talks.html", "b.md"), false);
  assert.equal(claims.claim("/news/2013/09/03/talks.html", "b.md"), true);
  claims.reset();
  assert.equal(claims.claim("/news/2013/09/02/talks.html", "b.md"), true);
});
