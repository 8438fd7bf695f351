/**
 * Runs tasks on a few worker threads, and optionally on this thread too, each taking the next task
 * as soon as it is free, so uneven tasks still keep every core busy.
 */
import { setImmediate as turn } from "node:timers/promises";
import { Worker } from "node:worker_threads";

/**
 * Tasks a worker holds at once: the one it runs and the next, which it starts as soon as it has
 * sent a result, even while this thread is busy with a task of its own and cannot send another.
 */
const QUEUED_PER_WORKER = 2;

/**
 * Workers running `module`, started now, so that their module graph loads while this thread does
 * other work: a run given them (`started`) sends them its tasks, and stops them when it ends.
 */
export function startWorkers(module: URL, workerData: unknown, count: number): Worker[] {
  return Array.from({ length: Math.max(0, count) }, () => {
    const worker = new Worker(module, { workerData });
    // Heard from the start: a worker that fails or stops before a run listens to it is that run's failure, never an uncaught error.
    const heard: Heard = {};
    worker.on("error", (error: unknown) => (heard.error ??= error));
    worker.on("exit", (code: number) => (heard.exitCode = code));
    heardOf.set(worker, heard);
    return worker;
  });
}

/** What a started worker did before a run listened to it. */
interface Heard {
  error?: unknown;
  exitCode?: number;
}
const heardOf = new WeakMap<Worker, Heard>();

/**
 * Sends each task to one of `size` workers running `module` (which answers every message with one
 * result, in the order of the messages) and resolves with the results in the order of the tasks;
 * rejects when a worker fails. With `here`, this thread runs tasks too, between its turns at
 * handing tasks out: a worker costs a thread and a module graph to start, this thread is running.
 * Workers `started` already (startWorkers) are used first, and stopped with the rest.
 */
export function runInWorkers<Task, Result>(
  module: URL,
  workerData: unknown,
  tasks: readonly Task[],
  size: number,
  here?: (task: Task) => Result | Promise<Result>,
  /** Hears of each task's result as it comes, whichever thread ran it. */
  onResult?: (result: Result) => void,
  started: readonly Worker[] = [],
): Promise<Result[]> {
  if (tasks.length === 0) return Promise.all(started.map((worker) => worker.terminate())).then(() => []);
  const results: Result[] = new Array<Result>(tasks.length);
  const workers = [...started, ...startWorkers(module, workerData, Math.min(size, tasks.length) - started.length)];
  const stopAll = () => Promise.all(workers.map((worker) => worker.terminate()));
  let next = 0;
  let done = 0;
  let failed = false;
  return new Promise<Result[]>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      void stopAll().then(() => reject(error));
    };
    const finish = (index: number, result: Result) => {
      results[index] = result;
      done += 1;
      onResult?.(result);
      if (done === tasks.length) void stopAll().then(() => resolve(results));
    };
    for (const worker of workers) {
      // The tasks sent and not answered yet, oldest first: the worker answers in that order.
      const sent: number[] = [];
      const sendNext = () => {
        while (sent.length < QUEUED_PER_WORKER && next < tasks.length && !failed) {
          sent.push(next);
          worker.postMessage(tasks[next++]);
        }
      };
      worker.on("message", (result: Result) => {
        const index = sent.shift();
        if (index === undefined) return fail(new Error("a worker answered a task it was not sent"));
        finish(index, result);
        sendNext();
      });
      const stopped = (code: number) => {
        if (done < tasks.length) fail(new Error(`a worker stopped with exit code ${code} before its work was done`));
      };
      worker.on("error", fail);
      worker.on("exit", stopped);
      const heard = heardOf.get(worker);
      if (heard?.error !== undefined) fail(heard.error);
      else if (heard?.exitCode !== undefined) stopped(heard.exitCode);
      sendNext();
    }
    const runHere = async (run: (task: Task) => Result | Promise<Result>) => {
      while (next < tasks.length && !failed) {
        const index = next++;
        finish(index, await run(tasks[index] as Task));
        await turn(); // the workers' results wait for this thread between its tasks
      }
    };
    if (here) runHere(here).catch(fail);
  });
}
