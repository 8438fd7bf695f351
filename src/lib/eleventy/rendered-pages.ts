/**
 * Pages rendered by earlier builds, kept so a build renders only the pages whose view changed.
 *
 * A page's key is a hash of everything its HTML is made from: the render context (templates,
 * code, the settings every page prints) and its view (see src/lib/newsroom/page-views.ts), with
 * each story in it standing for a hash of the whole story. Entries are `<key>.<sha256>.html`
 * under the cache folder: an entry is used only while its bytes still hash to its name, so a
 * cut-short or damaged entry is rendered again rather than published. Entries no build used are
 * pruned, and each is written under a temporary name and then renamed.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import type { ArticleView } from "../model/story-view.ts";
import type { PageViews } from "../newsroom/page-views.ts";

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** Removes a cache file; one that cannot be removed (a read-only cache) is left, never failing the build. */
function removeEntry(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Left for a later build; an entry is checked against its name before any use.
  }
}

const ENTRY = /^([0-9a-f]{64})\.([0-9a-f]{64})\.html$/;

/** Where a page at `url` is written in an output folder, as Eleventy writes a permalink. */
export function pageFile(folder: string, url: string): string {
  return join(folder, url.endsWith("/") ? `${url}index.html` : url);
}

/**
 * Removes the pages of `folder` that this build did not write (`written`, relative or absolute): a
 * story that was deleted or now has problems must not be served from an earlier build. Only .html
 * files: every page is one, and the stylesheet and photos stay. Returns the removed files.
 */
export function removeStalePages(folder: string, written: readonly string[]): string[] {
  if (!existsSync(folder)) return [];
  const keep = new Set(written.map((file) => resolve(file)));
  const stale = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extname(entry.name) === ".html")
    .map((entry) => resolve(join(entry.parentPath, entry.name)))
    .filter((file) => !keep.has(file));
  for (const file of stale) rmSync(file);
  return stale;
}

/** The keys of pages' views: each story in a view stands for a hash of it, computed once per story. */
class ViewKeys {
  readonly #stories: ReadonlySet<object>;
  readonly #digests = new Map<object, string>();
  readonly #context: string;

  constructor(stories: readonly ArticleView[], context: string) {
    this.#stories = new Set(stories);
    this.#context = sha256(context);
  }

  key(view: object): string {
    const json = JSON.stringify(view, (name, value: unknown) =>
      name !== "" && typeof value === "object" && value !== null && this.#stories.has(value) ? `story:${this.#digest(value)}` : value,
    );
    return sha256(`${this.#context}\n${json}`);
  }

  #digest(story: object): string {
    let digest = this.#digests.get(story);
    if (digest === undefined) {
      digest = sha256(JSON.stringify(story));
      this.#digests.set(story, digest);
    }
    return digest;
  }
}

export class RenderedPages {
  readonly #folder: string;
  /** Entries in the cache folder, by key: their file names. Read once, then kept up to date. */
  #entries: Map<string, string> | undefined;
  /** What each output folder holds from earlier builds of this process (the dev server's), by page file: its key. */
  readonly #placed = new Map<string, string>();
  /** This build's pages: the file each is written to and its key, and whether Eleventy renders it. */
  #pages: { file: string; key: string; rendered: boolean }[] = [];
  #damaged = 0;
  #writeProblem: string | undefined;

  constructor(folder: string) {
    this.#folder = folder;
  }

