import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fetchWirePhoto } from "../../../src/lib/import/wire-photo.ts";
import { wirePhoto } from "../../support/wire-photos.ts";

const options = { timeoutMs: 500, maxBytes: 1024 * 1024 };

test("takes a picture delivered beside the item, by its bytes' type, and nothing outside the item's folder", async (t) => {
  const drop = mkdtempSync(join(tmpdir(), "wire-drop-"));
  t.after(() => rmSync(drop, { recursive: true, force: true }));
  writeFileSync(join(drop, "lavrov.JPG"), await wirePhoto(900, 600));
  writeFileSync(join(drop, "drawing.svg"), `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`);
  const item = join(drop, "item.json");

  const found = await fetchWirePhoto("lavrov.JPG", item, options);
  assert.ok(found.ok);
  assert.equal(found.photo.extension, "jpg");
  assert.equal(found.photo.width, 900);

  const outside = await fetchWirePhoto("../../etc/passwd", item, options);
  assert.deepEqual(outside, { ok: false, message: `"../../etc/passwd" is outside the item's folder (expected a picture delivered beside the item)` });
  const svg = await fetchWirePhoto("drawing.svg", item, options);
  assert.ok(!svg.ok && svg.message.startsWith(`"drawing.svg" is a svg file (expected a JPEG`), JSON.stringify(svg));
  const missing = await fetchWirePhoto("gone.jpg", item, options);
  assert.ok(!missing.ok && missing.message.startsWith(`"gone.jpg" could not be read (ENOENT;`));
  const scheme = await fetchWirePhoto("file:///etc/passwd", item, options);
  assert.ok(!scheme.ok && scheme.message.startsWith(`"file:///etc/passwd" is a file: address`));
});

test("fetches an http picture within its limits of time and size", async (t) => {
  const photo = await wirePhoto(400, 300);
  const server = createServer((request, response) => {
    if (request.url === "/photo.jpg") response.end(photo);
    else if (request.url === "/huge.jpg") response.end(Buffer.alloc(options.maxBytes + 1));
    else if (request.url === "/slow.jpg") setTimeout(() => response.end(photo), 2_000);
    else response.writeHead(404, "Not Found").end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  t.after(() => server.closeAllConnections());
  t.after(() => server.close());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fetched = await fetchWirePhoto(`${base}/photo.jpg`, "/drop/item.xml", options);
  assert.ok(fetched.ok);
  assert.equal(fetched.photo.width, 400);
  assert.deepEqual(await fetchWirePhoto(`${base}/missing.jpg`, "/drop/item.xml", options), {
    ok: false,
    message: `"${base}/missing.jpg" answered 404 Not Found (expected the picture)`,
  });
  const huge = await fetchWirePhoto(`${base}/huge.jpg`, "/drop/item.xml", options);
  assert.ok(!huge.ok && huge.message.includes("is larger than 1 MB"));
  const slow = await fetchWirePhoto(`${base}/slow.jpg`, "/drop/item.xml", options);
  assert.ok(!slow.ok && slow.message.includes("no answer within 0.5 s"), JSON.stringify(slow));
});
