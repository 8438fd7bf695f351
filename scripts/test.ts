/**
 * `npm test`: every check of the project, each one the npm script a developer also runs alone.
 *
 *   node scripts/test.ts
 *
 * The checks run in two lanes side by side. The build tests keep most of both cores busy; the
 * other lane's checks each leave one core idle most of the time (the type check and the unit tests
 * run in one process, the browser tests wait on Chromium, Lighthouse waits on the network quiet
 * it measures), so together they fill the machine. Within a lane the checks run in order: the
 * browser tests build the fixture site Lighthouse audits.
 *
 * A check's output is printed whole when it ends, never interleaved with the other lane's; every
 * check runs whatever another's outcome, and the command fails if any failed.
 */
import { spawn } from "node:child_process";

interface Check {
  /** The npm script, and what it is given. */
  script: string;
  args?: string[];
}

const LANES: readonly (readonly Check[])[] = [
  [{ script: "typecheck" }, { script: "lint" }, { script: "test:unit" }, { script: "test:build" }],
  [{ script: "test:browser" }, { script: "lighthouse", args: [".test-site"] }],
];

interface Outcome {
  name: string;
  passed: boolean;
  seconds: number;
}

const nameOf = ({ script, args = [] }: Check): string => ["npm run", script, ...(args.length > 0 ? ["--", ...args] : [])].join(" ");

/** Runs one check with its output held, then prints it under the check's name. */
function run(check: Check): Promise<Outcome> {
  const name = nameOf(check);
  const start = performance.now();
  console.log(`test: ${name} started`);
  return new Promise((resolve) => {
    const output: Buffer[] = [];
    const child = spawn("npm", ["run", "--silent", check.script, ...(check.args ? ["--", ...check.args] : [])], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    let finished = false;
    // A child that could not start reports both an error and its close: one outcome.
    const finish = (passed: boolean, why = "") => {
      if (finished) return;
      finished = true;
      const seconds = (performance.now() - start) / 1000;
      process.stdout.write(`\n── ${name} ${"─".repeat(Math.max(0, 72 - name.length))}\n`);
      process.stdout.write(Buffer.concat(output));
      console.log(`test: ${name} ${passed ? "passed" : `FAILED${why}`} in ${seconds.toFixed(0)} s\n`);
      resolve({ name, passed, seconds });
    };
    child.on("error", (error) => finish(false, ` (${error.message})`));
    child.on("close", (code, signal) => finish(code === 0, signal ? ` (stopped by ${signal})` : ` (exit code ${String(code)})`));
  });
}

async function runLane(lane: readonly Check[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const check of lane) outcomes.push(await run(check));
  return outcomes;
}

const start = performance.now();
const outcomes = (await Promise.all(LANES.map(runLane))).flat();
const failed = outcomes.filter((outcome) => !outcome.passed);
for (const { name, passed, seconds } of outcomes) console.log(`test: ${passed ? "passed" : "FAILED"} ${seconds.toFixed(0).padStart(4)} s  ${name}`);
console.log(`test: ${failed.length === 0 ? "every check passed" : `${failed.length} of ${outcomes.length} checks failed`} in ${((performance.now() - start) / 1000).toFixed(0)} s`);
process.exitCode = failed.length === 0 ? 0 : 1;
