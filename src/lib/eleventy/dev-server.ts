/**
 * The dev server's own pieces: its port option and its output folder, which is never _site/ (the
 * folder that is deployed), because it holds drafts and embargoed stories.
 */
import { parseArgs } from "node:util";

/** Where the dev server writes its pages (ignored by git, never deployed). */
export const DEV_SITE = ".dev-site";

export const DEFAULT_PORT = 8080;

/** Thrown for a bad command line; the message is the one line to print. */
export class ServeOptionError extends Error {}

/** The port from `--port=N` or `--port N`, else the default. */
export function readServePort(args: readonly string[]): number {
  let raw: string | undefined;
  try {
    raw = parseArgs({ args: [...args], options: { port: { type: "string" } }, strict: true }).values.port;
  } catch (error) {
    throw new ServeOptionError(error instanceof Error ? error.message : String(error));
  }
  if (raw === undefined) return DEFAULT_PORT;
  const port = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) throw new ServeOptionError(`--port: got "${raw}" (expected a whole number from 1 to 65535)`);
  return port;
}
