import assert from "node:assert/strict";
import { test } from "node:test";
import { paginate, type PageLink } from "../../../src/lib/newsroom/pagination.ts";

const urlFor = (number?: number) => (number === undefined ? "/" : `/page/${number}/`);
const numbers = (links: PageLink[]) => links.map((link) => ("gap" in link ? "…" : link.current ? `[${link.number}]` : String(link.number)));
/** Items newest first, as lists hold stories: 1 is the oldest. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);

test("numbered pages hold `size` items counted from the oldest; the first page the rest, newest first", () => {
  const pages = paginate(newestFirst(7), 2, urlFor);
  assert.deepEqual(
    pages.map(({ url, items }) => [url, items]),
    [
      ["/", [7, 6, 5]],
      ["/page/2/", [4, 3]],
      ["/page/1/", [2, 1]],
    ],
  );
  assert.deepEqual(pages.map(({ url, previous, next }) => [previous, url, next]), [
    [undefined, "/", "/page/2/"],
    ["/", "/page/2/", "/page/1/"],
    ["/page/2/", "/page/1/", undefined],
  ]);
  assert.deepEqual(pages.map(({ number }) => number), [undefined, 2, 1]);
});

test("the first page shows from one page's worth to just under two, so it is never nearly empty", () => {
  for (const [count, first] of [[19, 19], [20, 20], [39, 39], [40, 20], [41, 21], [59, 39], [60, 20]] as const) {
    const pages = paginate(newestFirst(count), 20, urlFor);
    assert.equal(pages[0]!.items.length, first, `${count} items`);
    assert.deepEqual(pages.flatMap(({ items }) => items), newestFirst(count), `${count} items: each once, in order`);
  }
});

test("an empty list still has its first page, with no page links", () => {
  assert.deepEqual(paginate([], 20, urlFor), [{ url: "/", items: [], next: undefined, links: [] }]);
});

test("a numbered page keeps its items and links as newer items come, but for the newest two", () => {
  const before = paginate(newestFirst(200), 5, urlFor);
  const after = paginate(newestFirst(237), 5, urlFor);
  const byUrl = new Map(after.map((page) => [page.url, page]));
  const unchanged = before.filter((page) => page.number !== undefined && JSON.stringify(byUrl.get(page.url)) === JSON.stringify(page));
  // 39 numbered pages before; all but the newest two stay byte for byte the same.
  assert.equal(before.length - 1, 39);
  assert.deepEqual(
    before.filter((page) => page.number !== undefined && !unchanged.includes(page)).map(({ number }) => number),
    [39, 38],
  );
});

test("page links show the newest neighbours and the oldest page, newest first, with gaps between", () => {
  const pages = paginate(newestFirst(100), 5, urlFor);
  assert.equal(pages.length, 20);
  const page = (number: number) => pages.find((candidate) => candidate.number === number)!;
  assert.deepEqual(numbers(pages[0]!.links), ["19", "18", "…", "1"]);
  assert.deepEqual(numbers(page(19).links), ["[19]", "18", "17", "…", "1"]);
  assert.deepEqual(numbers(page(10).links), ["12", "11", "[10]", "9", "8", "…", "1"]);
  assert.deepEqual(numbers(page(5).links), ["7", "6", "[5]", "4", "3", "2", "1"]);
  assert.deepEqual(numbers(page(1).links), ["3", "2", "[1]"]);
});
