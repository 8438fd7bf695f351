import assert from "node:assert/strict";
import { test } from "node:test";
import { runInWorkers, startWorkers } from "../../../src/lib/check/worker-pool.ts";

interface Answer {
  doubled: number;
  thread: string;
}

const WORKER = new URL("./pool-worker.ts", import.meta.url);
const numbers = Array.from({ length: 40 }, (_, n) => n);

test("tasks run on the workers and on this thread give their results in the order of the tasks", async () => {
  const here = (n: number): Answer => ({ doubled: n * 2, thread: "here" });
  const answers = await runInWorkers<number, Answer>(WORKER, undefined, numbers, 1, here);
  assert.deepEqual(
    answers.map((answer) => answer.doubled),
    numbers.map((n) => n * 2),
  );
  const threads = new Set(answers.map((answer) => answer.thread));
  assert.ok(threads.has("here"), "this thread took tasks while the worker started");
  assert.equal(threads.size, 2, `both threads took tasks: ${[...threads].join(", ")}`);
});

test("without a task for this thread, the workers run them all", async () => {
  const answers = await runInWorkers<number, Answer>(WORKER, undefined, numbers, 2);
  assert.deepEqual(
    answers.map((answer) => answer.doubled),
    numbers.map((n) => n * 2),
  );
  assert.ok(answers.every((answer) => answer.thread.startsWith("worker ")));
});

test("a worker that stops before its work is done fails the run", async () => {
  await assert.rejects(runInWorkers<number, Answer>(WORKER, undefined, [1, -1, 2], 1), /exit code 3/);
});

test("a failure on this thread fails the run", async () => {
  const here = (n: number): Answer => {
    throw new Error(`cannot run ${n} here`);
  };
  await assert.rejects(runInWorkers<number, Answer>(WORKER, undefined, numbers, 1, here), /cannot run \d+ here/);
});

test("no tasks need no worker", async () => {
  assert.deepEqual(await runInWorkers<number, Answer>(WORKER, undefined, [], 2), []);
});

test("workers started early take the run's tasks, and stop with it; one that failed before the run fails it", async () => {
  const [early] = startWorkers(WORKER, undefined, 1);
  assert.ok(early);
  const stopped = new Promise((resolve) => early.once("exit", resolve));
  const thread = `worker ${early.threadId}`;
  const answers = await runInWorkers<number, Answer>(WORKER, undefined, numbers, 1, undefined, undefined, [early]);
  assert.deepEqual(new Set(answers.map((answer) => answer.thread)), new Set([thread]), "no other worker was started");
  await stopped;

  const [broken] = startWorkers(new URL("./no-such-worker.ts", import.meta.url), undefined, 1);
  assert.ok(broken);
  // It fails while no run listens to it, as a worker loading its checker may: never an uncaught error.
  await new Promise((resolve) => broken.once("exit", resolve));
  await assert.rejects(runInWorkers<number, Answer>(WORKER, undefined, numbers, 1, undefined, undefined, [broken]), /no-such-worker|Cannot find module/);

  const [unused] = startWorkers(WORKER, undefined, 1);
  assert.ok(unused);
  const unusedStopped = new Promise((resolve) => unused.once("exit", resolve));
  assert.deepEqual(await runInWorkers<number, Answer>(WORKER, undefined, [], 1, undefined, undefined, [unused]), []);
  await unusedStopped;
});
