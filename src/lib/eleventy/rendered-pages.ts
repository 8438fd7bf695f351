/**
 * Pages rendered by earlier builds, kept so a build renders only the pages whose view changed, and
 * the plan that says, for every page, whether it is rendered or reused, and why.
 *
 * A page's key is a hash of everything its HTML is made from: the render context (templates,
 * code, the settings every page prints) and its view (see src/lib/newsroom/page-views.ts), with
 * each story in it standing for a hash of the whole story. Entries are `<key>.<sha256>.html`
 * under the cache folder: an entry is used only while its bytes still hash to its name, so a
 * cut-short or damaged entry is rendered again rather than published. Entries no build used are
 * pruned, and each is written under a temporary name and then renamed. Beside them, pages.json
 * records the last build's context and each page's view, which is how a plan tells a new page
 * from one whose view, or whose templates, changed.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
const LAST_BUILD = "pages.json";

/** Where a page at `url` is written, relative to the output folder, as Eleventy writes a permalink. */
export function pageFile(url: string): string {
  return (url.endsWith("/") ? `${url}index.html` : url).replace(/^\/+/, "");
}

/** Why a page is rendered, or that it is reused. */
export type PageReason = "new" | "view changed" | "templates or code changed" | "not in the page cache" | "reused";

export interface PlannedPage {
  url: string;
  /** Its file, relative to the output folder. */
  file: string;
  key: string;
  /** A hash of its view alone, for the next build's reasons. */
  view: string;
  rendered: boolean;
  reason: PageReason;
}

/** Which pages a build renders (`render`, the views Eleventy paginates over) and which it reuses, each with its reason. */
export interface PagePlan {
  /** A hash of the render context every page shares. */
  context: string;
  pages: PlannedPage[];
  render: PageViews;
}

/** What the page cache holds: sound entries by key, and what the last build rendered each page from. */
export interface CachedPages {
  entries: ReadonlyMap<string, string>;
  last: { context: string; views: Readonly<Record<string, string>> } | undefined;
}

/** The hashes of pages' views: each story in a view stands for a hash of it, computed once per story. */
class ViewHashes {
  readonly #stories: ReadonlySet<object>;
  readonly #digests = new Map<object, string>();

  constructor(stories: readonly ArticleView[]) {
    this.#stories = new Set(stories);
  }

