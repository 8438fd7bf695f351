import { contentSecurityPolicy, IMMUTABLE_CACHING, IMMUTABLE_PATHS, PAGE_POLICY, SECURITY_HEADERS } from "../src/lib/security.ts";

/** The page's Content Security Policy and the host's response headers (see src/lib/security.ts). */
export default {
  contentSecurityPolicy: contentSecurityPolicy(PAGE_POLICY),
  headers: Object.entries(SECURITY_HEADERS).map(([name, value]) => ({ name, value })),
  immutablePaths: IMMUTABLE_PATHS,
  immutableCaching: IMMUTABLE_CACHING,
};
