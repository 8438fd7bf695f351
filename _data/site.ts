import { fileURLToPath } from "node:url";
import { readSiteSettings, type SiteSettings } from "../src/lib/model/site.ts";

/**
 * The newsroom's settings. `url` is the address of a local build only: a deploy takes its own
 * from SITE_URL or, on Netlify, from the address Netlify gives the build (see src/lib/model/site.ts).
 * Each edition prints the texts of its strings file, _data/strings/<lang>.json.
 */
const settings = {
  name: "Wire Desk",
  editions: [
    { lang: "en", dir: "ltr", name: "English", path: "" },
    { lang: "ru", dir: "ltr", name: "Русский", path: "ru/" },
  ],
  url: "http://localhost:8080/",
  pageSize: 20,
  feedSize: 20,
  maxStoryBytes: 1024 * 1024,
};

/**
 * The settings, checked, with the address this environment gives. A function, as Eleventy allows
 * of a data file, so a process that prints no address (the importer) can read them with an empty
 * environment, as on a desk's machine, even on a CI runner that would refuse a build without SITE_URL.
 */
export default function site(env: Readonly<Record<string, string | undefined>> = process.env): SiteSettings {
  return readSiteSettings(settings, env, fileURLToPath(new URL("strings/", import.meta.url)));
}