  hash(view: object): string {
    return sha256(
      JSON.stringify(view, (name, value: unknown) =>
        name !== "" && typeof value === "object" && value !== null && this.#stories.has(value) ? `story:${this.#digest(value)}` : value,
      ),
    );
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

function reasonFor(cached: CachedPages, context: string, file: string, view: string, key: string): PageReason {
  if (cached.entries.has(key)) return "reused";
  const before = cached.last?.views[file];
  if (before === undefined) return "new";
  if (cached.last?.context !== context) return "templates or code changed";
  return before === view ? "not in the page cache" : "view changed";
}

/**
 * The page plan: every page whose key has a sound entry in the cache is reused, every other one
 * rendered, each with its reason. `context` is everything every page is rendered with.
 */
export function planPages(views: PageViews, stories: readonly ArticleView[], context: string, cached: CachedPages): PagePlan {
  const contextHash = sha256(context);
  const hashes = new ViewHashes(stories);
  const pages: PlannedPage[] = [];
  const toRender = <T extends { url: string }>(list: readonly T[]): T[] =>
    list.filter((page) => {
      const file = pageFile(page.url);
      const view = hashes.hash(page);
      const key = sha256(`${contextHash}\n${view}`);
      const reason = reasonFor(cached, contextHash, file, view, key);
      pages.push({ url: page.url, file, key, view, rendered: reason !== "reused", reason });
      return reason !== "reused";
    });
  return {
    context: contextHash,
    pages,
    render: {
      stories: toRender(views.stories),
      withdrawn: toRender(views.withdrawn),
      news: toRender(views.news),
      topics: toRender(views.topics),
      archive: toRender(views.archive),
      topicIndexes: toRender(views.topicIndexes),
      archiveIndexes: toRender(views.archiveIndexes),
    },
  };
}

/** The pages folder under .cache/: read before a plan, kept up to date after the pages are written. */
export class PageCache {
  readonly folder: string;
  /** Entries whose bytes were found to hash to their names, kept for the process's life (entries never change under their name). */
  readonly #verified = new Set<string>();
  #rendered = 0;
  #reused = 0;
  #damaged = 0;
  #writeProblem: string | undefined;

  constructor(folder: string) {
    this.folder = folder;
  }

  /** The sound entries (damaged ones are removed and counted) and the last build's record. */
  read(): CachedPages {
    this.#damaged = 0;
    this.#writeProblem = undefined;
    const entries = new Map<string, string>();
    let names: string[] = [];
    try {
      names = readdirSync(this.folder);
    } catch {
      // No cache yet, or none readable: every page is rendered.
    }
    for (const name of names) {
      const [, key, digest] = ENTRY.exec(name) ?? [];
      if (key && digest) {
        if (this.#isSound(name, digest)) entries.set(key, name);
      } else if (name.endsWith(".tmp")) {
        // Left by a build that stopped midway.
        removeEntry(join(this.folder, name));
      }
    }
    return { entries, last: this.#readLastBuild() };
  }

  /** The path of a sound entry's file. */
  entryPath(cached: CachedPages, key: string): string {
    const name = cached.entries.get(key);
    if (name === undefined) throw new Error(`no page cache entry for key ${key}`);
    return join(this.folder, name);
  }

  /**
   * After the pages are written: keeps the newly rendered ones (`rendered`, by file), prunes
   * entries no page used, and records what each page was made from.
   */
  keep(plan: PagePlan, cached: CachedPages, rendered: ReadonlyMap<string, string>): void {
    const used = new Set<string>();
    for (const { file, key, rendered: wasRendered } of plan.pages) {
      used.add(key);
      const content = rendered.get(file);
      if (wasRendered && content !== undefined && !cached.entries.has(key)) this.#writeEntry(key, Buffer.from(content));
    }
    for (const [key, name] of cached.entries) if (!used.has(key)) removeEntry(join(this.folder, name));
    const views = Object.fromEntries(plan.pages.map(({ file, view }) => [file, view]));
    this.#writeFile(LAST_BUILD, Buffer.from(JSON.stringify({ context: plan.context, views })));
    this.#rendered = plan.pages.filter((page) => page.rendered).length;
    this.#reused = plan.pages.length - this.#rendered;
  }

  /** One line for the build log. */
  summary(): string {
    return `pages: ${this.#rendered} rendered, ${this.#reused} reused from ${this.folder}`;
  }

  /** One line when the cache let this build down (damaged entries, a folder it cannot write), else undefined. */
  warning(): string | undefined {
    const problems = [
      ...(this.#damaged > 0 ? [`${this.#damaged} damaged ${this.#damaged === 1 ? "entry" : "entries"} in ${this.folder} ignored and rendered again`] : []),
      ...(this.#writeProblem === undefined ? [] : [`could not write ${this.folder} (${this.#writeProblem}), so the next build renders these pages again`]),
    ];
    return problems.length === 0 ? undefined : `pages: ${problems.join("; ")}`;
  }

  #isSound(name: string, digest: string): boolean {
    if (this.#verified.has(name)) return true;
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(join(this.folder, name));
    } catch (error) {
      // Pruned since the folder was read: simply rendered. Unreadable: as good as damaged.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    }
    if (bytes === undefined || sha256(bytes) !== digest) {
      this.#damaged += 1;
      removeEntry(join(this.folder, name));
      return false;
    }
    this.#verified.add(name);
    return true;
  }

  #readLastBuild(): CachedPages["last"] {
    try {
      const record = JSON.parse(readFileSync(join(this.folder, LAST_BUILD), "utf8")) as unknown;
      if (typeof record === "object" && record !== null && "context" in record && "views" in record && typeof record.context === "string" && typeof record.views === "object" && record.views !== null) {
        return { context: record.context, views: record.views as Record<string, string> };
      }
    } catch {
      // None yet, or unreadable: every page not reused is "new".
    }
    return undefined;
  }

  #writeEntry(key: string, bytes: Buffer): void {
    const entry = `${key}.${sha256(bytes)}.html`;
    if (this.#writeFile(entry, bytes)) this.#verified.add(entry);
  }

  /** Writes a file of the cache under a temporary name, then renames it; false (and a warning) when the folder cannot be written. */
  #writeFile(name: string, bytes: Buffer): boolean {
    if (this.#writeProblem !== undefined) return false;
    const temporary = join(this.folder, `${randomUUID()}.tmp`);
    try {
      mkdirSync(this.folder, { recursive: true });
      writeFileSync(temporary, bytes);
      renameSync(temporary, join(this.folder, name));
      return true;
    } catch (error) {
      this.#writeProblem = (error as NodeJS.ErrnoException).code ?? String(error);
      removeEntry(temporary);
      return false;
    }
  }
}
