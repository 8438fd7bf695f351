/**
 * A long check's progress, so a deploy log or a terminal never sits silent for a minute: on a
 * terminal one line counting up in place; in a log (no terminal) a line every so often, when
 * enough time or enough items have gone by since the last.
 */

export interface ProgressOptions {
  /** What each line starts with ("check:site"). */
  label: string;
  /** What is counted ("pages checked"). */
  what: string;
  /** Whether the output is a terminal, which can rewrite its last line. */
  terminal: boolean;
  write: (text: string) => void;
  /** The clock, in milliseconds. */
  now?: () => number;
  /** In a log, the longest silence between lines. */
  intervalMs?: number;
  /** In a log, the most items between lines. */
  everyItems?: number;
}

export interface Progress {
  /** `done` of `total` finished. */
  update(done: number, total: number): void;
  /** Ends the counter's line on a terminal, so what follows starts on its own. */
  finish(): void;
}

export function progressCounter({ label, what, terminal, write, now = Date.now, intervalMs = 10_000, everyItems = 10 }: ProgressOptions): Progress {
  const line = (done: number, total: number): string => `${label}: ${what} ${done}/${total}`;
  let last: { at: number; done: number } | undefined;
  let open = false;
  return {
    update(done, total) {
      if (terminal) {
        // Carriage return and erase to the line's end: the count is rewritten where it stands.
        write(`\r${line(done, total)}\u001b[K`);
        open = true;
        return;
      }
      const at = now();
      if (last !== undefined && done < total && at - last.at < intervalMs && done - last.done < everyItems) return;
      if (last?.done === done) return;
      write(`${line(done, total)}\n`);
      last = { at, done };
    },
    finish() {
      if (open) write("\n");
      open = false;
    },
  };
}
