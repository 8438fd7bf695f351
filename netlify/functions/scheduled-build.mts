/**
 * Netlify's schedule: every 15 minutes, ask the site's build hook for a build, so embargoed
 * stories go live and the news sitemap's window moves on (see src/lib/hosts/build-hook.ts).
 * Netlify runs scheduled functions on the published (production) deploy only.
 */
import { requestScheduledBuild } from "../../src/lib/hosts/build-hook.ts";

export default async (): Promise<void> => {
  await requestScheduledBuild({ env: process.env });
};

export const config = { schedule: "*/15 * * * *" };
