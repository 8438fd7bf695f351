import { fileURLToPath } from "node:url";
import { readSiteSettings } from "../src/lib/model/site.ts";

/**
 * The newsroom's settings. `url` is the address of a local build only: a deploy takes its own
 * from SITE_URL or, on Netlify, from the address Netlify gives the build (see src/lib/model/site.ts).
 * Each edition prints the texts of its strings file, _data/strings/<lang>.json.
 */
export default readSiteSettings(
  {
    name: "Wire Desk",
    editions: [
      { lang: "en", dir: "ltr", name: "English", path: "" },
      { lang: "ru", dir: "ltr", name: "Русский", path: "ru/" },
    ],
    url: "http://localhost:8080/",
    pageSize: 20,
    feedSize: 20,
    maxStoryBytes: 1024 * 1024,
  },
  process.env,
  fileURLToPath(new URL("strings/", import.meta.url)),
);
