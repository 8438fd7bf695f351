/** Runs the dev server (scripts/serve.ts) in a fixture copy of the project, for the tests that watch it work. */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { get as httpGet } from "node:http";
import { createServer } from "node:net";

/** Every wait is bounded: a server that never answers fails the test instead of hanging it. */
const DEADLINE_MS = 60_000;

export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, context: () => string): Promise<T> {
  const end = Date.now() + DEADLINE_MS;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > end) assert.fail(`gave up after ${DEADLINE_MS / 1000} s waiting for ${what}\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  assert.ok(address !== null && typeof address === "object");
  return address.port;
}

export interface Response {
  status: number;
  text: string;
}

/** GET as a browser opening the page (the server adds its reload script to navigations only); undefined until it listens. */
export function get(url: string): Promise<Response | undefined> {
  return new Promise((resolve) => {
    const request = httpGet(url, { headers: { "sec-fetch-mode": "navigate" } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => void (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      response.on("error", () => resolve(undefined));
    });
    request.on("error", () => resolve(undefined));
  });
}

/** The dev server, started in `root` as `npm start` starts it, with everything it prints kept. */
export function startServer(root: string, port: number): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["scripts/serve.ts", `--port=${port}`], {
    cwd: root,
    // Its own process group, so the server and anything it starts are stopped together.
    detached: true,
    // The local address, as on a desk's machine, even where the tests run on a CI runner.
    env: { ...process.env, SITE_URL: "http://localhost:8080/" },
  });
  child.stdout?.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  return { child, output: () => output };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    return; // Already gone.
  }
  await exited;
}
