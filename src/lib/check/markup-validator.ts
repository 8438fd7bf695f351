/** html-validate with the project's rules (.htmlvalidate.json), set up once per thread. */
import { HtmlValidate, cjsResolver, StaticConfigLoader, type ConfigData, type ResolvedConfig } from "html-validate";
import type { PageProblem } from "./findings.ts";
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

/** The accessibility rules of the document preset, which the a11y preset leaves to it. */
const DOCUMENT_ACCESSIBILITY_RULES = ["heading-level", "input-missing-label"];

/**
 * The rules that keep a page usable by every reader (WD401): html-validate's own a11y preset and
 * the document preset's few such rules. Every other rule is of valid HTML (WD400).
 */
async function accessibilityRules(): Promise<Set<string>> {
  const preset = await new StaticConfigLoader([cjsResolver()], { extends: ["html-validate:a11y"] }).getConfigFor("a11y.html");
  const enabled = [...preset.getRules().entries()].filter(([, [severity]]) => severity > 0).map(([id]) => id);
  return new Set([...enabled, ...DOCUMENT_ACCESSIBILITY_RULES]);
}

export class MarkupValidator {
  readonly #htmlvalidate: HtmlValidate;
  #accessibility: Promise<Set<string>> | undefined;

  constructor() {
    this.#htmlvalidate = new HtmlValidate(new ResolvedOnceConfigLoader());
  }

  /** html-validate's problems with the page `source`, in its order; the rule's id is the field. */
  async problems(source: string, filename: string): Promise<PageProblem[]> {
    const report = await this.#htmlvalidate.validateString(source, filename);
    const accessibility = await (this.#accessibility ??= accessibilityRules());
    return report.results
      .flatMap((result) => result.messages)
      .map(({ line, column, ruleId, message }) => ({ line, column, field: ruleId, message, code: accessibility.has(ruleId) ? "WD401" : "WD400" }));
  }
}
