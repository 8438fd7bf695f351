/** A worker of `validateSite`: checks the batches of pages it is sent, with one validator for all of them. */
import { parentPort, workerData } from "node:worker_threads";
import { checkPages, createContext, type CheckSettings } from "./validate.ts";

const context = createContext(workerData as CheckSettings);
parentPort?.on("message", async (pages: string[]) => {
  parentPort?.postMessage(await checkPages(context, pages));
});
