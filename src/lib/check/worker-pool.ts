/**
 * Runs tasks on a few worker threads, each taking the next task as soon as it is free, so uneven
 * tasks still keep every core busy.
 */
import { Worker } from "node:worker_threads";

/** tsx's loader does not reach worker threads on Node 20, so each worker registers it before loading its TypeScript module. */
function startWorker(module: URL, workerData: unknown): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Sends each task to a worker running `module` (which answers every message with one result) and
 * resolves with the results in the order of the tasks; rejects when a worker fails.
 */
export function runInWorkers<Task, Result>(module: URL, workerData: unknown, tasks: readonly Task[], size: number): Promise<Result[]> {
  const results: Result[] = new Array<Result>(tasks.length);
  const workers = Array.from({ length: Math.min(size, tasks.length) }, () => startWorker(module, workerData));
  const stopAll = () => Promise.all(workers.map((worker) => worker.terminate()));
  let next = 0;
  let done = 0;
  return new Promise<Result[]>((resolve, reject) => {
    const fail = (error: unknown) => void stopAll().then(() => reject(error));
    for (const worker of workers) {
      let current = -1;
      const sendNext = () => {
        if (next >= tasks.length) return;
        current = next++;
        worker.postMessage(tasks[current]);
      };
      worker.on("message", (result: Result) => {
        results[current] = result;
        done += 1;
        if (done === tasks.length) void stopAll().then(() => resolve(results));
        else sendNext();
      });
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (done < tasks.length) fail(new Error(`a worker stopped with exit code ${code} before its work was done`));
      });
      sendNext();
    }
  });
}
