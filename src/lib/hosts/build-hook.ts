/**
 * Netlify's schedule: Netlify rebuilds only when asked, so embargoed stories would wait for the
 * next push. A scheduled function (netlify/functions/scheduled-build.mts) calls this every 15
 * minutes: it POSTs to the site's build hook, whose URL the deployer puts in BUILD_HOOK_URL. The
 * hook's URL lets anyone start builds, so it is never printed whole: only its host.
 */

/** The environment variable holding the build hook's URL. */
const BUILD_HOOK_VARIABLE = "BUILD_HOOK_URL";

/** The deploy's title in Netlify's list, so a scheduled rebuild is told from a push. */
const TRIGGER_TITLE = "Scheduled rebuild (embargoes, news sitemap)";

/** A hook that does not answer in this long is reported, well within a scheduled function's 30 s. */
const HOOK_TIMEOUT_MS = 10_000;

export type BuildRequest =
  | { outcome: "requested"; status: number }
  | { outcome: "not configured" }
  | { outcome: "refused"; reason: string }
  | { outcome: "failed"; reason: string };

export interface BuildHookOptions {
  /** The environment (process.env). */
  env: Readonly<Record<string, string | undefined>>;
  fetch?: typeof globalThis.fetch;
  log?: Pick<Console, "log" | "error">;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The hook's URL, or why it cannot be used: https only (plain http to this machine alone, for tests). */
function hookUrl(raw: string): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `${BUILD_HOOK_VARIABLE} is not a URL (expected the build hook's URL, https://api.netlify.com/build_hooks/<hook id>)`;
  }
  if (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) return url;
  return `${BUILD_HOOK_VARIABLE} is a ${url.protocol} URL (expected https://api.netlify.com/build_hooks/<hook id>)`;
}

/** Asks the build hook for a build, and says in one line what happened; never throws. */
export async function requestScheduledBuild({ env, fetch = globalThis.fetch, log = console }: BuildHookOptions): Promise<BuildRequest> {
  const raw = env[BUILD_HOOK_VARIABLE]?.trim() ?? "";
  if (raw === "") {
    log.error(
      `scheduled-build: ${BUILD_HOOK_VARIABLE} is not set, so no build was started and embargoed stories wait for the next push ` +
        `(create a build hook under Project configuration -> Build & deploy -> Build hooks, and set ${BUILD_HOOK_VARIABLE} to its URL)`,
    );
    return { outcome: "not configured" };
  }
  const url = hookUrl(raw);
  if (typeof url === "string") {
    log.error(`scheduled-build: ${url}; no build was started`);
    return { outcome: "refused", reason: url };
  }
  url.searchParams.set("trigger_title", TRIGGER_TITLE);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      redirect: "error",
      signal: AbortSignal.timeout(HOOK_TIMEOUT_MS),
    });
    // Read, so the connection is released; a failure's first words say why.
    const text = (await response.text()).trim().slice(0, 200);
    if (response.ok) {
      log.log(`scheduled-build: build requested from the build hook at ${url.host} (HTTP ${response.status})`);
      return { outcome: "requested", status: response.status };
    }
    const reason = `the build hook at ${url.host} answered HTTP ${response.status}${text === "" ? "" : `: ${text}`}`;
    log.error(`scheduled-build: ${reason}; no build was started (is ${BUILD_HOOK_VARIABLE} the URL of a hook that still exists?)`);
    return { outcome: "failed", reason };
  } catch (error) {
    const reason = `the build hook at ${url.host} could not be reached: ${error instanceof Error ? error.message : String(error)}`;
    log.error(`scheduled-build: ${reason}; the next run tries again`);
    return { outcome: "failed", reason };
  }
}
