import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_PORT, readServePort, ServeOptionError } from "../../../src/lib/eleventy/dev-server.ts";

test("the port is 8080 unless --port names another", () => {
  assert.equal(readServePort([]), DEFAULT_PORT);
  assert.equal(readServePort(["--port=8081"]), 8081);
  assert.equal(readServePort(["--port", "9000"]), 9000);
});

for (const args of [["--port=0"], ["--port=65536"], ["--port=80a"], ["--port=-1"], ["--port="], ["--port=8080.5"]]) {
  test(`${args.join(" ")} is refused in one line naming the option`, () => {
    assert.throws(() => readServePort(args), (error: unknown) => {
      assert.ok(error instanceof ServeOptionError);
      assert.match(error.message, /^--port: got ".*" \(expected a whole number from 1 to 65535\)$/);
      return true;
    });
  });
}

test("an unknown option is refused", () => {
  assert.throws(() => readServePort(["--serve"]), ServeOptionError);
});
