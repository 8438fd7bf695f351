/**
 * The build's first stage: the project's settings, read once and passed down to every later stage.
 * The newsroom's settings come from its _data/site.ts (the object it exports), checked here with
 * the running code's rules; the rest are made from the environment and the project's files.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { deployTarget, type DeployTarget } from "../hosts/host-limits.ts";
import { hashedPath } from "../media/assets.ts";
import { readMediaHost, type MediaHost } from "../model/media.ts";
import { readBuildSettings, type BuildSettings } from "../model/publishing.ts";
import { SettingsError, settled, settledLoad } from "../model/settings-error.ts";
import type { StringsFolder } from "../model/editions.ts";
import { readSiteSettings, SETTINGS_FILE, type SiteSettings } from "../model/site.ts";
import { notFoundRules, type NotFoundRule } from "../hosts/netlify-redirects.ts";
import { contentSecurityPolicy, IMMUTABLE_CACHING, IMMUTABLE_PATHS, pagePolicy, policyRules, SEARCH_PAGE_POLICY, SECURITY_HEADERS, withMediaHost, type PolicyRule } from "../outputs/security.ts";
import { searchUrl, SITE_FOLDERS } from "../model/urls.ts";
import type { DatelinePlaces } from "../story/dateline.ts";
import { loadSettingsModule } from "../eleventy/settings.ts";
import { DATELINE_PLACES_FILE, readDatelinePlaces } from "../story/dateline-places.ts";

type Env = Readonly<Record<string, string | undefined>>;

/** The site's own files, published under their contents' hash so hosts may cache them for good. */
export const SITE_FILES = {
  stylesheet: "src/assets/site.css",
  favicon: "src/assets/favicon.svg",
  // The search page's scripts, the only scripts the site runs: the engine's browser build, the word rules it shares with the build, the page's own.
  searchEngine: "node_modules/minisearch/dist/umd/index.js",
  searchWords: "src/assets/search-words.js",
  searchScript: "src/assets/search.js",
} as const;

/** Each site file's name as published, under assets/ with its contents' hash. */
const PUBLISHED_NAMES: Record<keyof typeof SITE_FILES, string> = {
  stylesheet: "assets/site.css",
  favicon: "assets/favicon.svg",
  searchEngine: "assets/minisearch.js",
  searchWords: "assets/search-words.js",
  searchScript: "assets/search.js",
};

/** The page policy and the host's response headers, as headers.njk and base.njk print them. */
export interface SecurityData {
  contentSecurityPolicy: string;
  /** The search page's policy: the same, with the site's own scripts and its own form let in. */
  searchPagePolicy: string;
  headers: { name: string; value: string }[];
  /** The Content Security Policy header by path: the search folders' own, the pages' everywhere else. */
  policyRules: PolicyRule[];
  immutablePaths: readonly string[];
  immutableCaching: string;
}

/** What every template is given besides the newsroom: the settings as pages print them. */
interface PageGlobals {
  site: SiteSettings;
  build: BuildSettings;
  /** Site-root URLs of the stylesheet and icon, under their hashed names. */
  assets: Record<keyof typeof SITE_FILES, string>;
  security: SecurityData;
  /** What the build tells hosts: Netlify's _redirects (src/redirects.njk). */
  hosts: { notFoundRules: NotFoundRule[] };
}

export interface ProjectSettings {
  site: SiteSettings;
  build: BuildSettings;
  /** The host the site is built for (DEPLOY_HOST, or the host's own build runner), whose limits it is measured against. */
  deploy: DeployTarget;
  /** Where the photos are published when not beside the pages (MEDIA_URL); a dev build always keeps them beside its pages. */
  media: MediaHost | undefined;
  datelinePlaces: DatelinePlaces;
  globals: PageGlobals;
}

/** What the project's _data/site.ts exports for the build. */
interface SettingsModule {
  settings: Readonly<Record<string, unknown>>;
  stringsFolder: () => StringsFolder;
}

/** The dev server's pages also let its live-reload script in; a build's pages never do. Images may come from the media host, if photos are published there. */
function securityData(build: Pick<BuildSettings, "showUnpublished">, editionPaths: readonly string[], media?: MediaHost): SecurityData {
  return {
    contentSecurityPolicy: contentSecurityPolicy(withMediaHost(pagePolicy(build), media?.url)),
    searchPagePolicy: contentSecurityPolicy(withMediaHost(SEARCH_PAGE_POLICY, media?.url)),
    headers: Object.entries(SECURITY_HEADERS).map(([name, value]) => ({ name, value })),
    policyRules: policyRules(editionPaths, SITE_FOLDERS, searchUrl("").slice(1), media?.url),
    immutablePaths: IMMUTABLE_PATHS,
    immutableCaching: IMMUTABLE_CACHING,
  };
}

/**
 * Reads the project's settings: the site's (its _data/site.ts, with `env`'s address), the build's
 * (the moment from `env`, drafts shown or not as the caller says), the dateline places, and the
 * hashed names of the site's own files, and where the photos are published (`localMedia` keeps
 * them beside the pages whatever MEDIA_URL says). Throws a SettingsError with every problem of the
 * site's settings and the build's.
 */
export async function readSettings(project: string, env: Env, showUnpublished: boolean, { localMedia = false }: { localMedia?: boolean } = {}): Promise<ProjectSettings> {
  const url = pathToFileURL(join(project, SETTINGS_FILE));
  // Imported afresh whenever the file changed, so the dev server's next rebuild sees an edit. The
  // query is named as Eleventy's own: its import hook (in the dev server's process) leaves such a
  // URL alone, and replaces any other query of a file it saw change with the time it saw it, which
  // it may not have updated yet, giving the last edit's module.
  const settingsModule = await settledLoad(
    loadSettingsModule(() => import(`${url.href}?_cache_bust=${statSync(url).mtimeMs}`) as Promise<SettingsModule>, url, SETTINGS_FILE),
  );
  // All read before any refuses, so one run names every bad setting.
  const site = settingsModule.ok ? settled(() => readSiteSettings(settingsModule.value.settings, env, settingsModule.value.stringsFolder())) : settingsModule;
  const moment = settled(() => readBuildSettings(env));
  const places = settled(() => readDatelinePlaces(readFileSync(join(project, DATELINE_PLACES_FILE), "utf8")));
  // The dev server serves its photos itself: the media host has only what deploys uploaded.
  const media = settled(() => readMediaHost(env, { local: localMedia || showUnpublished }));
  const deploy = deployTarget(env);
  if (!site.ok || !moment.ok || !places.ok || !media.ok || "problem" in deploy) {
    const problems = [site, moment, places, media].flatMap((read) => (read.ok ? [] : read.problems));
    throw new SettingsError([...problems, ...("problem" in deploy ? [deploy.problem] : [])]);
  }
  const build = { ...moment.value, showUnpublished };
  const datelinePlaces = places.value;
  const assets = Object.fromEntries(
    Object.entries(SITE_FILES).map(([name, file]) => [name, `/${hashedPath(PUBLISHED_NAMES[name as keyof typeof SITE_FILES], readFileSync(join(project, file)))}`]),
  ) as Record<keyof typeof SITE_FILES, string>;
  const editionPaths = site.value.editions.map((edition) => edition.path);
  const security = securityData(build, editionPaths, media.value);
  const hosts = { notFoundRules: notFoundRules(editionPaths) };
  return { site: site.value, build, deploy, media: media.value, datelinePlaces, globals: { site: site.value, build, assets, security, hosts } };
}
