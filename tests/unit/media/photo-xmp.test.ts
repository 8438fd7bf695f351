import assert from "node:assert/strict";
import { test } from "node:test";
import { photoXmp } from "../../../src/lib/media/photo-xmp.ts";
import { readXmpWords } from "../../../src/lib/import/photo-metadata.ts";

test("with no photographer named, the credit's agency is the creator; what is not known is left out", () => {
  const packet = photoXmp({ credit: "AP", agency: "Associated Press" });
  assert.deepEqual(readXmpWords(packet), { credit: "AP", creator: "Associated Press" });
  for (const property of ["dc:rights", "xmpRights:UsageTerms", "xmpRights:WebStatement", "plus:Licensor", "dc:description", "Iptc4xmpCore:AltTextAccessibility"]) {
    assert.ok(!packet.includes(`<${property}>`), property);
  }
  assert.deepEqual(readXmpWords(photoXmp({ credit: "Jane Doe" })), { credit: "Jane Doe" });
});

test("the words are XML text: a quote, an ampersand or markup in them stays what it is", () => {
  const credit = `Photo "AP" & <b>Co</b>`;
  const packet = photoXmp({ credit, licensePage: "https://example.com/?a=1&b=2" });
  assert.ok(!packet.includes("<b>"));
  assert.deepEqual(readXmpWords(packet), { credit, licensePage: "https://example.com/?a=1&b=2" });
});
