/** A worker of `validateSite`: checks the batches of pages it is sent, with one checker for all of them. */
import { parentPort } from "node:worker_threads";
import { PageChecker, type PageTask } from "./page-check.ts";

const checker = new PageChecker();
parentPort?.on("message", async (tasks: PageTask[]) => {
  parentPort?.postMessage(await checker.checkAll(tasks));
});
