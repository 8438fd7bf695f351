import assert from "node:assert/strict";
import { test } from "node:test";
import { progressCounter, steppedProgress, type ProgressOptions } from "../../../src/lib/model/progress.ts";

function recorder(terminal: boolean) {
  let clock = 0;
  const written: string[] = [];
  const progress = progressCounter({ label: "build", what: "photos converted", unit: "photos", terminal, write: (text) => void written.push(text), now: () => clock, intervalMs: 10_000 });
  return { progress, written, advance: (ms: number) => void (clock += ms) };
}

/**
 * The line a counter on a terminal shows for `done` of `total`, `elapsedMs` after the count first
 * moved, to `from` (the rate is timed from there).
 */
function lineAt(wording: Pick<ProgressOptions, "label" | "what" | "unit">, { from, done, total, elapsedMs }: { from: number; done: number; total: number; elapsedMs: number }): string {
  let clock = 0;
  const written: string[] = [];
  const progress = progressCounter({ ...wording, terminal: true, write: (text) => void written.push(text), now: () => clock });
  progress.update(from - 1, total);
  clock += 5_000;
  progress.update(from, total);
  clock += elapsedMs;
  progress.update(done, total);
  return (written.at(-1) ?? "").replace(/^\r/, "").replace(/\u001b\[K$/, "");
}

const photos = { label: "build", what: "photos converted", unit: "photos" };

test("a time to go reads in seconds, minutes and seconds, or hours and minutes", () => {
  // 10 converted in 10 s: one a second.
  const left = (total: number) => lineAt(photos, { from: 1, done: 11, total, elapsedMs: 10_000 });
  assert.equal(left(11 + 185), "build: photos converted 11/196, 1.0 photos/s, about 3 min 05 s left");
  assert.equal(left(11 + 3_720), "build: photos converted 11/3731, 1.0 photos/s, about 1 h 02 min left");
  // 2.5 a second, 104 to go: 41.6 s.
  assert.equal(lineAt(photos, { from: 1, done: 6, total: 110, elapsedMs: 2_000 }), "build: photos converted 6/110, 2.5 photos/s, about 42 s left");
  assert.equal(lineAt(photos, { from: 1, done: 10_001, total: 10_002, elapsedMs: 1_000 }), "build: photos converted 10001/10002, 10000.0 photos/s, about 0 s left");
});

test("a rate reads per second, or per minute when slower than one a second", () => {
  assert.equal(lineAt(photos, { from: 1, done: 158, total: 158, elapsedMs: 50_000 }), "build: photos converted 158/158, 3.1 photos/s");
  assert.equal(lineAt({ label: "check:site", what: "pages checked", unit: "pages" }, { from: 1, done: 2, total: 2, elapsedMs: 4_000 }), "check:site: pages checked 2/2, 15.0 pages/min");
});

test("a line gives the count, then the rate and the time left once a second has gone by", () => {
  assert.equal(lineAt(photos, { from: 1, done: 5, total: 2000, elapsedMs: 500 }), "build: photos converted 5/2000");
  assert.equal(lineAt(photos, { from: 1, done: 5, total: 2000, elapsedMs: 1_000 }), "build: photos converted 5/2000, 4.0 photos/s, about 8 min 19 s left");
  // 150 converted in 50 s since 50 were found ready: 3 a second, 1,800 to go.
  assert.equal(lineAt(photos, { from: 50, done: 200, total: 2000, elapsedMs: 50_000 }), "build: photos converted 200/2000, 3.0 photos/s, about 10 min 00 s left");
  assert.equal(lineAt(photos, { from: 1, done: 2000, total: 2000, elapsedMs: 999_500 }), "build: photos converted 2000/2000, 2.0 photos/s");
  assert.equal(lineAt({ label: "check:site", what: "pages checked" }, { from: 1, done: 7, total: 29, elapsedMs: 60_000 }), "check:site: pages checked 7/29");
});

test("on a terminal the count is rewritten in place at most ten times a second, the rate after a second, and cleared when done", () => {
  const { progress, written, advance } = recorder(true);
  progress.update(0, 40);
  for (let done = 1; done <= 40; done += 1) {
    advance(25);
    progress.update(done, 40);
  }
  progress.finish();
  assert.deepEqual(written, [
    "\rbuild: photos converted 0/40\u001b[K",
    "\rbuild: photos converted 4/40\u001b[K",
    "\rbuild: photos converted 8/40\u001b[K",
    "\rbuild: photos converted 12/40\u001b[K",
    "\rbuild: photos converted 16/40\u001b[K",
    "\rbuild: photos converted 20/40\u001b[K",
    "\rbuild: photos converted 24/40\u001b[K",
    "\rbuild: photos converted 28/40\u001b[K",
    "\rbuild: photos converted 32/40\u001b[K",
    "\rbuild: photos converted 36/40\u001b[K",
    "\rbuild: photos converted 40/40\u001b[K",
    "\r\u001b[K",
  ]);
});

test("in a log a line comes once ten seconds have gone by since the start or the last line, never sooner", () => {
  const { progress, written, advance } = recorder(false);
  progress.update(0, 30);
  for (let done = 1; done <= 30; done += 1) {
    // Photo 12 takes 15 s; the others 1 s.
    advance(done === 12 ? 15_000 : 1_000);
    progress.update(done, 30);
  }
  progress.finish();
  assert.deepEqual(written, [
    "build: photos converted 10/30, 1.0 photos/s, about 20 s left\n",
    "build: photos converted 12/30, 26.4 photos/min, about 41 s left\n",
    "build: photos converted 22/30, 36.0 photos/min, about 13 s left\n",
  ]);
});

test("the rate is timed from the first count that moves, so a slow start does not stretch the time left", () => {
  const { progress, written, advance } = recorder(true);
  progress.update(0, 100);
  // The converter takes 5 s to start, then converts ten a second.
  advance(5_000);
  progress.update(1, 100);
  for (let done = 2; done <= 11; done += 1) {
    advance(100);
    progress.update(done, 100);
  }
  assert.equal(written.at(-1), "\rbuild: photos converted 11/100, 10.0 photos/s, about 9 s left\u001b[K");
});

test("work shorter than ten seconds writes nothing to a log", () => {
  const { progress, written, advance } = recorder(false);
  for (let done = 0; done <= 300; done += 1) {
    advance(30);
    progress.update(done, 300);
  }
  progress.finish();
  assert.deepEqual(written, []);
});

test("work in steps counts each in turn, clears a step's line when its count is complete, and skips a step with nothing to count", () => {
  let clock = 0;
  const written: string[] = [];
  const steps = { read: { what: "stories read", unit: "stories" }, render: { what: "pages rendered", unit: "pages" }, check: { what: "pages checked", unit: "pages" } };
  const progress = steppedProgress("build", steps, { terminal: true, write: (text) => void written.push(text), now: () => clock });
  progress.onProgress("read", 0, 2);
  clock += 200;
  progress.onProgress("read", 2, 2);
  progress.onProgress("render", 0, 0);
  progress.onProgress("check", 0, 5);
  clock += 200;
  progress.onProgress("check", 1, 5);
  // The check fails: whoever ran it ends the line before saying so.
  progress.finish();
  assert.deepEqual(written, [
    "\rbuild: stories read 0/2\u001b[K",
    "\rbuild: stories read 2/2\u001b[K",
    "\r\u001b[K",
    "\rbuild: pages checked 0/5\u001b[K",
    "\rbuild: pages checked 1/5\u001b[K",
    "\r\u001b[K",
  ]);
});
