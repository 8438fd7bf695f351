import assert from "node:assert/strict";
import { test } from "node:test";
import { absoluteUrl } from "../../../src/lib/model/site-urls.ts";

test("a site path keeps the site's path prefix", () => {
  assert.equal(absoluteUrl("/news/a.html", { url: "https://h.example/newsroom/" }), "https://h.example/newsroom/news/a.html");
  assert.equal(absoluteUrl("/news/a.html", { url: "https://h.example/" }), "https://h.example/news/a.html");
});

test("folder URLs stay folder URLs and the root is the site URL itself", () => {
  assert.equal(absoluteUrl("/topics/korea/", { url: "https://h.example/newsroom/" }), "https://h.example/newsroom/topics/korea/");
  assert.equal(absoluteUrl("/", { url: "https://h.example/newsroom/" }), "https://h.example/newsroom/");
});

test("a colon in the first segment stays part of the path", () => {
  assert.equal(absoluteUrl("/a:b.html", { url: "https://h.example/n/" }), "https://h.example/n/a:b.html");
});

test("characters a URL cannot hold are percent-encoded", () => {
  assert.equal(absoluteUrl("/news/photo wide.jpg", { url: "https://h.example/" }), "https://h.example/news/photo%20wide.jpg");
});

test("anything but a site-root path is refused", () => {
  for (const path of ["news/a.html", "//evil.example/a.html", "https://h.example/a.html"]) {
    assert.throws(() => absoluteUrl(path, { url: "https://h.example/" }), /site-root path/, path);
  }
});
