import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDuration, formatRate, progressCounter, progressLine, steppedProgress } from "../../../src/lib/model/progress.ts";

function recorder(terminal: boolean) {
  let clock = 0;
  const written: string[] = [];
  const progress = progressCounter({ label: "build", what: "photos converted", unit: "photos", terminal, write: (text) => void written.push(text), now: () => clock, intervalMs: 10_000 });
  return { progress, written, advance: (ms: number) => void (clock += ms) };
}

test("a time to go reads in seconds, minutes and seconds, or hours and minutes", () => {
  assert.equal(formatDuration(0), "0 s");
  assert.equal(formatDuration(41.6), "42 s");
  assert.equal(formatDuration(185), "3 min 05 s");
  assert.equal(formatDuration(3_720), "1 h 02 min");
  assert.equal(formatDuration(-3), "0 s");
});

test("a rate reads per second, or per minute when slower than one a second", () => {
  assert.equal(formatRate(3.14, "photos"), "3.1 photos/s");
  assert.equal(formatRate(0.25, "pages"), "15.0 pages/min");
});

test("a line gives the count, then the rate and the time left once a second has gone by", () => {
  const wording = { label: "build", what: "photos converted", unit: "photos" };
  assert.equal(progressLine(wording, { done: 5, total: 2000, since: { done: 0, elapsedMs: 500 } }), "build: photos converted 5/2000");
  // 150 converted in 50 s since 50 were found ready: 2 a second, 1,800 to go.
  assert.equal(progressLine(wording, { done: 200, total: 2000, since: { done: 50, elapsedMs: 50_000 } }), "build: photos converted 200/2000, 3.0 photos/s, about 10 min 00 s left");
  assert.equal(progressLine(wording, { done: 2000, total: 2000, since: { done: 0, elapsedMs: 1_000_000 } }), "build: photos converted 2000/2000, 2.0 photos/s");
  assert.equal(progressLine({ label: "check:site", what: "pages checked" }, { done: 7, total: 29, since: { done: 0, elapsedMs: 60_000 } }), "check:site: pages checked 7/29");
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
