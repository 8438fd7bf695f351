/**
 * Text the wire import writes for an editor to reword. It opens with a mark no reader should
 * see, so the build can tell it from an editor's words and keep the story a draft until then.
 */
const PLACEHOLDER_MARK = "[to be worded]";

/** The correction entry's text for a version an agency marks as a correction: it says nothing readers can use yet. */
export function correctionPlaceholder(agency: string): string {
  return `${PLACEHOLDER_MARK} ${agency} marked this version a correction: say what was corrected.`;
}

/** Whether an editor still has to reword a field's text. */
function isPlaceholder(value: unknown): boolean {
  return typeof value === "string" && value.trimStart().startsWith(PLACEHOLDER_MARK);
}

/** Why a field holding a placeholder keeps its story off the site. */
export const PLACEHOLDER_PROBLEM = "still the wire import's placeholder (expected words of your own for readers; the story stays a draft until then)";

/** The fields (as the code names them, "corrections.1.text") whose text is still a placeholder, in the order written. */
export function placeholderFields(value: unknown, path = ""): string[] {
  if (isPlaceholder(value)) return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholderFields(item, path === "" ? String(index) : `${path}.${index}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([name, item]) => placeholderFields(item, path === "" ? name : `${path}.${name}`));
}
