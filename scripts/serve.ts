/**
 * The desk's dev server: builds the site with drafts and embargoed stories into .dev-site/ (never
 * _site/), serves it with live reload, rebuilds on every change, and prints the stories' problems
 * after each build; the pages show them too. A broken story never stops it.
 *
 *   npm start [-- --port=8081]   (default 8080; the next free port if that one is taken)
 *   npm start -- --lan           (other machines too: prints a warning, as drafts and embargoes go with it)
 *
 * It listens on 127.0.0.1 unless --lan says otherwise: drafts and embargoed stories stay on the desk's machine.
 */
import { rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { formatStoryProblems, STORY_REPORT_EVENT, type StoryReport } from "../src/lib/model/story-report.ts";
import {
  DEV_SITE,
  LAN_WARNING,
  listenOn,
  networkAddresses,
  readServeOptions,
  ServeOptionError,
  startMessage,
  type DevServerListening,
  type ServeOptions,
} from "../src/lib/eleventy/dev-server.ts";
import { settingsAreGood } from "../src/lib/eleventy/settings.ts";

/** The part of Eleventy's file watcher (chokidar) the server listens to. */
interface WatcherEvents {
  on(event: "unlink", listener: (path: string) => void): void;
}

/** The parts of Eleventy's serve step used here: its dev server, made before it listens. */
interface EleventyServing {
  eleventyServe: {
    initServerInstance(): Promise<void>;
    readonly server: DevServerListening & { ready(): Promise<void> };
  };
}

/** What the dev server adds to the project's config: the terminal report and the pages' panel (the start line is printed by serve()). */
function devServerConfig(config: UserConfig): void {
  let report: StoryReport | undefined;
  config.on("eleventy.before", () => void (report = undefined));
  config.on(STORY_REPORT_EVENT, (received: StoryReport) => void (report = received));
  config.on("eleventy.after", () => {
    // No report means Eleventy failed before the stories were read; it has said why.
    if (!report) return;
    const lines = formatStoryProblems(report);
    for (const line of lines) console.error(line);
    if (lines.length === 0) console.log("serve: no problems in the stories");
  });
  config.setServerOptions({ messageOnStart: () => false });
}

async function serve(): Promise<boolean> {
  let options: ServeOptions;
  try {
    options = readServeOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ServeOptionError)) throw error;
    console.error(`serve: ${error.message}`);
    return false;
  }
  // Set before the settings are read: _data/build.ts reads the mode once, as it loads, and
  // shows drafts and embargoed stories only in serve (or watch) mode.
  process.env["ELEVENTY_RUN_MODE"] = "serve";
  if (!(await settingsAreGood())) return false;
  // Start clean, so no page of a story deleted since the last session is served.
  rmSync(DEV_SITE, { recursive: true, force: true });
  const eleventy = new Eleventy("src", DEV_SITE, { configPath: ".eleventy.ts", runMode: "serve", quietMode: true, config: devServerConfig });
  await eleventy.init();
  try {
    // Eleventy 3.1 logs a deleted file but builds nothing, so a deleted story would stay on every
    // list: its watcher's own rebuild is run for deletions too (Eleventy 4 does this itself).
    const rebuild = (await eleventy.watch()) as (path: string) => Promise<void>;
    (eleventy as unknown as { watcher: WatcherEvents }).watcher.on("unlink", (path: string) => void rebuild(path));
  } catch (error) {
    // A first build that failed (a template error) was printed by Eleventy, which marks what it
    // printed; with no site there is nothing to serve. Anything else is a bug: its stack helps.
    if (!(error instanceof Error && "__errorAlreadyLogged" in error)) throw error;
    return false;
  }
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
