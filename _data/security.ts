import { contentSecurityPolicy, IMMUTABLE_CACHING, IMMUTABLE_PATHS, pagePolicy, SECURITY_HEADERS } from "../src/lib/outputs/security.ts";
import build from "./build.ts";

/** The page's Content Security Policy and the host's response headers (see src/lib/outputs/security.ts). */
export default {
  // The dev server's pages also let its live-reload script in; a build's pages never do.
  contentSecurityPolicy: contentSecurityPolicy(pagePolicy(build)),
  headers: Object.entries(SECURITY_HEADERS).map(([name, value]) => ({ name, value })),
  immutablePaths: IMMUTABLE_PATHS,
  immutableCaching: IMMUTABLE_CACHING,
};
