import { readSiteSettings } from "../src/lib/site.ts";

/** The newsroom's settings. SITE_URL, when set, replaces `url` (each deploy knows its own address). */
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
