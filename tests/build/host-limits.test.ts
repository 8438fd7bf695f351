/**
 * The build measures the site against the host it is built for: a line in the log, and a site over
 * the host's limit refused before it replaces the live one. The hosts' limits are given small, so a
 * few stories reach them.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { HOST_LIMITS } from "../../src/lib/hosts/host-limits.ts";
import { buildFixtureInProcess, makeFixtureSite } from "../support/fixture-site.ts";

const story = (title: string) => `---\ntitle: ${title}\nlead: The desk files a story.\ndate: 2024-03-15T09:00\ndateline: MOSCOW\n---\n\nFirst paragraph.\n`;

test("the build prints the site's size against its host's limit, and a site over it is refused with the live site kept", async () => {
  const root = makeFixtureSite({ "talks.md": story("Talks resume") });
  const env = { DEPLOY_HOST: "github-pages", BUILD_MOMENT: "2024-03-16T00:00Z" };

  const passed = await buildFixtureInProcess(root, env);
  assert.equal(passed.status, 0, passed.output);
  const size = passed.result.report.size;
  assert.match(size?.line ?? "", /^site: \d+(\.\d)? KB in \d+ files; GitHub Pages takes 1 GB \(0 %\)$/);
  assert.ok(passed.output.split("\n").includes(size?.line ?? ""), passed.output);
  assert.deepEqual([size?.warnings, size?.errors], [[], []]);
  assert.ok(passed.result.report.timings.some(({ stage }) => stage === "size"), "--timings shows the size stage");
  const live = readFileSync(join(root, "_site", "index.html"), "utf8");

  // A new story, and GitHub Pages taking less than the site: the build fails and _site/ is as it was.
  writeFileSync(join(root, "src", "news", "markets.md"), story("Markets close higher"));
  const hostLimits = { ...HOST_LIMITS, "github-pages": { ...HOST_LIMITS["github-pages"], siteBytes: 20_000 } };
  const refused = await buildFixtureInProcess(root, env, { hostLimits });
  assert.equal(refused.status, 1, refused.output);
  assert.deepEqual(refused.result.report.check?.problems, [], "the site passes every other check");
  const errors = refused.result.report.size?.errors ?? [];
  assert.deepEqual(errors.map(({ file, field, code }) => [file, field, code]), [["_site/", "size", "WD436"]]);
  assert.match(
    refused.output,
    /^_site\/: size: \d+ KB is \d+ % of the 20 KB GitHub Pages takes: (other|pages|photos) [\d.]+ (KB|bytes), (other|pages|photos) [\d.]+ (KB|bytes), (other|pages|photos) [\d.]+ (KB|bytes) \(expected at most 20 KB: split the archive\) \[WD436\]$/m,
  );
  assert.equal(readFileSync(join(root, "_site", "index.html"), "utf8"), live, "the live site is kept");
  assert.ok(!existsSync(join(root, "_site", "news", "2024", "03", "15", "markets.html")), "the refused build's new page is not published");
});
