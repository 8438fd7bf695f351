import assert from "node:assert/strict";
import { test } from "node:test";
import { rewriteMarkupLinks } from "../../../src/lib/outputs/markup-links.ts";
import { pageLinkUrl } from "../../../src/lib/model/urls.ts";

const fromStory = (html: string) => rewriteMarkupLinks(html, (url) => pageLinkUrl(url, "/news/2013/09/02/talks.html", "/newsroom/"));

test("links, stylesheets, images and their srcsets become relative to the page", () => {
  assert.equal(
    fromStory('<link rel="stylesheet" href="/assets/site.1234567890.css"><a class="x" href="/topics/">Topics</a>'),
    '<link rel="stylesheet" href="../../../../assets/site.1234567890.css"><a class="x" href="../../../../topics/index.html">Topics</a>',
  );
  assert.equal(
    fromStory('<source type="image/avif" srcset="/assets/photos/a-320.1.avif 320w, /assets/photos/a-640.1.avif 640w" sizes="40rem"><img src="/assets/photos/a-1280.1.jpeg" alt="A" width="1280">'),
    '<source type="image/avif" srcset="../../../../assets/photos/a-320.1.avif 320w, ../../../../assets/photos/a-640.1.avif 640w" sizes="40rem"><img src="../../../../assets/photos/a-1280.1.jpeg" alt="A" width="1280">',
  );
});

test("only URL attributes of elements that link change: not text, not other attributes, not other sites", () => {
  const untouched = [
    '<p>Type href="/topics/" to link.</p>',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">',
    '<meta property="og:url" content="https://example.org/news/a.html">',
    '<a data-href="/topics/" href="https://example.org/topics/">x</a>',
    '<div title="/topics/">x</div>',
    '<script type="application/ld+json">{"url":"\\u003ca href=\\"/x\\"\\u003e"}</script>',
  ];
  for (const html of untouched) assert.equal(fromStory(html), html);
});

test("the 404 page links from the site's base path, as hosts serve it at any address", () => {
  assert.equal(rewriteMarkupLinks('<a href="/topics/">Topics</a>', (url) => pageLinkUrl(url, "/404.html", "/newsroom/")), '<a href="/newsroom/topics/">Topics</a>');
});
