import { formatProblem, type Problem } from "./problems.ts";

/**
 * Thrown for bad settings (the site's, its strings, the environment, a command line), with every
 * problem found in the run; the message is their lines, as formatProblem prints them.
 */
export class SettingsError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.problems = problems;
  }
}

/** What a settings reader gave, or the problems of the SettingsError it threw. */
export type Settled<T> = { ok: true; value: T } | { ok: false; problems: readonly Problem[] };

/** What a settings reader returned, or the problems of the SettingsError it threw, so a run reads every setting before it refuses. */
export function settled<T>(read: () => T): Settled<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { ok: false, problems: error.problems };
  }
}

/** As settled, for a settings module being loaded. */
export function settledLoad<T>(loading: Promise<T>): Promise<Settled<T>> {
  return loading.then(
    (value) => settled(() => value),
    (error: unknown) => settled((): never => {
      throw error;
    }),
  );
}
