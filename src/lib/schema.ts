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

const correctionSchema = z.object(
  {
    date: text(DATE_FORMS),
    text: text("the correction as readers should see it"),
  },
  { error: wrong("a correction with date and text") },
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
  draft: z.boolean({ error: wrong("true or false") }).optional(),
  updated: text(DATE_FORMS).optional(),
  corrections: z
    .array(correctionSchema, { error: wrong("a list of corrections, each with date and text") })
    .optional(),
  sample: z.boolean({ error: wrong("true or false") }).optional(),
});

export type StoryFields = z.infer<typeof storySchema>;
type PhotoFields = NonNullable<StoryFields["photo"]>;
type CorrectionFields = NonNullable<StoryFields["corrections"]>[number];

/** What could be read of a story with problems: its good fields, and the good parts of its photo. */
export type PartialStoryFields = Partial<Omit<StoryFields, "photo" | "corrections">> & {
  photo?: Partial<PhotoFields>;
  corrections?: (Partial<CorrectionFields> | undefined)[];
};

export interface FieldIssue {
  field: string;
  message: string;
}

export type FieldsResult =
  | { ok: true; fields: StoryFields }
  | { ok: false; partial: PartialStoryFields; issues: FieldIssue[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Parses a value; when a group of fields fails, parses each field on its own, so one bad field
 * neither hides the others' problems nor stops the checks that need only good ones (a valid
 * dateline still gets its zone looked up, a photo without credit still has its file checked).
 */
function parseParts(schema: z.ZodType, value: unknown, path: string[], issues: FieldIssue[]): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const group = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (group instanceof z.ZodObject && isPlainObject(value)) {
    const parts: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(group.shape as Record<string, z.ZodType>)) {
      const part = parseParts(field, value[name], [...path, name], issues);
      if (part !== undefined) parts[name] = part;
    }
    return parts;
  }
  if (group instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item, index) => parseParts(group.element as z.ZodType, item, [...path, String(index)], issues));
  }
  for (const issue of result.error.issues) {
    issues.push({ field: [...path, ...issue.path.map(String)].join("."), message: issue.message });
  }
  return undefined;
}

export function parseStoryFields(data: Readonly<Record<string, unknown>>): FieldsResult {
  const issues: FieldIssue[] = [];
  const parsed = parseParts(storySchema, data, [], issues);
  // Without issues the value passed storySchema whole; with them, it holds only parts that passed.
  return issues.length === 0
    ? { ok: true, fields: parsed as StoryFields }
    : { ok: false, partial: parsed as PartialStoryFields, issues };
}
