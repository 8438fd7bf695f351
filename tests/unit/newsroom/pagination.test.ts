import assert from "node:assert/strict";
import { test } from "node:test";
import { paginate, type PageLink } from "../../../src/lib/newsroom/pagination.ts";

const urlFor = (number: number) => (number === 1 ? "/" : `/page/${number}/`);
const numbers = (links: PageLink[]) => links.map((link) => ("gap" in link ? "…" : link.current ? `[${link.number}]` : String(link.number)));

test("items are split into pages of the given size, linked to each other", () => {
  const pages = paginate([1, 2, 3, 4, 5], 2, urlFor);
  assert.deepEqual(pages.map(({ items }) => items), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(pages.map(({ url, previous, next }) => [previous, url, next]), [
    [undefined, "/", "/page/2/"],
    ["/", "/page/2/", "/page/3/"],
    ["/page/2/", "/page/3/", undefined],
  ]);
  assert.ok(pages.every(({ count }) => count === 3));
});

test("an empty list still has its first page", () => {
  assert.deepEqual(paginate([], 20, urlFor), [
    { number: 1, count: 1, url: "/", items: [], previous: undefined, next: undefined, links: [{ number: 1, url: "/", current: true }] },
  ]);
});

test("page links show the ends and the current page's neighbours, with gaps between", () => {
  const pages = paginate(Array.from({ length: 100 }, (_, i) => i), 5, urlFor);
  assert.equal(pages.length, 20);
  assert.deepEqual(numbers(pages[0]!.links), ["[1]", "2", "3", "…", "20"]);
  assert.deepEqual(numbers(pages[9]!.links), ["1", "…", "8", "9", "[10]", "11", "12", "…", "20"]);
  assert.deepEqual(numbers(pages[3]!.links), ["1", "2", "3", "[4]", "5", "6", "…", "20"]);
  assert.deepEqual(numbers(pages[19]!.links), ["1", "…", "18", "19", "[20]"]);
});
