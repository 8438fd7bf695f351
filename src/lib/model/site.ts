import { z } from "zod";
import { zodProblems, type Problem } from "./problems.ts";
import { SettingsError } from "./settings-error.ts";
import { AGENCY_EXPECTED, agencySchema, nameListProblems, PHOTO_RIGHTS_EXPECTED, withoutLeadSchema } from "./agencies.ts";
import { AUTHOR_EXPECTED, authorSchema } from "./authors.ts";
import { EDITION_FOLDER, isWebAddress, SITE_FOLDERS } from "./urls.ts";
import { parseEditionStrings, TEXT_DIRECTIONS, type Edition, type StringsFolder } from "./editions.ts";

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;


const editionSchema = z.strictObject({
  lang: z.string().regex(LANGUAGE_TAG),
  dir: z.enum(TEXT_DIRECTIONS),
  name: z.string().trim().min(1),
  path: z.string().regex(new RegExp(`^(${EDITION_FOLDER})?$`)).refine((path) => !SITE_FOLDERS.includes(path)),
});

/** A topic's name as the front page's settings name it: as stories' `tags` write it. */
const topicName = z.string().trim().min(1).max(60);

/**
 * What each edition's front page shows (see src/lib/newsroom/front-page.ts): a lead and top
 * stories chosen among the recent ones by priority, a section per topic named here, and the latest.
 */
const frontPageSchema = z.strictObject({
  /** How far back from the newest story a story counts as recent, and may lead or be a top story by its priority. */
  recentDays: z.number().int().min(1).max(30).default(2),
  /** Top stories under the lead. */
  topStories: z.number().int().min(0).max(20).default(4),
  /** Stories in each topic's section. */
  topicStories: z.number().int().min(1).max(10).default(4),
  /** Stories in the latest news at the page's foot. */
  latestStories: z.number().int().min(1).max(50).default(10),
  /** Each edition's sections, in order, by the edition's language tag: { en: ["Markets", "Diplomacy"], ru: ["Рынки"] }. */
  topics: z.record(z.string(), z.array(topicName).max(20)).default({}),
});

export type FrontPageSettings = z.infer<typeof frontPageSchema>;

/** The newsroom's settings (in `_data/site.ts`) apart from the address, checked before a page is built. */
const siteSettingsSchema = z.object({
  name: z.string().trim().min(1),
  /** The editions, the default (at the site's root) first. */
  editions: z.array(editionSchema).min(1),
  /** Stories per All news page. */
  pageSize: z.number().int().min(1).max(500),
  /** Stories in each feed. */
  feedSize: z.number().int().min(1).max(1000),
  /** The largest story file a build reads, in bytes: a bigger one is a wire import gone wrong. */
  maxStoryBytes: z.number().int().min(1024),
  /** The agencies whose datelines the importer recognises by name (see agencies.ts); none when not set. */
  agencies: z.array(agencySchema).default([]),
  /** What the importer does with an item that has no lead, unless its agency's entry says otherwise; hold when not set. */
  withoutLead: withoutLeadSchema.default("hold"),
  /** The authors whose names bylines spell more than one way (see authors.ts); every other name is an author of its own. */
  authors: z.array(authorSchema).default([]),
  /** Each edition's front page; every part has a default. */
  frontPage: frontPageSchema.default(frontPageSchema.parse({})),
});

export type SiteSettings = Omit<z.infer<typeof siteSettingsSchema>, "editions"> & {
  /** The public URL of the site's root folder, path prefix included, ending in "/" (see siteAddress). */
  url: string;
  /** The editions with their strings, the default first. */
  editions: Edition[];
  /** The default edition's language. */
  language: string;
};

/** What each setting takes, for the one line that refuses a bad value. */
const EXPECTED: Readonly<Record<Exclude<keyof SiteSettings, "language">, string>> = {
  name: "the newsroom's name, not empty",
  editions: "a list of editions, the default first, each with lang, dir, name and path",
  url: "a full address like https://news.example.com/",
  pageSize: "a whole number from 1 to 500",
  feedSize: "a whole number from 1 to 1000",
  maxStoryBytes: "a whole number of bytes, at least 1024",
  agencies: "a list of agencies, each { name, also }, and optionally withoutLead and photoRights",
  authors: "a list of authors, each { name, also }",
  frontPage:
    "{ recentDays (1 to 30), topStories (0 to 20), topicStories (1 to 10), latestStories (1 to 50), topics: { <edition's language tag>: [topic names, at most 20] } }, each optional",
  withoutLead: '"hold" (an item without a lead waits as a draft for an editor to write one) or "publish" (it goes out with no standfirst)',
};

