/**
 * The desk's dev server: builds the site with drafts and embargoed stories into .dev-site/ (never
 * _site/), serves it with live reload, rebuilds on every change, and prints the stories' problems
 * after each build; the pages show them too. A broken story never stops it. Its first build says
 * how far it is, as `npm run build` does (see src/lib/build/dev-build.ts).
 *
 *   npm start [-- --port=8081]   (default 8080; the next free port if that one is taken)
 *   npm start -- --lan           (other machines too: prints a warning, as drafts and embargoes go with it)
 *
 * It listens on 127.0.0.1 unless --lan says otherwise: drafts and embargoed stories stay on the desk's machine.
 */
import { existsSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { BuildSession } from "../src/lib/build/build.ts";
import type { LogLine } from "../src/lib/build/build-log.ts";
import { devBuild } from "../src/lib/build/dev-build.ts";
import { formatProblem } from "../src/lib/model/problems.ts";
import { SettingsError } from "../src/lib/model/settings-error.ts";
import {
  DEV_SITE,
  LAN_WARNING,
  listenOn,
  networkAddresses,
  readServeOptions,
  startMessage,
  type DevServerListening,
  type ServeOptions,
} from "../src/lib/eleventy/dev-server.ts";

/** What a rebuild follows: the stories, the page templates and the site's files, the layouts and partials, and the settings. */
const WATCHED = ["src/", "_includes/", "_data/"];

/** The parts of Eleventy's file watcher (chokidar) the server uses. */
interface Watcher {
  on(event: "unlink", listener: (path: string) => void): void;
  /** The folders watched, by absolute path, each with the names in it. */
  getWatched(): Record<string, string[]>;
}

/** How long a saved file's size must hold before it is read. */
const WRITE_SETTLED_MS = 50;

/** Longer than this, the server says a change may go unseen rather than wait on. */
const WATCHER_START_MS = 30_000;

/**
 * Waits until the watcher watches every folder of WATCHED. Eleventy's watch() resolves on
 * chokidar's "ready" while the folders behind its globs are still being added, a few seconds
 * later on a busy machine: a story saved in between was never rebuilt, so the server says where it
 * serves only after this.
 */
async function watchingEveryFolder(watcher: Watcher): Promise<void> {
  const folders = WATCHED.map((folder) => resolve(folder)).filter((folder) => existsSync(folder));
  const deadline = Date.now() + WATCHER_START_MS;
  while (!folders.every((folder) => folder in watcher.getWatched())) {
    if (Date.now() > deadline) {
      console.warn(`serve: the file watcher is not watching ${WATCHED.join(", ")} after ${WATCHER_START_MS / 1000} s: a change may need saving again`);
      return;
    }
    await sleep(50);
  }
}

/** The parts of Eleventy's serve step used here: its dev server, made before it listens. */
interface EleventyServing {
  eleventyServe: {
    initServerInstance(): Promise<void>;
    readonly server: DevServerListening & { ready(): Promise<void> };
  };
}

/** One build of the dev server's site, told in the terminal; the first with its progress. Resolves to whether it built. */
function rebuild(session: BuildSession, first = false): Promise<boolean> {
  return devBuild(".", session, {
    first,
    terminal: process.stdout.isTTY === true,
    write: (text) => void process.stdout.write(text),
    print: ({ text, problem }: LogLine) => (problem ? console.error(text) : console.log(text)),
  });
}

/**
 * Eleventy's watch and serve steps alone: it renders nothing itself (no template formats), and
 * before each of its rebuilds, which then live-reload the pages, the build runs.
 */
function watchOnly(session: BuildSession) {
  return (config: UserConfig): void => {
    config.setTemplateFormats([]);
    for (const target of WATCHED) config.addWatchTarget(target);
    // A saved file is taken once its size has held for 50 ms, not Eleventy's 150: a third of the
    // wait after each save. A file still being written when read is read again once its stamp
    // changes (src/lib/story/story-source.ts), so a slow save costs a rebuild, never a stale page.
    config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: WRITE_SETTLED_MS, pollInterval: 10 } });
    config.on("eleventy.beforeWatch", () => rebuild(session));
    // The start line is printed by serve(), told from the bound socket.
    config.setServerOptions({ messageOnStart: () => false });
  };
}

async function serve(): Promise<boolean> {
  let options: ServeOptions;
  try {
    options = readServeOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    for (const problem of error.problems) console.error(`serve: ${formatProblem(problem)}`);
    // As every command that could not start on its command line.
    process.exit(2);
  }
  // Start clean, so no page of a story deleted since the last session is served.
  rmSync(DEV_SITE, { recursive: true, force: true });
  const session = new BuildSession(true);
  // With no first site (bad settings, a template error) there is nothing to serve.
  if (!(await rebuild(session, true))) return false;
  const eleventy = new Eleventy("src", DEV_SITE, { configPath: false as unknown as string, runMode: "serve", quietMode: true, config: watchOnly(session) });
  await eleventy.init();
  // Eleventy 3.1 logs a deleted file but builds nothing, so a deleted story would stay on every
  // list: its watcher's own rebuild is run for deletions too (Eleventy 4 does this itself).
  const rebuildOnDelete = (await eleventy.watch()) as (path: string) => Promise<void>;
  const { watcher } = eleventy as unknown as { watcher: Watcher };
  watcher.on("unlink", (path: string) => void rebuildOnDelete(path));
  await watchingEveryFolder(watcher);
  const serving = (eleventy as unknown as EleventyServing).eleventyServe;
  await serving.initServerInstance();
  const devServer = serving.server;
  listenOn(devServer, options.host);
  if (options.host === undefined) console.warn(LAN_WARNING);
  await eleventy.serve(options.port);
  await devServer.ready();
  const bound = devServer.server.address() as AddressInfo;
  if (options.host !== undefined && bound.address !== options.host) {
    console.error(`serve: listening on ${bound.address}, not ${options.host} alone: stopped, so no draft or embargoed story reaches the network`);
    await eleventy.stopWatch();
    return false;
  }
  // Said from the socket itself, so the line can never claim "this machine only" wrongly.
  console.log(startMessage(options.host === undefined ? undefined : bound.address, bound.port, networkAddresses(networkInterfaces())));
  const stop = async (): Promise<void> => {
    await eleventy.stopWatch();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  return true;
}

if (!(await serve())) {
  console.error("serve: not started.");
  process.exitCode = 1;
}
