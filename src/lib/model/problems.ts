import type { z } from "zod";

/** Where something is written: a file and a line in it. */
export interface Place {
  file: string;
  line: number;
}

/**
 * Every code a problem can carry, with its title as the editor's guide lists it. A code names one
 * rule, so an editor can look it up; codes are never reused for another rule.
 * WD1xx: a story's file, front matter, fields and body, and what stories must not share.
 * WD2xx: a delivered agency file and its items, and what the import did with each.
 * WD3xx: the settings: the site's, its editions' strings, the environment and the command line.
 * WD4xx: the built site: a page's own markup (WD400-WD408), what the site's files say together
 * (WD410-WD418), what a browser sees opening the pages (WD420-WD422), and the site's size against
 * its host's limits (WD435-WD437).
 */
export const PROBLEM_CODES = {
  WD100: "the story file could not be read",
  WD101: "the file name makes no address",
  WD102: "the story file is too big",
  WD103: "the story file is not UTF-8 text",
  WD104: "the story file starts with a byte order mark",
  WD105: "the front matter is not YAML",
  WD106: "the front matter is never closed",
  WD107: "the front matter is not YAML fields",
  WD108: "an unquoted value cut short by a # note",
  WD109: "a list item indented more than the one above it",
  WD110: "a quote never closed",
  WD111: "a bracket never closed",
  WD112: "\": \" inside an unquoted value",
  WD113: "a line with no field name",
  WD114: "indented with a tab",
  WD115: "indented unlike the lines around it",
  WD116: "a field written twice",
  WD117: "text after a value's closing quote or bracket",
  WD118: "a value YAML reads as an anchor, tag or alias",
  WD119: "the front matter does not start the file",
  WD120: "a required field is missing",
  WD121: "a field's value is not in the expected form",
  WD122: "an unknown field",
  WD123: "a field a withdrawn story must not have",
  WD124: "text the import left for an editor to write",
  WD125: "no time zone for the dateline",
  WD126: "a date that is not a date",
  WD127: "a date before the story's date",
  WD128: "a Markdown file not named .md",
  WD129: "a data file no story reads",
  WD130: "the story's text is empty",
  WD131: "the text repeats the dateline",
  WD132: "the text is too big for a page",
  WD133: "a # heading beside the headline",
  WD134: "a heading that skips a level",
  WD135: "an image without alt text",
  WD136: "a withdrawn story that keeps its text",
  WD137: "an image in the text that cannot be shown",
  WD138: "a field typed below the front matter",
  WD139: "more on the line that closes the front matter",
  WD140: "a photo that cannot be published",
  WD141: "a photo worth a look",
  WD142: "a footnote in the text",
  WD143: "an empty item in a list",
  WD144: "a value that starts with a character YAML keeps",
  WD145: "a link definition the text never uses",
  WD150: "two stories at one address",
  WD151: "an image shown by two stories",
  WD152: "a translation of no story",
  WD153: "a translation in the original's own edition",
  WD154: "a second translation into one edition",
  WD155: "two topics at one topic page",
  WD156: "a byline name that makes no author page",
  WD157: "one author named twice in a byline",
  WD158: "two authors at one author page",
  WD159: "a photo's licence link that is not a web address",
  WD160: "a photo credit beside a photo",
  WD161: "a topic that makes no topic page",
  WD162: "an update, correction or withdrawal dated after the build, or after an embargo lifts",
  WD163: "two stories naming each other as their originals",
  WD164: "a translation of a withdrawn story",
  WD165: "a value starting with ? or -, which YAML reads as a field's name or a list item",
  WD166: "a \\ in double quotes, which YAML reads as an escape",
  WD167: "an HTML comment in the text or a field",
  WD168: "an HTML character reference in a field",
  WD200: "a delivered file that cannot be read",
  WD201: "a delivered file that is not UTF-8 text",
  WD202: "a file in no format the importer reads",
  WD203: "not valid JSON or XML",
  WD204: "an XML entity the importer does not read",
  WD205: "an item that is not a story",
  WD206: "a part the story needs is missing",
  WD207: "a value not in the format's form",
  WD208: "a date or time that cannot be read",
  WD209: "an unknown property",
  WD210: "a property the importer leaves out",
  WD211: "a reference that cannot be followed",
  WD212: "wire text that makes no story",
  WD213: "no time zone for the item's times",
  WD214: "an item in a language with no edition",
  WD215: "a picture that cannot be used",
  WD216: "words left for an editor to write",
  WD217: "withheld by the agency",
  WD218: "under embargo",
  WD219: "a story whose wire record cannot be used",
  WD220: "an item like two stories under its id",
  WD221: "an agency id used again for another story",
  WD222: "a version waiting beside its story",
  WD223: "an older version than the one on file",
  WD224: "withdrawn before it was published here",
  WD225: "the story could not be written",
  WD226: "text read from a file beside the item",
  WD227: "a day read from the dateline",
  WD228: "an item known by its words, with no id of its own",
  WD229: "a dateline of an agency the settings do not list",
  WD230: "a story on file whose version time is a day alone",
  WD232: "markup delivered in a CDATA section",
  WD234: "the desk's work on a story taken by its kill",
  WD235: "code or an unsafe link taken out of the text",
  WD237: "a time read from wire text's closing time line",
  WD238: "a closing time line that could not be read",
  WD239: "a newspaper's dateline read from the text",
  WD240: "columns of wire text kept as laid out",
  WD241: "wire text read as a kill notice",
  WD242: "a kill mark in wire text that withdraws nothing",
  WD243: "a date read in a form its format does not name",
  WD244: "a table's joined cells repeated where they span",
  WD245: "wire text read as a hold notice",
  WD246: "an agency's service message, not a story",
  WD247: "an HTML text's markup written in a form Markdown keeps",
  WD300: "no address for the site",
  WD301: "the site's address is not a site's root",
  WD302: "a setting is missing",
  WD303: "a setting not in the expected form",
  WD304: "editions that clash",
  WD305: "a name two agencies share",
  WD306: "an edition with no strings file",
  WD307: "a settings file that cannot be read",
  WD308: "a string is missing",
  WD309: "a string not in the expected form",
  WD310: "an unknown string",
  WD311: "a string no longer printed",
  WD312: "a build moment that is not an instant",
  WD313: "a command-line option that cannot be used",
  WD314: "a name two authors share",
  WD315: "an agency's photo licence link that is not a web address",
  WD316: "the media host's address is not a folder photos can be named under",
  WD317: "a dateline place given twice",
  WD400: "a page that is not valid HTML",
  WD401: "a page not every reader can use",
  WD402: "script where none may run",
  WD403: "style written in the page",
  WD404: "a link to no file of the site",
  WD405: "a link to an id the page does not have",
  WD406: "a link that is not relative",
  WD407: "a page's JSON-LD is wrong or incomplete",
  WD408: "an image from elsewhere",
  WD410: "a page's feed link is missing or broken",
  WD411: "a feed readers cannot read",
  WD412: "the sitemaps do not list the site as it is",
  WD413: "robots.txt does not lead to the sitemaps",
  WD414: "a translation link not confirmed both ways",
  WD415: "a draft or embargoed story shows",
  WD416: "a withdrawn story without its notice",
  WD417: "a withdrawn story still listed",
  WD418: "a page over the performance budget",
  WD420: "an error in the browser",
  WD421: "something the security policy blocked",
  WD422: "a request that fails or answers wrongly in the browser",
  WD435: "a site near its host's limit",
  WD436: "a site over its host's limit",
  WD437: "a file over its host's limit",
} as const;

