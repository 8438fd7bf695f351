/** A worker of `validateSite`: checks the batches of pages it is sent, with one checker for all of them. */
import { parentPort } from "node:worker_threads";
import { PageChecker, type PageTask } from "./page-check.ts";

const checker = new PageChecker();
// html-validate reads its configuration and rules at its first page (a tenth of a second or more): a
// worker started before the check (EarlyChecker) does that while it waits for its pages.
let last: Promise<unknown> = checker.check("warm-up.html", '<!doctype html><html lang="en"><head><title>Warm-up</title></head><body></body></html>');
// One batch after another: the sender takes the answers in the order of its batches, which two
// batches checked side by side (both waiting for the warm-up) need not keep.
parentPort?.on("message", (tasks: PageTask[]) => {
  last = last.then(async () => parentPort?.postMessage(await checker.checkAll(tasks)));
});
