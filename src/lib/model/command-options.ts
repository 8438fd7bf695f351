/**
 * A command's options, read with Node's parseArgs. What parseArgs cannot read (an unknown option, a
 * value a switch does not take, a value missing) is a SettingsError of one line naming the option
 * and what the command takes, never parseArgs' TypeError and its stack.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { SettingsError } from "./settings-error.ts";

/** `config.args` read as parseArgs reads them (strictly, its default); `expected` says what the command takes: "--port=N or --lan". */
export function readCommandOptions<const T extends ParseArgsConfig & { strict?: true }>(config: T, expected: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    // parseArgs names the option or argument in quotes ("Unknown option '--serve'"), then may go on with advice on positionals, which is not this command's.
    const said = (error instanceof Error ? error.message : String(error)).replace(/\. .*$/s, "").replace(/\.$/, "");
    const option = /'([^' ]*)/.exec(said)?.[1] ?? "options";
    throw new SettingsError([{ file: "", field: option, message: `${said} (expected ${expected})`, code: "WD313" }]);
  }
}
