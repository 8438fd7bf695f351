/**
 * Long work's progress, so a terminal or a deploy log never sits silent for minutes: the line's
 * text (the count, the rate, the time left) and when to write it. On a terminal one line is
 * rewritten in place and cleared when the work ends; in a log (no terminal) a line at most every
 * ten seconds, and none for work that ends sooner. Whoever runs the work decides where the text
 * goes (`write`); the work itself only counts.
 */

/** Work reports how far it is: `done` of `total`. */
export type ProgressListener = (done: number, total: number) => void;

export interface ProgressOptions {
  /** What each line starts with ("build", "check:site"). */
  label: string;
  /** What is counted, as done ("photos converted"). */
  what: string;
  /** What one is called in the rate ("photos", for "3.2 photos/s"); no rate without it. */
  unit?: string;
  /** Whether the output is a terminal, which can rewrite its last line. */
  terminal: boolean;
  write: (text: string) => void;
  /** The clock, in milliseconds. */
  now?: () => number;
  /** In a log, the shortest time between lines (and before the first). */
  intervalMs?: number;
}

export interface Progress {
  update: ProgressListener;
  /** Clears the counter's line on a terminal, so what follows starts where it stood. */
  finish(): void;
}

/** In a log, the least time between two progress lines. */
const LOG_INTERVAL_MS = 10_000;

/** On a terminal, the least time between two rewrites: ten a second is as fast as anyone reads, and thousands of counts a second would slow the work. */
const TERMINAL_INTERVAL_MS = 100;

/** A rate shown once this much time has gone by since the first count: before, it says little. */
const RATE_AFTER_MS = 1_000;

/** A time to go (more than none: only work not yet done has one), rounded to what a reader can use: "40 s", "3 min 05 s", "1 h 02 min". */
function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** How fast the count goes: "3.2 photos/s", or "1 photos/min" when it is slower than one a second. */
function formatRate(perSecond: number, unit: string): string {
  return perSecond >= 1 ? `${perSecond.toFixed(1)} ${unit}/s` : `${(perSecond * 60).toFixed(1)} ${unit}/min`;
}

export interface ProgressState {
  done: number;
  total: number;
  /** How many were done, and how long ago, when the rate began to be timed: it is of what came since. */
  since?: { done: number; elapsedMs: number };
}

/** One progress line: "build: photos converted 120/2000, 3.1 photos/s, about 10 min 06 s left". */
function progressLine({ label, what, unit }: Pick<ProgressOptions, "label" | "what" | "unit">, { done, total, since }: ProgressState): string {
  const count = `${label}: ${what} ${done}/${total}`;
  if (unit === undefined || since === undefined || since.elapsedMs < RATE_AFTER_MS || done <= since.done) return count;
  const perSecond = (done - since.done) / (since.elapsedMs / 1000);
  const left = done < total ? `, about ${formatDuration((total - done) / perSecond)} left` : "";
  return `${count}, ${formatRate(perSecond, unit)}${left}`;
}

/**
 * Work in steps, each counted in turn ("stories" read, then "photos" converted): a counter for
 * each step, ended when its count is complete; `finish` ends one that work which failed left.
 */
export function steppedProgress<Step extends string>(
  label: string,
  steps: Readonly<Record<Step, { what: string; unit: string }>>,
  output: Pick<ProgressOptions, "terminal" | "write" | "now">,
): { onProgress: (step: Step, done: number, total: number) => void; finish: () => void } {
  let current: { step: Step; counter: Progress } | undefined;
  const finish = () => {
    current?.counter.finish();
    current = undefined;
  };
  return {
    onProgress(step, done, total) {
      // Nothing to count (every page reused, no photos): no line at all.
      if (total === 0) return;
      if (current?.step !== step) {
        finish();
        current = { step, counter: progressCounter({ label, ...steps[step], ...output }) };
      }
      current.counter.update(done, total);
      // The step's count is complete: its line goes now, not when the next step begins.
      if (done >= total) finish();
    },
    finish,
  };
}

export function progressCounter({ label, what, unit, terminal, write, now = Date.now, intervalMs = LOG_INTERVAL_MS }: ProgressOptions): Progress {
  const started = now();
  let first: { at: number; done: number } | undefined;
  let moved = false;
  let lastLine: number | undefined;
  let open = false;
  return {
    update(done, total) {
      const at = now();
      // The rate is timed from the first count that moves: the time before it (a converter or a
      // renderer starting up) would make the first estimates of the time left far too long.
      if (first === undefined || (!moved && done > first.done)) {
        moved = first !== undefined;
        first = { at, done };
      }
      const since = first;
      const line = () => progressLine({ label, what, unit }, { done, total, since: { done: since.done, elapsedMs: at - since.at } });
      if (terminal) {
        if (lastLine !== undefined && at - lastLine < TERMINAL_INTERVAL_MS && done < total) return;
        // Carriage return and erase to the line's end: the count is rewritten where it stands.
        write(`\r${line()}\u001b[K`);
        open = true;
      } else {
        if (at - (lastLine ?? started) < intervalMs) return;
        write(`${line()}\n`);
      }
      lastLine = at;
    },
    finish() {
      if (open) write("\r\u001b[K");
      open = false;
    },
  };
}
