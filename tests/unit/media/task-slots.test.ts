import assert from "node:assert/strict";
import { test } from "node:test";
import { setImmediate } from "node:timers/promises";
import { TaskSlots } from "../../../src/lib/media/task-slots.ts";

/** A task that runs until released, noting that it started. */
function gatedTask(started: string[], name: string) {
  let release: (value: string) => void = () => undefined;
  const done = new Promise<string>((resolve) => (release = resolve));
  return { task: () => (started.push(name), done), release: () => release(name) };
}

test("two slots run two tasks at once; the third waits for a free slot", async () => {
  const slots = new TaskSlots(2);
  const started: string[] = [];
  const [a, b, c] = ["a", "b", "c"].map((name) => gatedTask(started, name));
  const results = [a!, b!, c!].map(({ task }) => slots.run(task));
  await setImmediate();
  assert.deepEqual(started, ["a", "b"]);

  b!.release();
  assert.equal(await results[1], "b");
  await setImmediate();
  assert.deepEqual(started, ["a", "b", "c"]);
  a!.release();
  c!.release();
  assert.deepEqual(await Promise.all(results), ["a", "b", "c"]);
});

test("a failed task frees its slot", async () => {
  const slots = new TaskSlots(1);
  await assert.rejects(slots.run(() => Promise.reject(new Error("broken photo"))), /broken photo/);
  assert.equal(await slots.run(() => Promise.resolve("next")), "next");
});

test("a pool needs at least one slot", () => {
  assert.throws(() => new TaskSlots(0), RangeError);
});
