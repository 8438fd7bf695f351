import { z } from "zod";

/** The newsroom's settings (in `_data/site.ts`), checked before a page is built. */
const siteSettingsSchema = z.object({
  name: z.string().trim().min(1),
  description: z.string().trim().min(1),
  /** BCP 47 language of the pages, e.g. "en". */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  /** The public URL of the site's root folder, path prefix included; SITE_URL overrides it. */
  url: z.url({ protocol: /^https?$/ }).transform((url) => (url.endsWith("/") ? url : `${url}/`)),
  /** Stories per All news page. */
  pageSize: z.number().int().min(1).max(500),
  /** Stories in each feed. */
  feedSize: z.number().int().min(1).max(1000),
  /** The largest story file a build reads, in bytes: a bigger one is a wire import gone wrong. */
  maxStoryBytes: z.number().int().min(1024),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** Thrown for a bad setting: names the setting, what it got and what it expected. */
export class SiteSettingsError extends Error {}

export function readSiteSettings(
  settings: Readonly<Record<string, unknown>>,
  env: Readonly<Record<string, string | undefined>>,
): SiteSettings {
  const siteUrl = env["SITE_URL"]?.trim();
  const result = siteSettingsSchema.safeParse(siteUrl ? { ...settings, url: siteUrl } : settings);
  if (result.success) return result.data;
  const lines = result.error.issues.map(({ path, message }) => {
    const name = path.join(".");
    return name === "url" && siteUrl ? `SITE_URL: got "${siteUrl}": ${message}` : `site.${name}: ${message}`;
  });
  throw new SiteSettingsError(`bad site settings (_data/site.ts):\n${lines.join("\n")}`);
}
