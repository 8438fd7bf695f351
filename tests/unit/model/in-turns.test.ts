import assert from "node:assert/strict";
import { test } from "node:test";
import { inTurns } from "../../../src/lib/model/in-turns.ts";

test("every item is worked, never more than the limit at once, the results in the items' order however they finish", async () => {
  let running = 0;
  let most = 0;
  const delays = [30, 5, 20, 1, 15, 2, 9];
  const results = await inTurns(delays, 3, async (delay) => {
    running += 1;
    most = Math.max(most, running);
    await new Promise((done) => setTimeout(done, delay));
    running -= 1;
    return delay * 2;
  });
  assert.deepEqual(results, delays.map((delay) => delay * 2));
  assert.equal(most, 3);
  assert.deepEqual(await inTurns([], 3, async () => 1), []);
});
