import assert from "node:assert/strict";
import { test } from "node:test";
import { photoXmp } from "../../../src/lib/media/photo-xmp.ts";
import { readEmbeddedPhotoWords } from "../../../src/lib/import/photo-metadata.ts";
import { wirePhoto } from "../../support/wire-photos.ts";

/** The words a picture carrying the packet gives the importer. */
const readBack = async (packet: string) => readEmbeddedPhotoWords(await wirePhoto(400, 300, { xmp: packet }));

test("with no photographer named, the credit's agency is the creator; what is not known is left out", async () => {
  const packet = photoXmp({ credit: "AP", agency: "Associated Press" });
  assert.deepEqual(await readBack(packet), { credit: "AP", creator: "Associated Press" });
  for (const property of ["dc:rights", "xmpRights:UsageTerms", "xmpRights:WebStatement", "plus:Licensor", "dc:description", "Iptc4xmpCore:AltTextAccessibility"]) {
    assert.ok(!packet.includes(`<${property}>`), property);
  }
  assert.deepEqual(await readBack(photoXmp({ credit: "Jane Doe" })), { credit: "Jane Doe" });
});

test("the words are XML text: a quote, an ampersand or markup in them stays what it is", async () => {
  const credit = `Photo "AP" & <b>Co</b>`;
  const packet = photoXmp({ credit, licensePage: "https://example.com/?a=1&b=2" });
  assert.ok(!packet.includes("<b>"));
  assert.deepEqual(await readBack(packet), { credit, licensePage: "https://example.com/?a=1&b=2" });
});