/** A problem's code, such as WD121: the key an editor looks up in the guide's list of problem codes. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/**
 * One thing wrong, in any stage (a story, the settings, a delivered feed, a built page), reported
 * the way a compiler reports: place, field, problem, code.
 */
export interface Problem {
  /**
   * The file as the desk names it (`src/news/talks.md`, `drop/0001.json`, `news/index.html` in the
   * built site); empty for a setting read from the environment, which the field then names.
   */
  file: string;
  /**
   * The line the field (or the offending line) is on; 1 for a story file as a whole or a missing
   * field. Absent where the file has no lines to point at (a JSON feed item): the field names the place.
   */
  line?: number;
  /** The column on the line, where the checker that found the problem gives one. */
  column?: number;
  /**
   * The field's path as the code reads it, list items counted from 0 ("corrections.0.date"), or
   * as the file's format names its places (`headlines[0].value`); empty for the file as a whole.
   */
  field: string;
  /** What is wrong, then the expected form in brackets: `got 3 (expected true or false)`. */
  message: string;
  code: ProblemCode;
}

/** A problem of a field, before the file and line it is written at are known. */
export type FieldProblem = Pick<Problem, "field" | "message" | "code">;

/** A problem at a line, before the file is known; the field too, where it cannot be told. */
export type LineProblem = Pick<Problem, "message" | "code"> & { line: number; field?: string };

