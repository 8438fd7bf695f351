/** Lines and columns of offsets in a text, as editors count them: both from 1, columns in UTF-16 units. */

export interface Position {
  line: number;
  column: number;
}

/**
 * A function giving the position of an offset in `text`. It indexes the line starts once, so a
 * page with hundreds of links is not split into lines once per link.
 */
export function positionsIn(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lineStarts.push(at + 1);
  return (offset) => {
    // The last line that starts at or before the offset.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}
