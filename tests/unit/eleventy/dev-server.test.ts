import { SettingsError } from "../../../src/lib/model/settings-error.ts";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, type AddressInfo } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import {
  listenOn,
  networkAddresses,
  readServeOptions,
  startMessage,
  type DevServerListening,
} from "../../../src/lib/eleventy/dev-server.ts";

/** Where the dev server listens when not told --lan. */
const { host: byDefault } = readServeOptions([]);

test("the port is 8080 unless --port names another; the host is this machine's loopback unless --lan", () => {
  assert.deepEqual(readServeOptions([]), { port: 8080, host: "127.0.0.1" });
  assert.deepEqual(readServeOptions(["--port=8081"]), { port: 8081, host: "127.0.0.1" });
  assert.deepEqual(readServeOptions(["--port", "9000"]), { port: 9000, host: "127.0.0.1" });
  assert.deepEqual(readServeOptions(["--lan"]), { port: 8080, host: undefined });
  assert.deepEqual(readServeOptions(["--lan", "--port=8081"]), { port: 8081, host: undefined });
});

for (const args of [["--port=0"], ["--port=65536"], ["--port=80a"], ["--port=-1"], ["--port="], ["--port=8080.5"]]) {
  test(`${args.join(" ")} is refused in one line naming the option`, () => {
    assert.throws(() => readServeOptions(args), (error: unknown) => {
      assert.ok(error instanceof SettingsError);
      assert.match(error.message, /^--port: got ".*" \(expected a whole number from 1 to 65535\) \[WD313\]$/);
      return true;
    });
  });
}

test("an unknown option, or a value given to --lan, is refused, naming the option", () => {
  assert.throws(() => readServeOptions(["--serve"]), (error: unknown) => error instanceof SettingsError && /^--serve: Unknown option '--serve'.* \(expected --port=N or --lan\) \[WD313\]$/.test(error.message));
  assert.throws(() => readServeOptions(["--lan=yes"]), (error: unknown) => error instanceof SettingsError && /^--lan: .* \[WD313\]$/.test(error.message));
});

test("the start line says whether other machines can read the pages", () => {
  assert.equal(
    startMessage(byDefault, 8080, ["192.0.2.2"]),
    "serve: http://localhost:8080/ (this machine only; drafts and embargoed stories shown, marked; pages in .dev-site/)",
  );
  assert.equal(
    startMessage(undefined, 8081, ["192.0.2.2"]),
    "serve: http://localhost:8081/ or http://192.0.2.2:8081/ (every network; drafts and embargoed stories shown, marked; pages in .dev-site/)",
  );
  // Told from the address the socket was bound to: anything but the loopback address is every network.
  assert.match(startMessage("::", 8080, []), /\(every network;/);
  assert.deepEqual(
    networkAddresses({
      lo: [{ address: "127.0.0.1", netmask: "255.0.0.0", family: "IPv4", mac: "00:00:00:00:00:00", internal: true, cidr: "127.0.0.1/8" }],
      eth0: [
        { address: "192.0.2.2", netmask: "255.255.255.0", family: "IPv4", mac: "02:00:00:00:00:01", internal: false, cidr: "192.0.2.2/24" },
        { address: "fd00::2", netmask: "ffff:ffff:ffff:ffff::", family: "IPv6", mac: "02:00:00:00:00:01", internal: false, cidr: "fd00::2/64", scopeid: 0 },
      ],
    }),
    ["192.0.2.2"],
  );
});

type DevServer = DevServerListening & { serve(port: number): void; ready(): Promise<void>; close(): Promise<void> };

/** The dev server npm start runs (Eleventy's), on a folder of its own, listening as listenOn says; its port, then a stop. */
async function startDevServer(host: string | undefined): Promise<{ port: number; address: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "dev-server-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Embargoed</title><p>Embargoed until Tuesday.");
  const devServer = EleventyDevServer.getServer("test", dir, { liveReload: false, messageOnStart: () => false, logger: { info() {}, error() {}, log() {} } }) as unknown as DevServer;
  listenOn(devServer, host);
  devServer.serve(0);
  await devServer.ready();
  const { port, address } = devServer.server.address() as AddressInfo;
  return {
    port,
    address,
    stop: async () => {
      await devServer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a TCP connection to host:port is accepted. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

test("by default the dev server listens on 127.0.0.1 only: other machines cannot reach it", async () => {
  const server = await startDevServer(byDefault);
  try {
    assert.equal(server.address, "127.0.0.1");
    assert.equal(await reachable("127.0.0.1", server.port), true);
    for (const address of networkAddresses(networkInterfaces())) {
      assert.equal(await reachable(address, server.port), false, `reachable at ${address}:${server.port}`);
    }
  } finally {
    await server.stop();
  }
});

test("with --lan it listens on every address, so the machine's network address reaches it", async (context) => {
  const [address] = networkAddresses(networkInterfaces());
  if (address === undefined) return context.skip("this machine has no network address besides loopback");
  const server = await startDevServer(undefined);
  try {
    assert.equal(await reachable(address, server.port), true);
  } finally {
    await server.stop();
  }
});

test("a dev server without the listen step it relies on is refused, not left listening everywhere", () => {
  assert.throws(() => listenOn({} as DevServerListening, byDefault), /cannot keep it to this machine/);
});