  /**
   * Decides which pages this build renders: every page whose key has no sound entry. The others are
   * written into `output` at once from their entries (unless it holds them already) and left out of
   * the views returned, which are what Eleventy renders.
   */
  plan(views: PageViews, stories: readonly ArticleView[], context: string, output: string): PageViews {
    this.#pages = [];
    this.#damaged = 0;
    this.#writeProblem = undefined;
    const keys = new ViewKeys(stories, context);
    const entries = this.#readEntries();
    const toRender = <T extends { url: string }>(list: readonly T[]): T[] =>
      list.filter((view) => {
        const file = pageFile(output, view.url);
        const key = keys.key(view);
        const reused = (this.#placed.get(resolve(file)) === key && existsSync(file)) || this.#copyEntry(entries, key, file);
        this.#pages.push({ file, key, rendered: !reused });
        return !reused;
      });
    return {
      stories: toRender(views.stories),
      withdrawn: toRender(views.withdrawn),
      news: toRender(views.news),
      topics: toRender(views.topics),
      archive: toRender(views.archive),
      topicIndexes: toRender(views.topicIndexes),
      archiveIndexes: toRender(views.archiveIndexes),
    };
  }

  /**
   * After Eleventy has written this build's pages (`written`, each file with the text written to
   * it): keeps the newly rendered ones, prunes entries no page used, and removes the pages of
   * `output` this build did not write or reuse.
   */
  finish(output: string, written: readonly { file: string; content: string }[]): void {
    const entries = this.#readEntries();
    const contents = new Map(written.map(({ file, content }) => [resolve(file), content]));
    const used = new Set<string>();
    for (const { file, key, rendered } of this.#pages) {
      used.add(key);
      this.#placed.set(resolve(file), key);
      const content = contents.get(resolve(file));
      if (rendered && content !== undefined && !entries.has(key)) this.#writeEntry(entries, key, Buffer.from(content));
    }
    for (const [key, name] of entries) {
      if (used.has(key)) continue;
      removeEntry(join(this.#folder, name));
      entries.delete(key);
    }
    for (const file of removeStalePages(output, [...written.map(({ file }) => file), ...this.#pages.map(({ file }) => file)])) this.#placed.delete(file);
  }

  /** One line for the build log. */
  summary(): string {
    const rendered = this.#pages.filter((page) => page.rendered).length;
    return `pages: ${rendered} rendered, ${this.#pages.length - rendered} reused from ${this.#folder}`;
  }

  /** One line when the cache let this build down (damaged entries, a folder it cannot write), else undefined. */
  warning(): string | undefined {
    const problems = [
      ...(this.#damaged > 0 ? [`${this.#damaged} damaged ${this.#damaged === 1 ? "entry" : "entries"} in ${this.#folder} ignored and rendered again`] : []),
      ...(this.#writeProblem === undefined ? [] : [`could not write ${this.#folder} (${this.#writeProblem}), so the next build renders these pages again`]),
    ];
    return problems.length === 0 ? undefined : `pages: ${problems.join("; ")}`;
  }

  #readEntries(): Map<string, string> {
    if (this.#entries) return this.#entries;
    const entries = new Map<string, string>();
    let names: string[] = [];
    try {
      names = readdirSync(this.#folder);
    } catch {
      // No cache yet, or none readable: every page is rendered.
    }
    for (const name of names) {
      const [, key] = ENTRY.exec(name) ?? [];
      if (key) entries.set(key, name);
      // Left by a build that stopped midway.
      else if (name.endsWith(".tmp")) removeEntry(join(this.#folder, name));
    }
    this.#entries = entries;
    return entries;
  }

  /** Writes the page from its entry into `file`; false when there is none or it is damaged (then removed). */
  #copyEntry(entries: Map<string, string>, key: string, file: string): boolean {
    const name = entries.get(key);
    if (name === undefined) return false;
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(join(this.#folder, name));
    } catch (error) {
      // Pruned since the folder was read: simply rendered. Unreadable: as good as damaged.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        entries.delete(key);
        return false;
      }
    }
    if (bytes === undefined || sha256(bytes) !== ENTRY.exec(name)?.[2]) {
      this.#damaged += 1;
      removeEntry(join(this.#folder, name));
      entries.delete(key);
      return false;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    return true;
  }

  #writeEntry(entries: Map<string, string>, key: string, bytes: Buffer): void {
    if (this.#writeProblem !== undefined) return;
    const temporary = join(this.#folder, `${randomUUID()}.tmp`);
    try {
      const entry = `${key}.${sha256(bytes)}.html`;
      mkdirSync(this.#folder, { recursive: true });
      writeFileSync(temporary, bytes);
      renameSync(temporary, join(this.#folder, entry));
      entries.set(key, entry);
    } catch (error) {
      this.#writeProblem = (error as NodeJS.ErrnoException).code ?? String(error);
      removeEntry(temporary);
    }
  }
}
