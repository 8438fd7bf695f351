/**
 * Pages rendered by earlier builds, kept so a build renders only the pages whose view changed, and
 * the plan that says, for every page, whether it is rendered or reused, and why.
 *
 * A page's key is a hash of everything its HTML is made from: the render context (templates,
 * code, the settings every page prints) and its view (see src/lib/newsroom/page-views.ts), with
 * each story in it standing for a hash of the whole story, or of all it is made from. The pages
 * are kept in the cache store's pages area (src/lib/cache/store.ts: an entry checked when used, a
 * damaged one rendered again, entries no build used pruned); the area's note records the last
 * build's context and each page's view, which is how a plan tells a new page from one whose view,
 * or templates, changed.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { CacheArea, CacheStore } from "../cache/store.ts";
import type { ArticleView } from "../model/story-view.ts";
import type { PageViews, PlannedViews } from "../newsroom/page-views.ts";
import { articleDigest } from "../story/article.ts";

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** Where a page at `url` is written, relative to the output folder, as Eleventy writes a permalink. */
function pageFile(url: string): string {
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

/** Every page of a build, rendered or reused, with its reason; and the render context they share. */
export interface PlannedSite {
  /** A hash of the render context every page shares. */
  context: string;
  pages: PlannedPage[];
}

/** Which pages a build renders (`render`, the views Eleventy paginates over, stories' yet to be made) and which it reuses, each with its reason. */
export interface PagePlan extends PlannedSite {
  render: PlannedViews;
}

/** What the page cache holds: whether a sound entry is kept under a key, and what the last build rendered each page from. */
export interface CachedPages {
  /** Whether the page `file` (its path in the site) is kept under `key`. */
  has: (key: string, file: string) => boolean;
  last: { context: string; views: Readonly<Record<string, string>> } | undefined;
}

/**
 * The hashes of the stories and views the dev server's rebuilds share, by the object: they are
 * frozen (story-cache.ts, page-views.ts), so each is hashed once in the server's life.
 */
const sharedHashes = new WeakMap<object, string>();

/** The hashes of pages' views: each story in a view stands for a hash of it, computed once per story. */
class ViewHashes {
  readonly #stories: ReadonlySet<object>;
  readonly #digests = new Map<object, string>();

  constructor(stories: readonly ArticleView[]) {
    this.#stories = new Set(stories);
  }

  /**
   * A story's page holds its story as `article`, which stands for the story's hash there; a
   * list's items are a few of a story's fields, hashed as they are. Without a replacer function
   * JSON.stringify runs several times faster: at 10,000 stories calling one for every value was
   * most of the plan's time.
   */
  hash(view: object): string {
    return hashOnce(view, undefined, () => {
      const article: unknown = "article" in view ? view.article : undefined;
      const standIn = typeof article === "object" && article !== null && this.#stories.has(article) ? { ...view, article: `story:${this.#digest(article)}` } : view;
      return sha256(JSON.stringify(standIn));
    });
  }

  /** A story's hash: its digest from the story cache when it has one (see articleDigest), else its JSON's. */
  #digest(story: object): string {
    return hashOnce(story, this.#digests, () => articleDigest(story) ?? sha256(JSON.stringify(story)));
  }
}

/** `object`'s hash: kept for the server's life when it is frozen (shared), else in `kept`, if given, for this plan. */
function hashOnce(object: object, kept: Map<object, string> | undefined, hash: () => string): string {
  const store = Object.isFrozen(object) ? sharedHashes : kept;
  const known = store?.get(object);
  if (known !== undefined) return known;
  const made = hash();
  store?.set(object, made);
  return made;
}

function reasonFor(cached: CachedPages, context: string, file: string, view: string, key: string): PageReason {
  if (cached.has(key, file)) return "reused";
  const before = cached.last?.views[file];
  if (before === undefined) return "new";
  if (cached.last?.context !== context) return "templates or code changed";
  return before === view ? "not in the page cache" : "view changed";
}

/**
 * The page plan: every page whose key has a sound entry in the cache is reused, every other one
 * rendered, each with its reason. `context` is everything every page is rendered with.
 */
export function planPages(views: PlannedViews, stories: readonly ArticleView[], context: string, cached: CachedPages, pageKey: (context: string, view: string) => string): PagePlan {
  const contextHash = sha256(context);
  const hashes = new ViewHashes(stories);
  const pages: PlannedPage[] = [];
  const toRender = <T extends { url: string }>(list: readonly T[], hashOf: (page: T) => string = (page) => hashes.hash(page)): T[] =>
    list.filter((page) => {
      const file = pageFile(page.url);
      const view = hashOf(page);
      const key = pageKey(contextHash, view);
      const reason = reasonFor(cached, contextHash, file, view, key);
      pages.push({ url: page.url, file, key, view, rendered: reason !== "reused", reason });
      return reason !== "reused";
    });
  return {
    context: contextHash,
    pages,
    render: {
      // A story's page by what its view is made from, when it can tell: making every view only to hash it was most of a publish's plan.
      stories: toRender(views.stories, (page) => page.madeFrom() ?? hashes.hash(page.view())),
      withdrawn: toRender(views.withdrawn),
      front: toRender(views.front),
      news: toRender(views.news),
      topics: toRender(views.topics),
      authors: toRender(views.authors),
      archive: toRender(views.archive),
      topicIndexes: toRender(views.topicIndexes),
      archiveIndexes: toRender(views.archiveIndexes),
      searches: toRender(views.searches),
      notFound: toRender(views.notFound),
    },
  };
}

/** The pages area of the cache store: asked during a plan, kept up to date after the pages are written. */
export class PageCache {
  readonly #area: CacheArea;

  /** `folder`: the area, "pages" for a build's, another for the dev server's (drafts shown, live reload let in). */
  constructor(store: CacheStore, folder = "pages") {
    this.#area = store.area(folder, { name: "pages", made: "rendered" }, { extension: ".html", code: [RENDERING_CODE] });
  }

  /**
   * What the plan asks of the cache: whether a page is kept (each entry checked as it is asked for),
   * and the last build's record. `placedIn`: a site folder an earlier build placed the pages in.
   */
  read(placedIn?: string): CachedPages {
    return { has: (key, file) => this.#area.has(key, placedIn === undefined ? undefined : join(placedIn, file)), last: lastBuild(this.#area.note()) };
  }

  /** The key of a page: the one key rule of the store, on the render context's hash and the page's view. */
  key(context: string, view: string): string {
    return this.#area.key(context, view);
  }

  /**
   * Keeps the entry of a page the dev server's site holds already (it is not placed, so not
   * checked): the next build that starts afresh places it rather than render the page again.
   */
  keepInPlace(key: string): void {
    this.#area.reach(key);
  }

  /** Puts a reused page's entry at `target` in the output folder: a second name for it, not a copy. */
  place(key: string, target: string): void {
    this.#area.place(key, target);
  }

  /** Whether the file at `target` is the page kept under `key`, unchanged since it was placed there. */
  isPlacedAt(key: string, target: string): boolean {
    return this.#area.isPlacedAt(key, target);
  }

  /** Puts a page just rendered at `target` from its new entry, if the cache could keep it; false if not. */
  placeKept(key: string, target: string): boolean {
    if (!this.#area.has(key)) return false;
    this.#area.place(key, target);
    return true;
  }

  /** Keeps newly rendered pages: `content` of the page planned at `key`. */
  keep(key: string, content: string): void {
    this.#area.write(key, content);
  }

  /** Once every page is written: prunes the entries no page used, and records what each page was made from. */
  finish(plan: PlannedSite): void {
    this.#area.setNote({ context: plan.context, views: Object.fromEntries(plan.pages.map(({ file, view }) => [file, view])) });
    this.#area.prune();
    const made = plan.pages.filter((page) => page.rendered).length;
    this.#area.count("made", made);
    this.#area.count("reused", plan.pages.length - made);
  }
}

/**
 * The pages to render in runs of at most `size` pages, in the plan's order; always one run, even
 * of none, which renders the hosts' files. Eleventy holds every page of a run, its data and its
 * HTML, until the run ends: at 100,000 stories one run for every page outgrew Node's heap.
 */
export function renderRuns<Story>(render: PageViews<Story>, size: number): PageViews<Story>[] {
  const kinds = Object.keys(render) as (keyof PageViews<Story>)[];
  const empty = (): PageViews<Story> => Object.fromEntries(kinds.map((kind) => [kind, []])) as unknown as PageViews<Story>;
  const runs = [empty()];
  let count = 0;
  for (const kind of kinds) {
    for (const view of render[kind]) {
      if (count === size) {
        runs.push(empty());
        count = 0;
      }
      (runs.at(-1)![kind] as unknown[]).push(view);
      count += 1;
    }
  }
  return runs;
}

/** The render stage's module: its code, and all it imports, is in every page's key. */
const RENDERING_CODE = new URL("./render.ts", import.meta.url);

function lastBuild(note: unknown): CachedPages["last"] {
  if (typeof note === "object" && note !== null && "context" in note && "views" in note && typeof note.context === "string" && typeof note.views === "object" && note.views !== null) {
    return { context: note.context, views: note.views as Record<string, string> };
  }
  return undefined;
}