/** A field's path as an editor counts: the first item of a list is 1 ("corrections.1.date"). */
export function editorFieldName(field: string): string {
  return field.replace(/(^|\.)(\d+)(?=\.|$)/g, (_, dot: string, index: string) => `${dot}${Number(index) + 1}`);
}

/**
 * `path:line: field: problem (expected …) [WD121]`, the form editors' tools turn into a link to
 * the line (`path:line:column:` where a column is known, `path:` where the file has no lines, the
 * field alone for an environment variable); the code comes last, so tools that read the line up
 * to the message still do. A message that goes on over lines has the code on its first.
 */
export function formatProblem({ file, line, column, field, message, code }: Problem): string {
  const place = file === "" ? "" : `${[file, line, line === undefined ? undefined : column].filter((part) => part !== undefined).join(":")}: `;
  return `${place}${field === "" ? "" : `${editorFieldName(field)}: `}${message.replace(/(?=\n)|$/, ` [${code}]`)}`;
}

/** In file, line and column order, as an editor works through them. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
}

/** The value at a zod issue's path in what was parsed, or undefined where nothing is written. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** How zodProblems names and codes what a schema refused. */
export interface ZodProblemRules {
  /** The code of a value not written at all. */
  missing: ProblemCode;
  /** The code of a value written in the wrong form. */
  wrong: ProblemCode;
  /** The code of a key the schema does not know (zod's unrecognized_keys); the wrong one when not given. */
  unknown?: ProblemCode;
  /** The field's name from its path; dotted ("corrections.0.date") unless the format names its places its own way. */
  fieldName?: (path: readonly PropertyKey[]) => string;
}

/** A story's fields: a required field missing (WD120), or not in the expected form (WD121). */
const STORY_FIELD_RULES: ZodProblemRules = { missing: "WD120", wrong: "WD121" };

/**
 * The params of a custom issue that is a rule of its own (an unknown property, a retired string):
 * zodProblems gives it this code rather than the missing or wrong one.
 */
export const problemCodeParams = (code: ProblemCode): { problemCode: ProblemCode } => ({ problemCode: code });

function ownCode(issue: z.core.$ZodIssue): ProblemCode | undefined {
  const code: unknown = issue.code === "custom" ? issue.params?.["problemCode"] : undefined;
  return typeof code === "string" && code in PROBLEM_CODES ? (code as ProblemCode) : undefined;
}

/**
 * Zod's issues as problems of fields: the schema's own message (each schema words what it
 * expects), at the field's path under `path`; a value not written at all is missing, one
 * written is in the wrong form, each with the code `rules` give (a story's by default); each
 * key a strict object does not know is a problem of its own.
 */
export function zodProblems(issues: readonly z.core.$ZodIssue[], input: unknown, path: readonly PropertyKey[] = [], rules: ZodProblemRules = STORY_FIELD_RULES): FieldProblem[] {
  const name = rules.fieldName ?? ((keys: readonly PropertyKey[]) => keys.map(String).join("."));
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: name([...path, ...issue.path, key]), message: issue.message, code: rules.unknown ?? rules.wrong }));
    }
    const code = ownCode(issue) ?? (valueAt(input, issue.path) === undefined ? rules.missing : rules.wrong);
    return [{ field: name([...path, ...issue.path]), message: issue.message, code }];
  });
}
