import { createHash } from "node:crypto";
import type { ListPageKey } from "../model/urls.ts";

/** What a list page needs of an item: its address, which names it for good, and its calendar day. */
export interface ListItem {
  url: string;
  published: { day: string };
}

/** One page of a paginated list, with everything its navigation prints. */
export interface ListPage<T> {
  url: string;
  items: T[];
  /** The calendar days of a later page's items, oldest and newest; none on the list's first page. */
  days?: { first: string; last: string };
  /** The page of newer items, and of older ones. */
  previous?: string;
  next?: string;
}

/**
 * Splits a list, newest first, into pages that stay as they are while the list changes elsewhere,
 * so a build renders only the pages a change touches (see src/lib/eleventy/rendered-pages.ts).
 *
 * Pages are not cut every `size` items, which would move every older page's items each time a
 * story comes, goes or is published late. They are cut, walking from the oldest, after an item
 * whose address hashes to a mark (content-defined cuts, as rsync and backup tools cut files),
 * at least `size / 2` and at most `2 * size` items after the last cut: about `size` items a
 * page. A story added, withdrawn or moved changes its own page, and at most the next one or two
 * until the cuts fall as before. A later page's address names its newest item's day and that
 * item's hash (`page/2013-09-02-5e3a0c1d/`), so it keeps its address as pages are added.
 *
 * The first page, at `urlFor()`, holds the items after the last cut and the newest pages' until
 * it has at least `size`; there is always a first page, even for no items, so the list exists
 * on an empty site. No page prints how many pages there are: that changes daily.
 */
export function paginate<T extends ListItem>(items: readonly T[], size: number, urlFor: (key?: ListPageKey) => string): ListPage<T>[] {
  const [least, most] = [Math.max(1, Math.ceil(size / 2)), 2 * size];
  const spread = Math.max(1, size - least + 1);
  const chunks: { items: T[]; key: ListPageKey }[] = [];
  let open: T[] = [];
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index]!;
    open.push(item);
    const hash = createHash("sha256").update(item.url).digest("hex");
    if (open.length >= most || (open.length >= least && Number.parseInt(hash.slice(0, 8), 16) % spread === 0)) {
      chunks.push({ items: open.reverse(), key: { day: item.published.day, hash: hash.slice(0, 8) } });
      open = [];
    }
  }
  const first = open.reverse();
  while (first.length < size && chunks.length > 0) first.push(...chunks.pop()!.items);

  const later = chunks.reverse().map(({ items: own, key }) => ({ url: urlFor(key), items: own }));
  return [
    { url: urlFor(), items: first, next: later[0]?.url },
    ...later.map(({ url, items: own }, index) => ({
      url,
      items: own,
      days: { first: own.at(-1)!.published.day, last: own[0]!.published.day },
      previous: index === 0 ? urlFor() : later[index - 1]!.url,
      next: later[index + 1]?.url,
    })),
  ];
}
