import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { deployTarget } from "../../../src/lib/hosts/host-limits.ts";

const read = (file: string): string => fs.readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8");

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "continue-on-error"?: unknown;
}
interface Job {
  needs?: string | string[];
  env?: Record<string, string>;
  if?: string;
  outputs?: Record<string, string>;
  steps?: Step[];
  "continue-on-error"?: unknown;
}
interface Workflow {
  on: { push?: { branches?: string[] }; workflow_dispatch?: unknown; schedule?: { cron?: string }[] };
  jobs: Record<string, Job>;
}

const workflow = parseYaml(read(".github/workflows/pages.yml")) as Workflow;
const netlify = parseToml(read("netlify.toml")) as {
  build?: { command?: string; publish?: string; environment?: Record<string, string> };
  plugins?: { package?: string; inputs?: { paths?: string[] } }[];
  redirects?: { from?: string; to?: string; status?: number; force?: boolean }[];
  functions?: { directory?: string };
};

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "deploy-test-"));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

/** The workflow's job that runs the deploy action, and the job it needs (the one that builds). */
const deployJob = Object.values(workflow.jobs).find((job) => job.steps?.some((step) => step.uses?.startsWith("actions/deploy-pages@")));
const buildJobName = [deployJob?.needs ?? []].flat()[0] ?? "";
const buildJob = workflow.jobs[buildJobName];
const steps = buildJob?.steps ?? [];

function stepIndex(what: string, found: (step: Step) => boolean): number {
  const index = steps.findIndex(found);
  assert.ok(index >= 0, `the ${buildJobName || "build"} job has a step that ${what}`);
  return index;
}
const runs = (command: string) => (step: Step) => step.run?.trim() === command;
const uses = (action: string) => (step: Step) => step.uses?.startsWith(`${action}@`) === true;

/** The minutes of the hour a cron minute field names: "*\/15", "0,30", "10-20/5", "7". */
function cronMinutes(field: string): number[] {
  return field.split(",").flatMap((part) => {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    const [from, to] = range === "*" ? [0, 59] : range.includes("-") ? range.split("-").map(Number) : [Number(range), stepText === undefined ? Number(range) : 59];
    assert.ok(Number.isInteger(from) && Number.isInteger(to) && Number.isInteger(step) && step > 0, `a cron minute field: ${field}`);
    const minutes: number[] = [];
    for (let minute = from ?? 0; minute <= (to ?? 0); minute += step) minutes.push(minute);
    return minutes;
  });
}

/** Whether a cron line starts a run every 15 minutes, every hour of every day. */
function everyFifteenMinutes(cron: string): boolean {
  const [minute = "", ...rest] = cron.trim().split(/\s+/);
  if (rest.length !== 4 || rest.some((field) => field !== "*")) return false;
  const minutes = [...new Set(cronMinutes(minute))].sort((a, b) => a - b);
  return minutes.length === 4 && minutes.every((value, index) => (minutes[(index + 1) % 4]! - value + 60) % 60 === 15);
}

test("the cron reader tells every 15 minutes from other schedules", () => {
  for (const cron of ["*/15 * * * *", "0,15,30,45 * * * *", "5-59/15 * * * *"]) assert.ok(everyFifteenMinutes(cron), cron);
  for (const cron of ["*/30 * * * *", "*/15 8-18 * * *", "0,15,30 * * * *", "*/5 * * * *", "*/15 * * *"]) assert.ok(!everyFifteenMinutes(cron), cron);
});

test("the Pages workflow runs on a push to main, by hand, and every 15 minutes", () => {
  assert.deepEqual(workflow.on.push?.branches, ["main"]);
  assert.ok("workflow_dispatch" in workflow.on);
  const crons = (workflow.on.schedule ?? []).map((entry) => entry.cron ?? "");
  assert.ok(crons.some(everyFifteenMinutes), `a schedule every 15 minutes (got ${crons.join("; ") || "none"})`);
});

test("every action the workflow uses is pinned to a version", () => {
  const used = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []).flatMap((step) => step.uses ?? []);
  assert.ok(used.length >= 5, `actions used: ${used.join(", ")}`);
  for (const action of used) assert.match(action, /^[\w.-]+\/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/, `${action} is not pinned`);
});

test("the workflow runs the deploy gate in order, on the Node.js of .node-version (24 LTS), without the product's tests", () => {
  const installed = stepIndex("runs npm ci", runs("npm ci"));
  const browser = stepIndex("installs Chromium", runs("npx playwright install --with-deps chromium"));
  const built = stepIndex("runs npm run build", runs("npm run build"));
  const checked = stepIndex("runs npm run check:site", runs("npm run check:site"));
  const uploaded = stepIndex("uploads the site", uses("actions/upload-pages-artifact"));
  assert.ok(installed < browser && browser < built && built < checked && checked < uploaded, "npm ci, browser, build, check:site, upload");
  assert.equal(steps[uploaded]?.with?.["path"], "_site");
  assert.ok(steps.some((step) => uses("actions/setup-node")(step) && step.with?.["node-version-file"] === ".node-version"), "setup-node reads .node-version");
  assert.equal(read(".node-version").trim(), "24", ".node-version names Node.js 24 LTS");
  const commands = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []).flatMap((step) => step.run ?? []);
  assert.ok(!commands.some((command) => /\bnpm (run )?test\b/.test(command)), "npm test is not part of the deploy");
});

