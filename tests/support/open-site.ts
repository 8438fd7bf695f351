import { pathToFileURL } from "node:url";
import { startStaticServer, type Host, type OpenSite } from "../../src/lib/hosts/static-server.ts";
import { TEST_SITE_DIR } from "./test-site.ts";

/** How a test run reaches the site: served as a static host would serve it, or from disk. */
export type SiteMount = { kind: "http"; host: Host } | { kind: "file" };

/** Makes the test site (built by the browser tests' global setup, or the build in `dir`) reachable the way `mount` says. */
export async function openSite(mount: SiteMount, dir = TEST_SITE_DIR): Promise<OpenSite> {
  if (mount.kind === "http") return startStaticServer(dir, mount.host);
  return { base: pathToFileURL(`${dir}/`).href, close: async () => {} };
}
