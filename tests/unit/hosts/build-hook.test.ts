import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, test } from "node:test";
import scheduledBuild, { config } from "../../../netlify/functions/scheduled-build.mts";
import { requestScheduledBuild } from "../../../src/lib/hosts/build-hook.ts";

interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}

/** A stand-in for Netlify's build hook on this machine, answering `status`; every request it got. */
async function hookServer(status: number, answer = ""): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => void (body += chunk.toString()));
    request.on("end", () => {
      received.push({ method: request.method ?? "", url: request.url ?? "", contentType: request.headers["content-type"], body });
      response.writeHead(status, { "content-type": "text/plain" }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/build_hooks/5f0c1a`, received, server };
}

/** A log that keeps its lines. */
function lines() {
  const kept: string[] = [];
  return { kept, log: { log: (line: string) => void kept.push(`log: ${line}`), error: (line: string) => void kept.push(`error: ${line}`) } };
}

test("the function runs every 15 minutes", () => {
  assert.deepEqual(config, { schedule: "*/15 * * * *" });
});

test("with the hook's URL set, it POSTs to the hook once, titled, and logs the answer without the hook's secret path", async () => {
  const hook = await hookServer(200);
  const { kept, log } = lines();
  const result = await requestScheduledBuild({ env: { BUILD_HOOK_URL: ` ${hook.url} ` }, log });
  assert.deepEqual(result, { outcome: "requested", status: 200 });
  assert.deepEqual(hook.received, [
    { method: "POST", url: `/build_hooks/5f0c1a?trigger_title=${new URLSearchParams({ t: "Scheduled rebuild (embargoes, news sitemap)" }).toString().slice(2)}`, contentType: "application/json", body: "{}" },
  ]);
  const host = new URL(hook.url).host;
  assert.deepEqual(kept, [`log: scheduled-build: build requested from the build hook at ${host} (HTTP 200)`]);
});

test("the Netlify function reads the hook's URL from the environment", async () => {
  const hook = await hookServer(200);
  const before = process.env.BUILD_HOOK_URL;
  process.env.BUILD_HOOK_URL = hook.url;
  const print = console.log;
  console.log = () => {};
  try {
    await scheduledBuild();
  } finally {
    console.log = print;
    if (before === undefined) delete process.env.BUILD_HOOK_URL;
    else process.env.BUILD_HOOK_URL = before;
  }
  assert.equal(hook.received.length, 1);
  assert.equal(hook.received[0]?.method, "POST");
});

test("without the variable it asks nothing of anyone and says how to set it up", async () => {
  const { kept, log } = lines();
  let fetched = 0;
  const fetch = async (): Promise<Response> => {
    fetched += 1;
    return new Response("");
  };
  for (const env of [{}, { BUILD_HOOK_URL: "" }, { BUILD_HOOK_URL: "  " }]) {
    assert.deepEqual(await requestScheduledBuild({ env, fetch, log }), { outcome: "not configured" });
  }
  assert.equal(fetched, 0);
  assert.equal(kept.length, 3);
  assert.equal(
    kept[0],
    "error: scheduled-build: BUILD_HOOK_URL is not set, so no build was started and embargoed stories wait for the next push (create a build hook under Project configuration -> Build & deploy -> Build hooks, and set BUILD_HOOK_URL to its URL)",
  );
});

test("a URL that is not one, or plain http to another machine, is refused before any request", async () => {
  const { kept, log } = lines();
  let fetched = 0;
  const fetch = async (): Promise<Response> => {
    fetched += 1;
    return new Response("");
  };
  assert.equal((await requestScheduledBuild({ env: { BUILD_HOOK_URL: "api.netlify.com/build_hooks/x" }, fetch, log })).outcome, "refused");
  assert.equal((await requestScheduledBuild({ env: { BUILD_HOOK_URL: "http://api.netlify.com/build_hooks/x" }, fetch, log })).outcome, "refused");
  assert.equal(fetched, 0);
  assert.deepEqual(kept, [
    "error: scheduled-build: BUILD_HOOK_URL is not a URL (expected the build hook's URL, https://api.netlify.com/build_hooks/<hook id>); no build was started",
    "error: scheduled-build: BUILD_HOOK_URL is a http: URL (expected https://api.netlify.com/build_hooks/<hook id>); no build was started",
  ]);
});

test("a hook that answers with an error, or cannot be reached, is logged as a failure; nothing throws", async () => {
  const gone = await hookServer(404, "Not Found");
  const { kept, log } = lines();
  const host = new URL(gone.url).host;
  assert.deepEqual(await requestScheduledBuild({ env: { BUILD_HOOK_URL: gone.url }, log }), {
    outcome: "failed",
    reason: `the build hook at ${host} answered HTTP 404: Not Found`,
  });
  assert.equal(kept[0], `error: scheduled-build: the build hook at ${host} answered HTTP 404: Not Found; no build was started (is BUILD_HOOK_URL the URL of a hook that still exists?)`);

  // A port nothing listens on any more.
  const closed = await hookServer(200);
  await new Promise<void>((resolve) => closed.server.close(() => resolve()));
  const unreachable = await requestScheduledBuild({ env: { BUILD_HOOK_URL: closed.url }, log });
  assert.equal(unreachable.outcome, "failed");
  assert.match(kept[1] ?? "", /^error: scheduled-build: the build hook at 127\.0\.0\.1:\d+ could not be reached: .+; the next run tries again$/);
  assert.equal(closed.received.length, 0);
});
