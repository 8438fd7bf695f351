import { test } from "node:test";
import assert from "node:assert/strict";
import { readEmbeddedPhotoWords } from "../../../src/lib/import/photo-metadata.ts";
import { photoXmp } from "../../../src/lib/media/photo-xmp.ts";
import { wirePhoto, xmpPacket } from "../../support/wire-photos.ts";

test("reads alt text, caption and credit from the XMP a picture carries", async () => {
  const bytes = await wirePhoto(400, 300, { xmp: xmpPacket({ alt: "Sergei Lavrov at a lectern", caption: "Lavrov speaks at MGIMO", credit: "Photo EPA/ITAR-TASS" }) });
  assert.deepEqual(await readEmbeddedPhotoWords(bytes), {
    alt: "Sergei Lavrov at a lectern",
    caption: "Lavrov speaks at MGIMO",
    credit: "Photo EPA/ITAR-TASS",
  });
});

test("reads caption and credit from IPTC-IIM, and prefers XMP where both speak", async () => {
  const iimOnly = await wirePhoto(400, 300, { iim: { caption: "Лавров в МГИМО", credit: "EPA" } });
  assert.deepEqual(await readEmbeddedPhotoWords(iimOnly), { caption: "Лавров в МГИМО", credit: "EPA" });
  const both = await wirePhoto(400, 300, { iim: { caption: "old caption", credit: "EPA" }, xmp: xmpPacket({ caption: "new caption" }) });
  assert.deepEqual(await readEmbeddedPhotoWords(both), { caption: "new caption", credit: "EPA" });
});

test("reads the rights a picture carries: the photographer and copyright notice from IIM, and from XMP the licence's addresses and terms too", async () => {
  const iim = await wirePhoto(400, 300, { iim: { credit: "EPA", byline: "Юрий Машков", copyright: "© ТАСС" } });
  assert.deepEqual(await readEmbeddedPhotoWords(iim), { credit: "EPA", creator: "Юрий Машков", copyright: "© ТАСС" });
  const xmp = await wirePhoto(400, 300, { xmp: photoXmp({ credit: "AP", creator: "Evan Vucci", copyright: "© 2024 AP", usageTerms: "Editorial use only", license: "https://ap.org/terms", licensePage: "https://newsroom.ap.org/" }) });
  assert.deepEqual(await readEmbeddedPhotoWords(xmp), { credit: "AP", creator: "Evan Vucci", copyright: "© 2024 AP", usageTerms: "Editorial use only", license: "https://ap.org/terms", licensePage: "https://newsroom.ap.org/" });
});

test("a picture without metadata, or bytes that are no picture, give no words", async () => {
  assert.deepEqual(await readEmbeddedPhotoWords(await wirePhoto(400, 300)), {});
  assert.deepEqual(await readEmbeddedPhotoWords(Buffer.from("not a picture")), {});
});

test("an XMP packet with a DOCTYPE is not expanded", async () => {
  const hostile = `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` + xmpPacket({ alt: "&b;" });
  assert.deepEqual(await readEmbeddedPhotoWords(await wirePhoto(400, 300, { xmp: hostile })), {});
  assert.deepEqual(await readEmbeddedPhotoWords(await wirePhoto(400, 300, { xmp: xmpPacket({ alt: "Tom &amp; Jerry" }) })), { alt: "Tom & Jerry" });
});
