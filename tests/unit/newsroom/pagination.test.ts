import assert from "node:assert/strict";
import { test } from "node:test";
import { paginate, type ListItem, type ListPage } from "../../../src/lib/newsroom/pagination.ts";
import { listPageUrl } from "../../../src/lib/model/urls.ts";

const urlFor = (key?: Parameters<typeof listPageUrl>[1]) => listPageUrl("/", key);

/** Stories newest first, as lists hold them: story 1 is the oldest, ten a day from 2013-09-01. */
function stories(numbers: readonly number[]): ListItem[] {
  return [...numbers]
    .sort((a, b) => b - a)
    .map((n) => ({ url: `/news/story-${n}.html`, published: { day: `2013-09-${String(1 + Math.floor((n - 1) / 10)).padStart(2, "0")}` } }));
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const names = (page: ListPage<ListItem>) => page.items.map(({ url }) => url);
/** The later pages of `after` that are not, byte for byte, a page of `before`. */
function changed(before: ListPage<ListItem>[], after: ListPage<ListItem>[]): string[] {
  const old = new Set(before.slice(1).map((page) => JSON.stringify(page)));
  return after.slice(1).filter((page) => !old.has(JSON.stringify(page))).map(({ url }) => url);
}

test("every item is on one page, newest first; later pages link newer and older, the first page the next", () => {
  const list = stories(range(1, 500));
  const pages = paginate(list, 20, urlFor);
  assert.deepEqual(pages.flatMap(names), list.map(({ url }) => url));
  assert.equal(pages[0]!.url, "/");
  assert.equal(pages[0]!.previous, undefined);
  pages.forEach((page, index) => {
    assert.equal(page.next, pages[index + 1]?.url, `${page.url} links the next older page`);
    if (index > 0) assert.equal(page.previous, pages[index - 1]!.url, `${page.url} links the next newer page`);
  });
  assert.equal(new Set(pages.map(({ url }) => url)).size, pages.length, "each page has an address of its own");
});

test("pages hold about `size` items: from half of it to twice it, the first page at least `size`", () => {
  const pages = paginate(stories(range(1, 2000)), 20, urlFor);
  const later = pages.slice(1).map(({ items }) => items.length);
  assert.ok(later.every((count) => count >= 10 && count <= 40), later.join());
  const mean = later.reduce((sum, count) => sum + count, 0) / later.length;
  assert.ok(mean > 15 && mean < 25, `about 20 a page (got ${mean})`);
  assert.ok(pages[0]!.items.length >= 20 && pages[0]!.items.length < 60, String(pages[0]!.items.length));
});

test("a later page is named by its newest item's day and hash, and knows its items' days", () => {
  const pages = paginate(stories(range(1, 300)), 20, urlFor);
  for (const page of pages.slice(1)) {
    const newest = page.items[0]!;
    assert.match(page.url, new RegExp(`^/page/${newest.published.day}-[0-9a-f]{8}/$`));
    assert.deepEqual(page.days, { first: page.items.at(-1)!.published.day, last: newest.published.day });
  }
  assert.equal(pages[0]!.days, undefined);
});

test("a short list, or none, is one first page with no links", () => {
  assert.deepEqual(paginate([], 20, urlFor), [{ url: "/", items: [], next: undefined }]);
  const pages = paginate(stories(range(1, 15)), 20, urlFor);
  assert.equal(pages.length, 1);
  assert.equal(pages[0]!.items.length, 15);
});

test("newer stories leave every earlier page as it was, but the newest one or two", () => {
  const before = paginate(stories(range(1, 3000)), 20, urlFor);
  const after = paginate(stories(range(1, 3300)), 20, urlFor);
  assert.ok(changed(before, after).length <= 2 + (after.length - before.length), changed(before, after).join());
  const kept = before.slice(1).filter((page) => after.some((other) => JSON.stringify(other) === JSON.stringify(page)));
  assert.ok(kept.length >= before.length - 3, `${kept.length} of ${before.length - 1} kept`);
});

test("a story withdrawn or published late changes its own page and at most two beside it", () => {
  const all = range(1, 3000);
  const before = paginate(stories(all), 20, urlFor);
  for (const gone of [1, 700, 1500, 2999]) {
    const after = paginate(stories(all.filter((n) => n !== gone)), 20, urlFor);
    assert.ok(changed(before, after).length <= 3, `without story ${gone}: ${changed(before, after).join()}`);
  }
  // Held since day 121 and published today: in its place by date, among day 121's stories.
  const withLate = paginate(stories([...all, 1200.5]), 20, urlFor);
  assert.ok(changed(before, withLate).length <= 3, changed(before, withLate).join());
  assert.ok(changed(before, withLate).length >= 1, "its own page changed");
});
