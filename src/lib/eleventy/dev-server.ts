/**
 * The dev server's own pieces: its options, its output folder, which is never _site/ (the folder
 * that is deployed), and where it listens. It serves drafts and embargoed stories, so it listens on
 * this machine's loopback address only, unless the desk asks for every network in so many words.
 */
import type { Server } from "node:net";
import { readCommandOptions } from "../model/command-options.ts";
import { SettingsError } from "../model/settings-error.ts";

/** Where the dev server writes its pages (ignored by git, never deployed). */
export const DEV_SITE = ".dev-site";

const DEFAULT_PORT = 8080;

/** This machine only: no other machine can open an address bound here. */
const LOOPBACK_HOST = "127.0.0.1";

export interface ServeOptions {
  port: number;
  /** The address to listen on; undefined is every address of every network the machine is on. */
  host: string | undefined;
}

/** A SettingsError of one bad option: the option as the field. */
const badOption = (option: string, message: string) => new SettingsError([{ file: "", field: option, message, code: "WD313" }]);

/**
 * `--port=N` or `--port N` (else 8080), and `--lan`, which serves every network the machine is
 * on instead of this machine alone. Throws a SettingsError for an option it cannot use.
 */
export function readServeOptions(args: readonly string[]): ServeOptions {
  const { values } = readCommandOptions({ args: [...args], options: { port: { type: "string" }, lan: { type: "boolean" } } }, "--port=N or --lan");
  return { port: readPort(values.port), host: values.lan === true ? undefined : LOOPBACK_HOST };
}

function readPort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) throw badOption("--port", `got "${raw}" (expected a whole number from 1 to 65535)`);
  return port;
}

/** The warning `--lan` prints before anything is served. */
export const LAN_WARNING =
  "serve: WARNING: --lan serves drafts and embargoed stories to every machine that can reach this one " +
  "(everyone on the office, cafe or hotel network); leave it off to keep them on this machine";

/**
 * The part of @11ty/eleventy-dev-server (2.x) that decides where it listens: its `server` getter
 * makes the HTTP server, and `_serverListen(port)` listens on it, for the first port and each
 * next one it tries when a port is taken. It takes no address option, and listens on every
 * address; this is the one place that changes that.
 */
export interface DevServerListening {
  readonly server: Server;
  _serverListen: (port: number) => void;
}

/**
 * Makes the dev server listen on `host` only (every address when undefined). Throws when the
 * server no longer has the shape this relies on, rather than serve drafts to the network unasked.
 */
export function listenOn(devServer: DevServerListening, host: string | undefined): void {
  if (typeof devServer._serverListen !== "function") {
    throw new Error("the dev server's listen step was not found (@11ty/eleventy-dev-server changed): cannot keep it to this machine");
  }
  devServer._serverListen = (port: number): void => void devServer.server.listen({ port, host });
}

/** Non-loopback IPv4 addresses of this machine: where other machines reach it. */
export function networkAddresses(interfaces: NodeJS.Dict<import("node:os").NetworkInterfaceInfo[]>): string[] {
  return Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && entry.family === "IPv4")
    .map((entry) => entry.address);
}

/** The line that says where the server is, once it listens on `port`. */
export function startMessage(host: string | undefined, port: number, lanAddresses: readonly string[]): string {
  const local = `http://localhost:${port}/`;
  const where =
    host === LOOPBACK_HOST
      ? `${local} (this machine only`
      : `${[local, ...lanAddresses.map((address) => `http://${address}:${port}/`)].join(" or ")} (every network`;
  return `serve: ${where}; drafts and embargoed stories shown, marked; pages in ${DEV_SITE}/)`;
}
