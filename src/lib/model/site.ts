import { z } from "zod";
import { AGENCY_EXPECTED, agencySchema, nameListProblems, withoutLeadSchema } from "./agencies.ts";
import { AUTHOR_EXPECTED, authorSchema } from "./authors.ts";
import { EDITION_FOLDER, SITE_FOLDERS } from "./urls.ts";
import { parseEditionStrings, TEXT_DIRECTIONS, type Edition, type StringsFolder } from "./editions.ts";

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;


const editionSchema = z.strictObject({
  lang: z.string().regex(LANGUAGE_TAG),
  dir: z.enum(TEXT_DIRECTIONS),
  name: z.string().trim().min(1),
  path: z.string().regex(new RegExp(`^(${EDITION_FOLDER})?$`)).refine((path) => !SITE_FOLDERS.includes(path)),
});

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
  agencies: "a list of agencies, each { name, also }",
  authors: "a list of authors, each { name, also }",
  withoutLead: '"hold" (an item without a lead waits as a draft for an editor to write one) or "publish" (it goes out with no standfirst)',
};

/**
 * Thrown for bad settings. Each line of the message stands alone: it names the setting, what it
 * got and what it expected, e.g. `SITE_URL: got "news.example.com" (expected a full address like https://news.example.com/)`.
 */