test("the build gets the site's address from configure-pages, as SITE_URL", () => {
  const configured = stepIndex("reads the Pages address", uses("actions/configure-pages"));
  const built = stepIndex("runs npm run build", runs("npm run build"));
  const id = steps[configured]?.id ?? "";
  assert.ok(id !== "" && configured < built, "configure-pages has an id and runs before the build");
  assert.equal(steps[built]?.env?.["SITE_URL"], `\${{ steps.${id}.outputs.base_url }}/`);
});

test("each deploy's build names its host, so a site the host would refuse fails the build before the upload", () => {
  const built = stepIndex("runs npm run build", runs("npm run build"));
  const uploaded = stepIndex("uploads the site", uses("actions/upload-pages-artifact"));
  assert.ok(built < uploaded);
  assert.deepEqual(deployTarget(steps[built]?.env ?? {}), { host: "github-pages" });
  assert.deepEqual(deployTarget(netlify.build?.environment ?? {}), { host: "netlify" });
});

test("nothing is deployed unless the build and the site check passed", () => {
  assert.ok(deployJob && buildJob, "a deploy job that needs the build job");
  const jobsAndSteps = Object.values(workflow.jobs).flatMap((job) => [job, ...(job.steps ?? [])]);
  assert.ok(jobsAndSteps.every((item) => item["continue-on-error"] === undefined), "no failure is ignored");
  // A status function in a condition could run a step or job after a failure; none may.
  const conditions = jobsAndSteps.flatMap((item) => item.if ?? []);
  for (const condition of conditions) assert.doesNotMatch(condition, /\b(always|failure|cancelled|success)\(/, condition);
  // The gate's steps run unconditionally: none can be skipped on the way to the upload.
  for (const command of ["npm ci", "npx playwright install --with-deps chromium", "npm run build", "npm run check:site"]) {
    assert.equal(steps[stepIndex(`runs ${command}`, runs(command))]?.if, undefined, `${command} has no condition`);
  }
  const checked = stepIndex("runs npm run check:site", runs("npm run check:site"));
  assert.ok(steps.slice(0, checked).every((step) => !uses("actions/upload-pages-artifact")(step)), "nothing is uploaded before the check");
});

test("with MEDIA_URL the photos are uploaded after the check and before the pages, with the key from the repository's secrets", () => {
  assert.equal(buildJob?.env?.["MEDIA_URL"], "${{ vars.MEDIA_URL }}", "the build, the check and the upload see one MEDIA_URL");
  const checked = stepIndex("runs npm run check:site", runs("npm run check:site"));
  const media = stepIndex("runs npm run upload:media", runs("npm run upload:media"));
  const uploaded = stepIndex("uploads the site", uses("actions/upload-pages-artifact"));
  assert.ok(checked < media && media < uploaded, "check:site, the photos, the pages");
  const env = steps[media]?.env ?? {};
  for (const secret of ["MEDIA_ACCESS_KEY_ID", "MEDIA_SECRET_ACCESS_KEY"]) assert.equal(env[secret], `\${{ secrets.${secret} }}`);
  assert.equal(env["MEDIA_BUCKET"], "${{ vars.MEDIA_BUCKET }}");
  // Without MEDIA_URL the step says so and succeeds, uploading nothing.
  const run = spawnSync("bash", ["scripts/upload-media.sh"], { cwd: new URL("../../..", import.meta.url), encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^upload:media: MEDIA_URL is not set: the photos are published with the site, nothing to upload$/m);
});

test("the site is deployed only when it differs from the site deployed last, or when started by hand", () => {
  const hashed = stepIndex("hashes _site/", (step) => step.run?.includes("_site") === true && step.run.includes("sha256sum"));
  const hashId = steps[hashed]?.id ?? "";
  const looked = stepIndex("looks up the site's hash", (step) => uses("actions/cache/restore")(step) && String(step.with?.["key"]).startsWith("pages-site-"));
  const lookup = steps[looked];
  assert.equal(lookup?.with?.["key"], `pages-site-\${{ steps.${hashId}.outputs.hash }}`);
  assert.equal(lookup?.with?.["lookup-only"], true, "only looks, downloads nothing");
  const uploaded = stepIndex("uploads the site", uses("actions/upload-pages-artifact"));
  assert.ok(hashed < looked && looked < uploaded);
  const upload = steps[uploaded];
  assert.equal(upload?.if, `steps.${lookup?.id}.outputs.cache-hit != 'true' || github.event_name == 'workflow_dispatch'`);
  // The deploy job runs exactly when the upload did.
  assert.equal(buildJob?.outputs?.["deploy"], `\${{ steps.${upload?.id}.outcome == 'success' }}`);
  assert.equal(deployJob?.if, `needs.${buildJobName}.outputs.deploy == 'true'`);
  // The record is saved after the deploy, under the key the lookup asks for, at the same path (a cache's version depends on it).
  assert.equal(buildJob?.outputs?.["site-hash"], `\${{ steps.${hashId}.outputs.hash }}`);
  const deploySteps = deployJob?.steps ?? [];
  const deployed = deploySteps.findIndex(uses("actions/deploy-pages"));
  const saved = deploySteps.findIndex(uses("actions/cache/save"));
  assert.ok(deployed >= 0 && saved > deployed, "the record is saved after the deploy");
  assert.equal(deploySteps[saved]?.with?.["key"], `pages-site-\${{ needs.${buildJobName}.outputs.site-hash }}`);
  assert.equal(deploySteps[saved]?.with?.["path"], lookup?.with?.["path"]);
});

/** Runs the workflow's hashing step in a folder holding `files` as _site/; returns the hash it outputs. */
function siteHash(files: [string, string][]): string {
  const script = steps.find((step) => step.run?.includes("_site") === true && step.run.includes("sha256sum"))?.run ?? "";
  const dir = fs.mkdtempSync(path.join(tempRoot, "run-"));
  for (const [name, text] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, "_site", name)), { recursive: true });
    fs.writeFileSync(path.join(dir, "_site", name), text);
  }
  const output = path.join(dir, "github-output");
  const run = spawnSync("bash", ["-e", "-c", script], { cwd: dir, encoding: "utf8", env: { ...process.env, GITHUB_OUTPUT: output } });
  assert.equal(run.status, 0, run.stderr);
  const hash = /^hash=([0-9a-f]{64})$/m.exec(fs.readFileSync(output, "utf8"))?.[1];
  assert.ok(hash, "the step outputs a sha256 hash");
  return hash;
}

