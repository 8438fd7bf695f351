/** The shape of a page's check record, to trust one read back from the cache only once it has it. */
import { z } from "zod";
import type { PageRecord } from "./page-check.ts";

const position = { line: z.number(), column: z.number() };
const located = z.object({ ...position, rule: z.string(), message: z.string() });

/** Typed against PageRecord, so the two cannot drift apart. */
export const pageRecordSchema: z.ZodType<PageRecord> = z.object({
  problems: z.array(located),
  links: z.array(z.object({ url: z.string(), ...position })),
  anchors: z.array(z.string()),
  outputs: z.object({
    feedLinks: z.array(z.object({ type: z.string(), href: z.string(), ...position })),
    translations: z.array(z.object({ hreflang: z.string(), href: z.string(), ...position })),
    jsonLd: z.array(located),
    noindex: z.boolean(),
  }),
  budget: z.object({
    weight: z.object({
      stylesheets: z.array(z.string()),
      scripts: z.array(z.object({ src: z.string().optional(), inlineBytes: z.number() })),
      blockingScripts: z.number(),
      preloads: z.number(),
    }),
    storyPageBytes: z.number().optional(),
  }),
});
