import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import yaml from "js-yaml";
import { parse as parseToml } from "smol-toml";

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "continue-on-error"?: unknown;
}
interface Job {
  needs?: string | string[];
  steps?: Step[];
  "continue-on-error"?: unknown;
}
interface Workflow {
  on: { push?: { branches?: string[] }; workflow_dispatch?: unknown };
  jobs: Record<string, Job>;
}

const workflow = yaml.load(read(".github/workflows/pages.yml"), { schema: yaml.CORE_SCHEMA }) as Workflow;
const netlify = parseToml(read("netlify.toml")) as {
  build?: { command?: string; publish?: string; environment?: Record<string, string> };
  redirects?: { from?: string; to?: string; status?: number; force?: boolean }[];
};
const readme = read("README.md");

/** The commands of the first sh block under a heading of README's Deploy section, comments dropped. */
function readmeCommands(heading: string): string[] {
  const deploy = readme.slice(readme.indexOf("\n## Deploy\n"));
  const section = deploy.slice(deploy.indexOf(`\n### ${heading}\n`));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(readme.includes("\n## Deploy\n") && section.startsWith(`\n### ${heading}`) && block, `README: Deploy -> ${heading} has an sh block`);
  return block
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line !== "");
}

const testJob = workflow.jobs["test"];
const steps = testJob?.steps ?? [];
const indexOf = (found: (step: Step) => boolean, what: string): number => {
  const index = steps.findIndex(found);
  assert.ok(index >= 0, `the test job has a step that ${what}`);
  return index;
};

test("the Pages workflow runs on a push to main and by hand", () => {
  assert.deepEqual(workflow.on.push?.branches, ["main"]);
  assert.ok("workflow_dispatch" in workflow.on);
});

test("every action the workflow uses is pinned to a version", () => {
  const uses = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []).flatMap((step) => step.uses ?? []);
  assert.ok(uses.length >= 5, `actions used: ${uses.join(", ")}`);
  for (const action of uses) assert.match(action, /^[\w.-]+\/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/, `${action} is not pinned`);
});

test("the workflow runs the README's commands, in order, with npm test before the build it deploys", () => {
  const runs = steps.flatMap((step) => step.run ?? []);
  assert.deepEqual(runs, readmeCommands("GitHub Pages"));
  assert.ok(runs.includes("npm ci") && runs.includes("npm test"), "npm ci and exactly npm test, the README's test command");
  const tested = indexOf((step) => step.run === "npm test", "runs npm test");
  const built = indexOf((step) => step.run?.includes("npm run build") === true, "builds the site");
  const uploaded = indexOf((step) => step.uses?.startsWith("actions/upload-pages-artifact@") === true, "uploads the site");
  assert.ok(indexOf((step) => step.run === "npm ci", "runs npm ci") < tested && tested < built && built < uploaded);
  assert.equal(steps[uploaded]?.with?.["path"], "_site");
  assert.match(steps[built]?.env?.["SITE_URL"] ?? "", /^\$\{\{ steps\.pages\.outputs\.base_url \}\}\/$/);
  assert.ok(steps.some((step) => step.uses?.startsWith("actions/setup-node@") && step.with?.["node-version"] === "20"), "Node.js 20");
});

test("nothing is deployed unless the test job passed", () => {
  const deploy = workflow.jobs["deploy"];
  const needs = [deploy?.needs ?? []].flat();
  assert.ok(needs.includes("test"), `deploy needs: ${needs.join(", ")}`);
  assert.ok(deploy?.steps?.some((step) => step.uses?.startsWith("actions/deploy-pages@")), "deploy uses actions/deploy-pages");
  const jobsAndSteps = Object.values(workflow.jobs).flatMap((job) => [job, ...(job.steps ?? [])]);
  assert.ok(jobsAndSteps.every((item) => item["continue-on-error"] === undefined), "no failure is ignored");
});

test("netlify.toml builds and validates the README's way, publishes _site on Node.js 20, with the 404 page", () => {
  assert.deepEqual([netlify.build?.command], readmeCommands("Netlify"));
  // npm run build validates the new folder before it replaces _site/, so nothing unchecked is published.
  assert.equal(netlify.build?.command, "npm run build");
  assert.equal(netlify.build?.publish, "_site");
  assert.equal(netlify.build?.environment?.["NODE_VERSION"], "20");
  const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
  assert.match(engines, /\^20\./, "package.json's engines accept Node.js 20");
  // smol-toml builds objects without a prototype; spread them to compare.
  assert.deepEqual(netlify.redirects?.map((rule) => ({ ...rule })), [{ from: "/*", to: "/404.html", status: 404 }]);
});
