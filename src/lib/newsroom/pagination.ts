/** A link in a page list: a page number, or a gap standing for the pages between. */
export type PageLink = { number: number; url: string; current: boolean } | { gap: true };

/** One page of a paginated list, with everything its navigation prints. */
export interface ListPage<T> {
  number: number;
  count: number;
  url: string;
  items: T[];
  previous?: string;
  next?: string;
  links: PageLink[];
}

/** Pages always linked around the current one: enough to jump, few enough for a phone. */
const NEIGHBOURS = 2;

/**
 * Splits items into pages of `size`. There is always a first page, even for no items, so the
 * list's page exists on an empty site. The links show the first and last page and the current
 * page's neighbours, with gaps between.
 */
export function paginate<T>(items: readonly T[], size: number, urlFor: (number: number) => string): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    return {
      number,
      count,
      url: urlFor(number),
      items: items.slice(index * size, number * size),
      previous: number > 1 ? urlFor(number - 1) : undefined,
      next: number < count ? urlFor(number + 1) : undefined,
      links: pageLinks(number, count, urlFor),
    };
  });
}

function pageLinks(current: number, count: number, urlFor: (number: number) => string): PageLink[] {
  const shown = [...new Set([1, count, ...Array.from({ length: 2 * NEIGHBOURS + 1 }, (_, i) => current - NEIGHBOURS + i)])]
    .filter((number) => number >= 1 && number <= count)
    .sort((a, b) => a - b);
  return shown.flatMap((number, index): PageLink[] => {
    const link = { number, url: urlFor(number), current: number === current };
    const previous = shown[index - 1];
    if (previous === undefined || number === previous + 1) return [link];
    // A gap of one page is shown as that page: "1 2 3", never "1 … 3".
    return number === previous + 2 ? [{ number: previous + 1, url: urlFor(previous + 1), current: false }, link] : [{ gap: true }, link];
  });
}
