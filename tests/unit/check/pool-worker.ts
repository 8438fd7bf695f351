/** A worker for worker-pool.test.ts: answers each number with its double and this thread's name, or stops on a negative one. */
import { parentPort, threadId } from "node:worker_threads";

parentPort?.on("message", (n: number) => {
  if (n < 0) process.exit(3);
  parentPort?.postMessage({ doubled: n * 2, thread: `worker ${threadId}` });
});
