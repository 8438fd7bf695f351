/** html-validate with the project's rules (.htmlvalidate.json), set up once per thread. */
import { HtmlValidate, cjsResolver, StaticConfigLoader, type ConfigData, type ResolvedConfig } from "html-validate";
import type { LocatedIssue } from "./findings.ts";
import { HTMLVALIDATE_CONFIG } from "./markup-config.ts";

/**
 * The project's html-validate config, resolved once. html-validate otherwise merges and resolves
 * its config, element metadata and all, for every file, which costs more than checking the page.
 */
class ResolvedOnceConfigLoader extends StaticConfigLoader {
  #resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;

  constructor() {
    // Given as the global config, so it also applies to sites built outside the project.
    super([cjsResolver()], { extends: [HTMLVALIDATE_CONFIG] });
  }

  override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (configOverride !== undefined && Object.keys(configOverride).length > 0) return super.getConfigFor(handle, configOverride);
    this.#resolved ??= super.getConfigFor(handle);
    return this.#resolved;
  }
}

export class MarkupValidator {
  readonly #htmlvalidate: HtmlValidate;

  constructor() {
    this.#htmlvalidate = new HtmlValidate(new ResolvedOnceConfigLoader());
  }

  /** html-validate's problems with the page `source`, in its order. */
  async problems(source: string, filename: string): Promise<LocatedIssue[]> {
    const report = await this.#htmlvalidate.validateString(source, filename);
    return report.results.flatMap((result) => result.messages).map(({ line, column, ruleId, message }) => ({ line, column, rule: ruleId, message }));
  }
}