test("the site's hash covers every file's path and bytes, and nothing else", () => {
  const site: [string, string][] = [
    ["index.html", "the index"],
    ["news/a.html", "story a"],
    ["news/b.html", "story b"],
  ];
  const hash = siteHash(site);
  assert.equal(siteHash([...site].reverse()), hash, "the order files were written in does not count");
  assert.notEqual(siteHash([site[0]!, site[1]!, ["news/b.html", "story B"]]), hash, "a changed byte");
  assert.notEqual(siteHash([site[0]!, site[1]!, ["news/c.html", "story b"]]), hash, "a renamed file");
  assert.notEqual(siteHash([site[0]!, site[1]!, ["topics/b.html", "story b"]]), hash, "a moved file");
  assert.notEqual(siteHash(site.slice(0, 2)), hash, "a removed file");
});

test("the converted photos are kept between runs", () => {
  const restored = stepIndex("restores .cache", (step) => uses("actions/cache/restore")(step) && step.with?.["path"] === ".cache");
  const built = stepIndex("runs npm run build", runs("npm run build"));
  const saved = stepIndex("saves .cache", (step) => uses("actions/cache/save")(step) && step.with?.["path"] === ".cache");
  assert.ok(restored < built && built < saved, "restored before the build, saved after it");
  assert.match(String(steps[restored]?.with?.["restore-keys"]), /^photos-\$\{\{ runner\.os \}\}-\$\{\{ hashFiles\('package-lock\.json'\) \}\}-$/);
});

test("netlify.toml runs the same gate, publishes _site on Node.js 24, keeps .cache/, with the 404 page", () => {
  const commands = (netlify.build?.command ?? "").split("&&").map((command) => command.trim());
  assert.deepEqual(commands, ["npx playwright install chromium", "npm run build", "npm run check:site", "npm run upload:media"]);
  const workflowGate = steps.flatMap((step) => step.run?.trim() ?? []).filter((command) => command.startsWith("npm run "));
  assert.deepEqual(commands.slice(1), workflowGate, "the same npm commands as the Pages workflow");
  assert.equal(netlify.build?.publish, "_site");
  assert.equal(netlify.build?.environment?.["NODE_VERSION"], "24");
  const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
  assert.equal(engines, ">=24.11.0", "package.json's engines ask for Node.js 24 LTS");
  const cache = netlify.plugins?.find((plugin) => plugin.package === "netlify-plugin-cache");
  assert.deepEqual(cache?.inputs?.paths && [...cache.inputs.paths], [".cache"]);
  // Netlify runs a plugin outside its directory only when package.json lists it, pinned.
  const devDependencies = (JSON.parse(read("package.json")) as { devDependencies: Record<string, string> }).devDependencies;
  assert.match(devDependencies["netlify-plugin-cache"] ?? "", /^\d+\.\d+\.\d+$/);
  // smol-toml builds objects without a prototype; spread them to compare.
  assert.deepEqual(netlify.redirects?.map((rule) => ({ ...rule })), [{ from: "/*", to: "/404.html", status: 404 }]);
  // The 15-minute schedule: a scheduled function in the functions folder Netlify is told of.
  const functions = netlify.functions?.directory ?? "";
  assert.equal(functions, "netlify/functions");
  assert.match(read(`${functions}/scheduled-build.mts`), /export const config = \{ schedule: "\*\/15 \* \* \* \*" \}/);
});
