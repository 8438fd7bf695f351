import { readSiteSettings } from "../src/lib/model/site.ts";

/**
 * The newsroom's settings. `url` is the address of a local build only: a deploy takes its own
 * from SITE_URL or, on Netlify, from the address Netlify gives the build (see src/lib/model/site.ts).
 */
export default readSiteSettings(
  {
    name: "Wire Desk",
    description: "World news from the wires, as the agencies file it.",
    language: "en",
    url: "http://localhost:8080/",
    pageSize: 20,
    feedSize: 20,
    maxStoryBytes: 1024 * 1024,
  },
  process.env,
);