export class SiteSettingsError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** Where the site's address came from, named as a reader of the error would look for it. */
interface AddressSource {
  name: string;
  value: string;
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
 * settings' `url`. Throws the one line that says what to set.
 */
function siteAddressSource(configuredUrl: unknown, env: Env): AddressSource {
  const siteUrl = setting(env, "SITE_URL");
  if (siteUrl !== undefined) return { name: "SITE_URL", value: siteUrl };
  // Netlify first: its builds may set CI too.
  if (isOn(env, "NETLIFY")) {
    const context = setting(env, "CONTEXT") ?? "production";
    const variable = context === "production" ? "URL" : "DEPLOY_PRIME_URL";
    const value = setting(env, variable);
    if (value !== undefined) return { name: `${variable} (set by Netlify for ${context})`, value };
    throw new SiteSettingsError(
      `SITE_URL: not set, and Netlify set no ${variable} for this ${context} build (expected SITE_URL=https://<your site>/ so canonical links, feeds and sitemaps name the real address)`,
    );
  }
  const runner = CI_VARIABLES.find((name) => isOn(env, name));
  if (runner !== undefined) {
    throw new SiteSettingsError(
      `SITE_URL: not set, and this build runs on a CI runner (${runner} is set) (expected SITE_URL=https://<your site>/ so canonical links, feeds and sitemaps name the real address)`,
    );
  }
  return { name: "site.url (_data/site.ts)", value: typeof configuredUrl === "string" ? configuredUrl : String(configuredUrl) };
}

/** The address as the site's root folder URL (ending in "/"), or undefined when it is not one. */
function rootUrl(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  // A query or fragment cannot be the base of the site's links.
  if (!/^https?:$/.test(url.protocol) || url.hostname === "" || /[?#]/.test(value)) return undefined;
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The site's public root URL, path prefix included, for a build with this environment. */
function siteAddress(configuredUrl: unknown, env: Env): string {
  const source = siteAddressSource(configuredUrl, env);
  const url = rootUrl(source.value);
  if (url === undefined) throw new SiteSettingsError(badValue(source.name, source.value, EXPECTED.url));
  return url;
}

function badValue(name: string, got: unknown, expected: string): string {
  const shown = got === undefined ? "nothing" : JSON.stringify(got);
  return `${name}: got ${shown} (expected ${expected})`;
}

/** What each field of an edition takes. */
const EDITION_EXPECTED: Readonly<Record<string, string>> = {
  lang: 'a BCP 47 language tag such as "en" or "ru"',
  dir: "ltr, or rtl for a right-to-left language",
  name: 'the edition\'s name in its own language, e.g. "Русский"',
  path: `"" for the first edition, else a folder such as "ru/" (not ${SITE_FOLDERS.join(", ")})`,
};

/** The value at a path of the settings, for the line that names it. */
function valueAt(settings: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (typeof value === "object" && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), settings);
}

/** One standalone line for each bad setting other than the address. */
function settingProblems(issues: readonly z.core.$ZodIssue[], settings: Readonly<Record<string, unknown>>): string[] {
  const lines = issues.map(({ path }) => {
    // An edition's own field is named down to the field (site.editions.1.path), an agency or an author by its entry (site.agencies.3).
    const byEntry = (path[0] === "agencies" || path[0] === "authors") && path.length >= 2;
    const field = path[0] === "editions" && path.length >= 3 ? path.slice(0, 3) : byEntry ? path.slice(0, 2) : path.slice(0, 1);
    const expected =
      field.length === 3
        ? EDITION_EXPECTED[String(field[2])]
        : field.length === 2
          ? field[0] === "agencies" ? AGENCY_EXPECTED : AUTHOR_EXPECTED
          : EXPECTED[String(field[0]) as keyof typeof EXPECTED];
    return badValue(`site.${field.map(String).join(".")} (_data/site.ts)`, valueAt(settings, field), expected ?? "a valid value");
  });
  return [...new Set(lines)];
}

/** What only the editions together can break: the first at the root, the others each in a folder of its own, one per language. */
function editionProblems(editions: readonly z.infer<typeof editionSchema>[]): string[] {
  const problems: string[] = [];
  editions.forEach((edition, index) => {
    const name = `site.editions.${index}`;
    if (index === 0 && edition.path !== "") problems.push(badValue(`${name}.path (_data/site.ts)`, edition.path, '"" for the first edition: the default edition is the site\'s root'));
    if (index > 0 && edition.path === "") problems.push(badValue(`${name}.path (_data/site.ts)`, edition.path, `a folder of its own such as "${edition.lang.toLowerCase()}/": only the first edition is at the root`));
    const earlier = editions.slice(0, index);
    if (earlier.some((other) => other.lang.toLowerCase() === edition.lang.toLowerCase())) problems.push(badValue(`${name}.lang (_data/site.ts)`, edition.lang, "one edition per language"));
    if (index > 0 && earlier.some((other) => other.path === edition.path)) problems.push(badValue(`${name}.path (_data/site.ts)`, edition.path, "a folder no other edition has"));
  });
  return problems;
}

/**
 * The newsroom's settings with the address this build is for (see siteAddressSource) and each
 * edition's strings from `strings` (<lang>.json). Throws a SiteSettingsError listing every bad
 * setting and string, one line each.
 */
export function readSiteSettings(settings: Readonly<Record<string, unknown>>, env: Env, strings: StringsFolder): SiteSettings {
  const parsed = siteSettingsSchema.safeParse(settings);
  const problems = parsed.success
    ? [
        ...editionProblems(parsed.data.editions),
        ...nameListProblems(parsed.data.agencies, (index) => `site.agencies.${index} (_data/site.ts)`, "agency"),
        ...nameListProblems(parsed.data.authors, (index) => `site.authors.${index} (_data/site.ts)`, "author"),
      ]
    : settingProblems(parsed.error.issues, settings);
  const editions: Edition[] = [];
  for (const edition of parsed.success ? parsed.data.editions : []) {
    const read = parseEditionStrings(strings, edition.lang);
    if (read.ok) editions.push({ ...edition, strings: read.strings });
    else problems.push(...read.problems);
  }
  let url: string | undefined;
  try {
    url = siteAddress(settings["url"], env);
  } catch (error) {
    if (!(error instanceof SiteSettingsError)) throw error;
    problems.push(error.message);
  }
  if (!parsed.success || url === undefined || problems.length > 0) throw new SiteSettingsError(problems.join("\n"));
  return { ...parsed.data, url, editions, language: editions[0]!.lang };
}
