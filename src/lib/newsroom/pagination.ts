/** A link in a page list: a page number, or a gap standing for the pages between. */
export type PageLink = { number: number; url: string; current: boolean } | { gap: true };

/** One page of a paginated list, with everything its navigation prints. */
export interface ListPage<T> {
  /** Counted from the oldest page; none on the list's first page, which shows the newest items. */
  number?: number;
  url: string;
  items: T[];
  /** The page of newer items, and of older ones. */
  previous?: string;
  next?: string;
  /** The numbered pages around this one, newest first; empty when the list has one page. */
  links: PageLink[];
}

/** Pages always linked around the current one: enough to jump, few enough for a phone. */
const NEIGHBOURS = 2;

/**
 * Splits items, newest first, into pages that stay as they are when newer items come: numbered
 * pages hold `size` items each, counted from the oldest, so page 3 lists the same stories
 * tomorrow and a day's stories change only the list's first page, the page they complete and its
 * neighbours' links (a build renders a page only when it changes). The first page, at
 * `urlFor(undefined)`, shows the items no numbered page holds yet and the newest full page's,
 * from `size` to `2 * size - 1` of them; there is always a first page, even for no items, so the
 * list exists on an empty site. No page prints how many pages there are: that changes daily.
 */
export function paginate<T>(items: readonly T[], size: number, urlFor: (number?: number) => string): ListPage<T>[] {
  const numbered = Math.max(0, Math.floor(items.length / size) - 1);
  const oldest = (number: number) => items.length - (number - 1) * size;
  const first: ListPage<T> = {
    url: urlFor(),
    items: items.slice(0, oldest(numbered + 1)),
    next: numbered > 0 ? urlFor(numbered) : undefined,
    links: pageLinks(undefined, numbered, urlFor),
  };
  const pages = Array.from({ length: numbered }, (_, index): ListPage<T> => {
    const number = numbered - index;
    return {
      number,
      url: urlFor(number),
      items: items.slice(oldest(number + 1), oldest(number)),
      previous: urlFor(number < numbered ? number + 1 : undefined),
      next: number > 1 ? urlFor(number - 1) : undefined,
      links: pageLinks(number, numbered, urlFor),
    };
  });
  return [first, ...pages];
}

/**
 * The numbered pages a page links, newest first: its neighbours and the oldest page, with a gap
 * between (a gap of one page is shown as that page). The first page links the newest numbered
 * pages as its neighbours. Only the newest pages' links depend on how many there are.
 */
function pageLinks(current: number | undefined, numbered: number, urlFor: (number?: number) => string): PageLink[] {
  const around = current ?? numbered + 1;
  const shown = [...new Set([...Array.from({ length: 2 * NEIGHBOURS + 1 }, (_, i) => around + NEIGHBOURS - i), 1])].filter(
    (number) => number >= 1 && number <= numbered,
  );
  return shown.flatMap((number, index): PageLink[] => {
    const link = { number, url: urlFor(number), current: number === current };
    const newer = shown[index - 1];
    if (newer === undefined || number === newer - 1) return [link];
    return number === newer - 2 ? [{ number: newer - 1, url: urlFor(newer - 1), current: false }, link] : [{ gap: true }, link];
  });
}
