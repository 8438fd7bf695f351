/** Where a file that could not be read (as JSON or XML) goes wrong, and what JSON.parse said of it, in an editor's terms. */

/** The line and column of a place in a file that could not be read (as XML or JSON), counted from 1. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  return { line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
}

/** What JSON.parse refused: where (line and column, when it says), and its complaint without the position the place gives. */
export interface JsonSyntaxError {
  line?: number;
  column?: number;
  /** JSON.parse's words, or for a comma after an object's last entry, the editor's mistake named. */
  what: string;
}

/**
 * JSON.parse's error on `text` as a place and words. The commonest slip in a hand-edited file, a
 * line copied with its comma to the end of the object, is named as such, with the comma's line:
 * JSON.parse only says it expected another property where the closing brace is.
 */
export function jsonSyntaxError(text: string, error: unknown): JsonSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const index = position !== undefined ? Number(position) : /end of JSON input/.test(message) ? text.length : undefined;
  const what = message.replace(/ in JSON at position \d+.*$/s, "").replace(/, ".*" is not valid JSON$/s, "");
  if (index === undefined) return { what };
  const place = lineAndColumn(text, index);
  const comma = /,\s*$/.exec(text.slice(0, index));
  if (comma && text.startsWith("}", index)) {
    return { ...place, what: `the comma on line ${lineAndColumn(text, comma.index).line} is after the last entry, where JSON takes none` };
  }
  return { ...place, what };
}
