/**
 * The render stage: Eleventy renders the planned pages and the hosts' files to memory, through its
 * programmatic API, with everything it prints given as global data (`addGlobalData`): the
 * settings and the newsroom's views, made by the stages before it. Eleventy reads no data file and
 * no story; it writes nothing (the build writes what it returns). Paths are relative to the
 * working folder, the project's root: Eleventy names its input, includes and output so.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { pageLinkUrl } from "../model/urls.ts";
import type { Newsroom } from "../newsroom/newsroom.ts";
import type { EditionView, PageViews } from "../newsroom/page-views.ts";
import { codeFingerprint } from "../cache/code-fingerprint.ts";
import { rewriteMarkupLinks } from "../outputs/markup-links.ts";
import { nunjucksTemplates } from "./nunjucks-templates.ts";

/** Eleventy's input: the page templates (stories are read by the build itself, src/lib/story/, never taken for templates). */
export const INPUT_DIR = "src";
const INCLUDES_DIR = "_includes";

/** What every page prints besides its own view: its edition's words, sections and feeds. */
export interface SharedViews {
  editionViews: Record<string, EditionView>;
}

/** The templates' `newsroom`: the lists and files, the shared views, and the pages this build renders. */
export type RenderData = Newsroom & SharedViews & { render: PageViews };

/** What every template is given besides the newsroom (see src/lib/build/settings.ts). */
export interface RenderGlobals {
  readonly site: { url: string };
  readonly build: { moment: string; epochMs: number; showUnpublished: boolean };
}

/** A file Eleventy rendered: its path relative to the output folder, and its text. */
export interface RenderedFile {
  file: string;
  content: string;
}

/** The code that renders pages: this module and every module it imports, once per process (code cannot change while it runs). */
const renderingCode = codeFingerprint([new URL(import.meta.url)]);

/**
 * Everything every page is rendered with: the code, the templates as they are now, every global
 * value (the build moment aside: no page prints it, and it changes every build), and the editions
 * and problems every page prints (problems only in the dev server, whose pages show them).
 */
export function renderContext(globals: RenderGlobals, newsroom: Newsroom, shared: SharedViews): string {
  const templates = [
    ...readdirSync(INCLUDES_DIR, { recursive: true, encoding: "utf8" }).map((name) => join(INCLUDES_DIR, name)),
    ...readdirSync(INPUT_DIR).filter((name) => name.endsWith(".njk")).map((name) => join(INPUT_DIR, name)),
  ]
    .filter((file) => file.endsWith(".njk"))
    .sort()
    .map((file) => [file, readFileSync(file, "utf8")]);
  const { moment: _moment, epochMs: _epochMs, ...build } = globals.build;
  const values = Object.entries({ ...globals, build }).sort(([a], [b]) => a.localeCompare(b));
  // Only the dev server's pages print the stories' problems (base.njk's panel).
  const problems = globals.build.showUnpublished ? newsroom.problemGroups : [];
  return JSON.stringify([renderingCode, templates, values, shared, problems]);
}

/** The project's Eleventy configuration: Nunjucks templates given `globals` and `newsroom`. */
function configure(config: UserConfig, globals: RenderGlobals, newsroom: RenderData, onRendered?: (outputPath: string) => void): void {
  config.setIncludesDirectory(`../${INCLUDES_DIR}`);
  config.setTemplateFormats(["njk"]);
  // The stories are read by the build; a story folder's files are published by the photo stage.
  config.ignores.add(`${INPUT_DIR}/news/**`);
  // Each template compiled once per run, not once per page it paginates into.
  config.addExtension("njk", nunjucksTemplates(INCLUDES_DIR));
  // Frozen, so Eleventy's data cascade hands each template the value itself rather than a deep copy.
  for (const [name, value] of Object.entries(globals)) config.addGlobalData(name, Object.freeze(value));
  config.addGlobalData("newsroom", Object.freeze(newsroom));
  // Each file counted as it is rendered, for the build's progress; its content left as it is.
  if (onRendered) {
    config.addTransform("count-rendered", function (this: { page: { outputPath: string | false } }, content: string) {
      if (typeof this.page.outputPath === "string") onRendered(this.page.outputPath);
      return content;
    });
  }
}

/**
 * Renders every template over `newsroom` into memory: the files `output` is to hold, by path
 * relative to it. `onRendered` hears of each file as it is rendered, by that path.
 */
export async function renderPages(output: string, globals: RenderGlobals, newsroom: RenderData, onRendered?: (file: string) => void): Promise<RenderedFile[]> {
  const eleventy = new Eleventy(INPUT_DIR, output, {
    // No configuration file: the configuration is this module's.
    configPath: false as unknown as string,
    quietMode: true,
    config: (config: UserConfig) => configure(config, globals, newsroom, onRendered && ((outputPath) => onRendered(relative(output, outputPath)))),
  });
  const results = (await eleventy.toJSON()) as unknown as { url: string | false; outputPath: string | false; content: string }[];
  // Templates link from the site root; pages get relative URLs so one build works anywhere, even
  // from disk. Here rather than as an Eleventy transform, which at 5,000 pages a run took over 8 %
  // of the run and so printed Eleventy's benchmark warning into every large build's log.
  const basePath = new URL(globals.site.url).pathname;
  return results.flatMap(({ url, outputPath, content }) => {
    if (!outputPath) return [];
    const page = typeof url === "string" && outputPath.endsWith(".html");
    return [{ file: relative(output, outputPath), content: page ? rewriteMarkupLinks(content, (link) => pageLinkUrl(link, url, basePath)) : content }];
  });
}
