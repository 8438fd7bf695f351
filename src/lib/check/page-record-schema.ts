/** The shapes of the check's records (a page's, a feed's or sitemap's, the pages it passed), to trust one read back from the cache only once it has its shape. */
import { z } from "zod";
import { PROBLEM_CODES, type ProblemCode } from "../model/problems.ts";
import type { PageRecord } from "./page-check.ts";
import type { KeptPassedPages } from "./passed-pages.ts";
import type { OutputFileRecord } from "./validate-outputs.ts";

const position = { line: z.number(), column: z.number() };
const code = z.enum(Object.keys(PROBLEM_CODES) as [ProblemCode, ...ProblemCode[]]);
const located = z.object({ line: z.number().optional(), column: z.number().optional(), field: z.string(), message: z.string(), code });

/** What a page's markup says it fetches, for the budget. */
const weight = z.object({
  stylesheets: z.array(z.string()),
  scripts: z.array(z.object({ src: z.string().optional(), inlineBytes: z.number() })),
  blockingScripts: z.number(),
  preloads: z.number(),
});

/** What a page is to the checks across the site, besides its links and its budget's facts. */
const siteFacts = {
  anchors: z.array(z.string()),
  outputs: z.object({
    feedLinks: z.array(z.object({ type: z.string(), href: z.string(), ...position })),
    translations: z.array(z.object({ hreflang: z.string(), href: z.string(), ...position })),
    jsonLd: z.array(located),
    noindex: z.boolean(),
  }),
};

/** Typed against PageRecord, so the two cannot drift apart. */
export const pageRecordSchema: z.ZodType<PageRecord> = z.object({
  problems: z.array(located),
  links: z.array(z.object({ url: z.string(), ...position, image: z.literal(true).optional() })),
  ...siteFacts,
  budget: z.object({ weight, storyPageBytes: z.number().optional() }),
});

export const keptPassedPagesSchema: z.ZodType<KeptPassedPages> = z.object({
  files: z.array(z.string()),
  shared: z.array(z.object({ ...siteFacts, weight })),
  pages: z.record(
    z.string(),
    z.object({ key: z.string(), shared: z.number(), storyPageBytes: z.number().optional(), photos: z.array(z.string()).optional(), otherAnchors: z.literal(true).optional() }),
  ),
});

export const outputFileRecordSchema: z.ZodType<OutputFileRecord> = z.object({
  problems: z.array(located),
  listed: z
    .union([
      z.object({ urls: z.array(z.string()), sitemap: z.object({ newest: z.string().optional() }).optional() }),
      z.object({ sitemaps: z.array(z.object({ loc: z.string(), lastmod: z.string().optional() })) }),
    ])
    .optional(),
});
