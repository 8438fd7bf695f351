import { z } from "zod";
import { DATE_FORMS, isKnownZone } from "./dates.ts";
import { PHOTO_EXTENSIONS } from "./urls.ts";

/** How a wrong value is named in an error: what the editor typed, briefly. */
function describe(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return `a date object (${value.toISOString()})`;
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "string") return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

function wrong(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing (expected ${expected})` : `got ${describe(issue.input)} (expected ${expected})`;
}

function text(expected: string) {
  return z
    .string({ error: wrong(expected) })
    .trim()
    .min(1, { error: `empty (expected ${expected})` });
}

const photoFile = `a file next to the story, e.g. photo.jpg (${PHOTO_EXTENSIONS.join(", ")})`;

const photoSchema = z.object(
  {
    src: text(photoFile).refine(
      (src) => (PHOTO_EXTENSIONS as readonly string[]).includes(src.split(".").pop()?.toLowerCase() ?? ""),
      { error: (issue) => `"${String(issue.input)}" is not a supported image (expected ${photoFile})` },
    ),
    alt: text("a description of what the photo shows, for readers who cannot see it"),
    credit: text("the credit as the agency gives it, e.g. Photo EPA/ITAR-TASS"),
    caption: text("a caption, or no caption field").optional(),
  },
  { error: wrong("a photo with src, alt and credit") },
);

/** The story contract: every field an editor may write in front matter or a story's data file. */
export const storySchema = z.object({
  title: text("the headline"),
  lead: text("the standfirst: a sentence or two under the headline"),
  date: text(DATE_FORMS),
  dateline: text("the place as printed, e.g. MOSCOW"),
  timezone: text("an IANA time zone such as Europe/Moscow")
    .refine(isKnownZone, {
      error: (issue) => `"${String(issue.input)}" is not a known time zone (expected an IANA name such as Europe/Moscow)`,
    })
    .optional(),
  source: text("the agency printed in the dateline's parentheses, e.g. Itar-Tass").optional(),
  photo: photoSchema.optional(),
  tags: z.array(text("a topic name"), { error: wrong("a list of topics") }).optional(),
});

export type StoryFields = z.infer<typeof storySchema>;

export interface FieldIssue {
  field: string;
  message: string;
}

export type FieldsResult =
  | { ok: true; fields: StoryFields }
  | { ok: false; partial: Partial<StoryFields>; issues: FieldIssue[] };

/**
 * Checks each field on its own, so a bad field neither hides the others' problems nor stops
 * the checks that need only the good ones (a valid dateline still gets its zone looked up).
 */
export function parseStoryFields(data: Readonly<Record<string, unknown>>): FieldsResult {
  const partial: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const [name, schema] of Object.entries(storySchema.shape)) {
    const result = schema.safeParse(data[name]);
    if (result.success) {
      if (result.data !== undefined) partial[name] = result.data;
    } else {
      for (const issue of result.error.issues) {
        issues.push({ field: [name, ...issue.path.map(String)].join("."), message: issue.message });
      }
    }
  }
  // Every field passed its own schema, so together they make a whole StoryFields.
  if (issues.length === 0) return { ok: true, fields: partial as StoryFields };
  return { ok: false, partial: partial as Partial<StoryFields>, issues };
}
