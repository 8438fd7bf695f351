import type { ParseArgsConfig } from "node:util";
import { readCommandOptions } from "../../src/lib/model/command-options.ts";
import { formatProblem } from "../../src/lib/model/problems.ts";
import { SettingsError } from "../../src/lib/model/settings-error.ts";

/**
 * The command's options from its command line; for one it cannot use, its line
 * (`build: --timing: Unknown option '--timing' (expected …) [WD313]`) and exit code 2, as a
 * command that could not start.
 */
export function commandOptions<const T extends Omit<ParseArgsConfig, "args"> & { strict?: true }>(command: string, config: T, expected: string): ReturnType<typeof readCommandOptions<T & { args: string[] }>> {
  try {
    return readCommandOptions({ ...config, args: process.argv.slice(2) }, expected);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    for (const problem of error.problems) console.error(`${command}: ${formatProblem(problem)}`);
    process.exit(2);
  }
}
