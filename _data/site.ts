import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { StringsFolder } from "../src/lib/model/editions.ts";
import { readSiteSettings, type SiteSettings } from "../src/lib/model/site.ts";

/**
 * The newsroom's settings. `url` is the address of a local build only: a deploy takes its own
 * from SITE_URL or, on Netlify, from the address Netlify gives the build (see src/lib/model/site.ts).
 * Each edition prints the texts of its strings file, _data/strings/<lang>.json.
 */
const NAME = "Wire Desk";

/** The settings as written here; the build checks them with readSiteSettings, as the default export does. */
export const settings = {
  name: NAME,
  editions: [
    { lang: "en", dir: "ltr", name: "English", path: "" },
    { lang: "ru", dir: "ltr", name: "Русский", path: "ru/" },
  ],
  url: "http://localhost:8080/",
  pageSize: 20,
  feedSize: 20,
  maxStoryBytes: 1024 * 1024,
  /**
   * Each edition's front page, at its root: the lead and top stories, ranked by their `priority`
   * among the stories of the last `recentDays` days before the newest, then a section for each
   * topic listed under the edition's language, in this order, then the latest stories.
   */
  frontPage: {
    recentDays: 2,
    topStories: 4,
    topicStories: 4,
    latestStories: 10,
    topics: { en: ["Diplomacy", "Markets"], ru: ["Дипломатия", "КНДР"] },
  },
  /**
   * An agency's item that comes without a lead: "publish" it with no standfirst (its text's first
   * sentence describes it in search results and feeds), or "hold" it as a draft until an editor
   * writes one. An agency's entry may say otherwise for its own items: { name: "Reuters", withoutLead: "hold" }.
   */
  withoutLead: "publish",
  /**
   * The agencies whose datelines the importer knows by name ("NAIROBI, Dec 5 (Kyodo News) -"):
   * each a name and its other names and short forms. A story's source is written as listed here,
   * in the spelling its dateline used ("(ITAR-TASS)" gives Itar-Tass). Add an agency with a line.
   * An entry may give the rights of the agency's photos, carried by every photo whose credit names
   * the agency unless its story gives its own (see the editor's guide, "Photo rights"):
   * { name: "Reuters", photoRights: { copyright: "© Reuters", license: "https://…", licensePage: "https://…" } }.
   */
  agencies: [
    { name: "Associated Press", also: ["AP", "The Associated Press"] },
    { name: "Agence France-Presse", also: ["AFP"] },
    { name: "Reuters" },
    // ITAR-TASS has been TASS since 2014; the Russian edition writes it in Cyrillic.
    { name: "TASS", also: ["ТАСС", "Itar-Tass", "ИТАР-ТАСС"] },
    { name: "Xinhua", also: ["Xinhua News Agency"] },
    { name: "Kyodo News", also: ["Kyodo"] },
    { name: "Anadolu Agency", also: ["AA", "Anadolu"] },
    { name: "Press Trust of India", also: ["PTI"] },
    { name: "dpa", also: ["Deutsche Presse-Agentur"] },
    { name: "EFE", also: ["Agencia EFE"] },
    { name: "ANSA" },
    { name: "Yonhap", also: ["Yonhap News Agency"] },
    { name: "PA Media", also: ["PA"] },
    { name: "UPI", also: ["United Press International"] },
    { name: "Interfax", also: ["Интерфакс"] },
    { name: "RIA Novosti", also: ["РИА Новости"] },
    { name: NAME },
  ],
  /**
   * The authors whose names bylines (a story's `by`) spell more than one way: each spelling in
   * `also` is then the author `name`, with one page. Any other name is an author of its own, e.g.
   * { name: "Ann Smith", also: ["A. Smith"] }.
   */
  authors: [],
};

const STRINGS_DIR = fileURLToPath(new URL("strings/", import.meta.url));

/** Every edition strings file there is, read here: the settings' check reads no file itself. Problems name them from the project's folder. */
export function stringsFolder(): StringsFolder {
  const names = existsSync(STRINGS_DIR) ? readdirSync(STRINGS_DIR).filter((name) => name.endsWith(".json")) : [];
  return { dir: relative(process.cwd(), STRINGS_DIR), files: new Map(names.map((name) => [name, readFileSync(join(STRINGS_DIR, name), "utf8")])) };
}

/**
 * The settings, checked, with the address this environment gives. A function, as Eleventy allows
 * of a data file, so a process that prints no address (the importer) can read them with an empty
 * environment, as on a desk's machine, even on a CI runner that would refuse a build without SITE_URL.
 */
export default function site(env: Readonly<Record<string, string | undefined>> = process.env): SiteSettings {
  return readSiteSettings(settings, env, stringsFolder());
}
