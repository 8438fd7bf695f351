import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { SITE_DIR, startStaticServer, type Host, type OpenSite } from "../../scripts/lib/static-server.ts";

export { SITE_DIR };

/** How a test run reaches the site: served as a static host would serve it, or from disk. */
export type SiteMount = { kind: "http"; host: Host } | { kind: "file" };

/** Makes the built site reachable the way `mount` says. */
export async function openSite(mount: SiteMount): Promise<OpenSite> {
  const built = await stat(resolve(SITE_DIR, "index.html")).catch(() => undefined);
  if (!built?.isFile()) throw new Error("No built site in _site/: run npm run build first");
  if (mount.kind === "http") return startStaticServer(SITE_DIR, mount.host);
  return { base: pathToFileURL(SITE_DIR).href, close: async () => {} };
}