/** Where the settings are written, as their problems name it. */
export const SETTINGS_FILE = "_data/site.ts";

type Env = Readonly<Record<string, string | undefined>>;

/** Where the site's address came from: a variable (file "") or the settings' `url`, and who set it when not the desk. */
interface AddressSource {
  file: string;
  field: string;
  value: string;
  setBy?: string;
}

/** Variables that CI runners set (Netlify, which sets NETLIFY, gives its own address); a build that sees one is not on a desk's machine. */
const CI_VARIABLES = ["CI", "GITHUB_ACTIONS"] as const;

const setting = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined;

/** A variable that says "yes": set, not empty and not "false". */
const isOn = (env: Env, name: string): boolean => {
  const value = setting(env, name);
  return value !== undefined && value.toLowerCase() !== "false";
};

/**
 * Where the site's address comes from, in order: SITE_URL; on Netlify, the address Netlify gives
 * the build (URL for production, DEPLOY_PRIME_URL for deploy previews and branch deploys); on
 * any other CI runner or host, nowhere (a refusal, so no deploy names localhost); locally, the
 * settings' `url`; else the problem that says what to set.
 */
function siteAddressSource(configuredUrl: unknown, env: Env): AddressSource | Problem {
  const siteUrl = setting(env, "SITE_URL");
  if (siteUrl !== undefined) return { file: "", field: "SITE_URL", value: siteUrl };
  // Netlify first: its builds may set CI too.
  if (isOn(env, "NETLIFY")) {
    const context = setting(env, "CONTEXT") ?? "production";
    const variable = context === "production" ? "URL" : "DEPLOY_PRIME_URL";
    const value = setting(env, variable);
    if (value !== undefined) return { file: "", field: variable, value, setBy: `set by Netlify for ${context}` };
    return notSet(`Netlify set no ${variable} for this ${context} build`);
  }
  const runner = CI_VARIABLES.find((name) => isOn(env, name));
  if (runner !== undefined) return notSet(`this build runs on a CI runner (${runner} is set)`);
  return { file: SETTINGS_FILE, field: "url", value: typeof configuredUrl === "string" ? configuredUrl : String(configuredUrl) };
}

const notSet = (why: string): Problem => ({
  file: "",
  field: "SITE_URL",
  message: `not set, and ${why} (expected SITE_URL=https://<your site>/ so canonical links, feeds and sitemaps name the real address)`,
  code: "WD300",
});

