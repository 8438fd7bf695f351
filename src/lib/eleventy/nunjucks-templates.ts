/**
 * Nunjucks for the page templates, each compiled once per render run. Eleventy 3.1.8 compiles a
 * template's text again for every page it paginates into, and every permalink too: about a
 * millisecond a page, a tenth of rendering thousands of story pages. Same engine, same version,
 * same options as Eleventy's own, so the pages are byte for byte what it would write.
 */
import nunjucks from "nunjucks";

/** The parts of nunjucks used here; its package declares no types. */
interface NunjucksTemplate {
  render(data: object, done: (error: Error | null, result: string) => void): void;
}
interface NunjucksLoader {
  cache: Record<string, unknown>;
}
interface Nunjucks {
  FileSystemLoader: new (searchPaths: string[]) => NunjucksLoader;
  Environment: new (loader: NunjucksLoader) => object;
  Template: new (source: string, environment: object, path: string | null, eagerCompile: boolean) => NunjucksTemplate;
}
const engine = nunjucks as unknown as Nunjucks;

/** The template language for Eleventy's addExtension("njk", …). */
interface NunjucksExtension {
  outputFileExtension: string;
  compileOptions: { cache: boolean; permalink(source: string): (data: object) => Promise<string> };
  compile(source: string, inputPath: string): (data: object) => Promise<string>;
}

/**
 * A fresh set for each render run (layouts and partials are read again, so the dev server sees
 * them change). Looks layouts and partials up as Eleventy does: in the includes folder, then from
 * the project.
 */
export function nunjucksTemplates(includesDir: string): NunjucksExtension {
  const loader = new engine.FileSystemLoader([includesDir, process.cwd()]);
  const environment = new engine.Environment(loader);
  const compiled = new Map<string, NunjucksTemplate>();
  const compile = (source: string, path: string | null) => {
    const key = `${path}\0${source}`;
    let template = compiled.get(key);
    if (!template) {
      template = new engine.Template(source, environment, path, true);
      compiled.set(key, template);
    }
    const ready = template;
    return (data: object) => new Promise<string>((resolve, reject) => ready.render(data, (error, result) => (error ? reject(error) : resolve(result))));
  };
  return {
    outputFileExtension: "html",
    compileOptions: {
      // Not in Eleventy's compile cache: it outlives the run (a static map), and each entry it keeps
      // holds the run's whole global data, every story and view, to the end of the process.
      cache: false,
      // Permalinks are templates too (a paginated page's is "{{ listPage.url }}"), of no file of their own.
      permalink: (source) => compile(source, null),
    },
    compile: (source, inputPath) => compile(source, inputPath),
  };
}
