import assert from "node:assert/strict";
import { test } from "node:test";
import { progressCounter } from "../../../src/lib/check/progress.ts";

function recorder(terminal: boolean) {
  let clock = 0;
  const written: string[] = [];
  const progress = progressCounter({ label: "check:site", what: "pages checked", terminal, write: (text) => void written.push(text), now: () => clock, intervalMs: 10_000, everyItems: 5 });
  return { progress, written, advance: (ms: number) => void (clock += ms) };
}

test("on a terminal the count is rewritten in place, and the line ended when done", () => {
  const { progress, written } = recorder(true);
  for (let done = 0; done <= 3; done += 1) progress.update(done, 3);
  progress.finish();
  assert.deepEqual(written, [
    "\rcheck:site: pages checked 0/3\u001b[K",
    "\rcheck:site: pages checked 1/3\u001b[K",
    "\rcheck:site: pages checked 2/3\u001b[K",
    "\rcheck:site: pages checked 3/3\u001b[K",
    "\n",
  ]);
});

test("in a log a line comes at the start, every few items or after a long silence, and at the end", () => {
  const { progress, written, advance } = recorder(false);
  progress.update(0, 12);
  for (let done = 1; done <= 12; done += 1) {
    // Page 7 takes 11 s: the log hears of it although few pages went by.
    advance(done === 7 ? 11_000 : 1_000);
    progress.update(done, 12);
  }
  progress.finish();
  assert.deepEqual(written, [
    "check:site: pages checked 0/12\n",
    "check:site: pages checked 5/12\n",
    "check:site: pages checked 7/12\n",
    "check:site: pages checked 12/12\n",
  ]);
});

test("a quick check in a log prints its start and its end only", () => {
  const { progress, written, advance } = recorder(false);
  for (let done = 0; done <= 3; done += 1) {
    advance(100);
    progress.update(done, 3);
  }
  progress.finish();
  assert.deepEqual(written, ["check:site: pages checked 0/3\n", "check:site: pages checked 3/3\n"]);
});