/** The address as the site's root folder URL (ending in "/"), or undefined when it is not one. */
function rootUrl(value: string): string | undefined {
  // A query or fragment cannot be the base of the site's links.
  if (!isWebAddress(value) || /[?#]/.test(value)) return undefined;
  const url = new URL(value);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The site's public root URL, path prefix included, for a build with this environment; or why there is none. */
function siteAddress(configuredUrl: unknown, env: Env): { url: string } | { problem: Problem } {
  const source = siteAddressSource(configuredUrl, env);
  if ("code" in source) return { problem: source };
  const url = rootUrl(source.value);
  if (url !== undefined) return { url };
  const { file, field, value, setBy } = source;
  const message = `${badValue(value, EXPECTED.url)}${setBy ? `; ${setBy}` : ""}`;
  return { problem: { file, field, message, code: "WD301" } };
}

/** `got "news/" (expected …)`: what a setting got, and what it expected. */
function badValue(got: unknown, expected: string): string {
  const shown = got === undefined ? "nothing" : JSON.stringify(got);
  return `got ${shown} (expected ${expected})`;
}

/** What each field of an edition takes. */
const EDITION_EXPECTED: Readonly<Record<string, string>> = {
  lang: 'a BCP 47 language tag such as "en" or "ru"',
  dir: "ltr, or rtl for a right-to-left language",
  name: 'the edition\'s name in its own language, e.g. "Русский"',
  path: `"" for the first edition, else a folder such as "ru/" (not ${SITE_FOLDERS.join(", ")})`,
};

/** What an issue's setting expects: an edition's own field by the field, an agency by its entry, the rest by the setting. */
function expectedAt(path: readonly PropertyKey[]): string {
  const expected =
    path[0] === "editions" && path.length >= 3
      ? EDITION_EXPECTED[String(path[2])]
      : path[0] === "agencies" && path[2] === "photoRights"
        ? PHOTO_RIGHTS_EXPECTED
        : path[0] === "agencies" && path.length >= 2
          ? AGENCY_EXPECTED
          : path[0] === "authors" && path.length >= 2
            ? AUTHOR_EXPECTED
            : EXPECTED[String(path[0]) as keyof typeof EXPECTED];
  return expected ?? "a valid value";
}

/** Every bad setting but the address, each field once, worded with what it got and what it expected. */
function checkedSettings(settings: Readonly<Record<string, unknown>>): { data: z.infer<typeof siteSettingsSchema> } | { problems: Problem[] } {
  const parsed = siteSettingsSchema.safeParse(settings, { error: (issue) => badValue(issue.input, expectedAt(issue.path ?? [])) });
  if (parsed.success) return { data: parsed.data };
  const seen = new Set<string>();
  const problems = zodProblems(parsed.error.issues, settings, [], { missing: "WD302", wrong: "WD303" });
  return { problems: problems.flatMap((problem) => (seen.has(problem.field) ? [] : (seen.add(problem.field), [{ file: SETTINGS_FILE, ...problem }]))) };
}

/** What only the editions together can break: the first at the root, the others each in a folder of its own, one per language. */
function editionProblems(editions: readonly z.infer<typeof editionSchema>[]): Problem[] {
  const problems: Problem[] = [];
  editions.forEach((edition, index) => {
    const clash = (key: "path" | "lang", expected: string) =>
      problems.push({ file: SETTINGS_FILE, field: `editions.${index}.${key}`, message: badValue(edition[key], expected), code: "WD304" });
    if (index === 0 && edition.path !== "") clash("path", '"" for the first edition: the default edition is the site\'s root');
    if (index > 0 && edition.path === "") clash("path", `a folder of its own such as "${edition.lang.toLowerCase()}/": only the first edition is at the root`);
    const earlier = editions.slice(0, index);
    if (earlier.some((other) => other.lang.toLowerCase() === edition.lang.toLowerCase())) clash("lang", "one edition per language");
    if (index > 0 && earlier.some((other) => other.path === edition.path)) clash("path", "a folder no other edition has");
  });
  return problems;
}

/** Front-page sections named for an edition the site does not have: they would never be shown. */
function frontPageProblems(frontPage: FrontPageSettings, editions: readonly z.infer<typeof editionSchema>[]): Problem[] {
  const langs = editions.map(({ lang }) => lang);
  return Object.keys(frontPage.topics)
    .filter((lang) => !langs.includes(lang))
    .map((lang) => ({
      file: SETTINGS_FILE,
      field: `frontPage.topics.${lang}`,
      message: badValue(frontPage.topics[lang], `topics under an edition's language tag: ${langs.join(", ")}`),
      code: "WD303",
    }));
}

/**
 * The newsroom's settings with the address this build is for (see siteAddressSource) and each
 * edition's strings from `strings` (<lang>.json). Throws a SettingsError with every problem of
 * the settings and the strings.
 */
export function readSiteSettings(settings: Readonly<Record<string, unknown>>, env: Env, strings: StringsFolder): SiteSettings {
  const parsed = checkedSettings(settings);
  const problems =
    "data" in parsed
      ? [
          ...editionProblems(parsed.data.editions),
          ...frontPageProblems(parsed.data.frontPage, parsed.data.editions),
          ...nameListProblems(parsed.data.agencies, { file: SETTINGS_FILE, list: "agencies", kind: "agency", code: "WD305" }),
          ...nameListProblems(parsed.data.authors, { file: SETTINGS_FILE, list: "authors", kind: "author", code: "WD314" }),
        ]
      : parsed.problems;
  const editions: Edition[] = [];
  for (const edition of "data" in parsed ? parsed.data.editions : []) {
    const read = parseEditionStrings(strings, edition.lang);
    if (read.ok) editions.push({ ...edition, strings: read.strings });
    else problems.push(...read.problems);
  }
  const address = siteAddress(settings["url"], env);
  if ("problem" in address) problems.push(address.problem);
  if (!("data" in parsed) || "problem" in address || problems.length > 0) throw new SettingsError(problems);
  return { ...parsed.data, url: address.url, editions, language: editions[0]!.lang };
}
