import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deliveredFiles, deliveredKind, deliveredText, likelyEncoding } from "../../../src/lib/import/wire-drop.ts";

test("tells the formats apart by content, past any XML prolog", () => {
  assert.deepEqual(deliveredKind('\uFEFF  {"uri": "x"}'), { ok: true, kind: "json" });
  assert.deepEqual(deliveredKind("[{}]"), { ok: true, kind: "json" });
  const prolog = '<?xml version="1.0"?>\n<!-- feed -->\n<!DOCTYPE nitf SYSTEM "nitf-3-5.dtd" [<!ENTITY a "<b>">]>\n';
  assert.deepEqual(deliveredKind(`${prolog}<nitf version="-//IPTC//DTD NITF 3.5//EN">`), { ok: true, kind: "nitf" });
  assert.deepEqual(deliveredKind('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">'), { ok: true, kind: "newsml-g2" });
  assert.deepEqual(deliveredKind("<g2:newsItem xmlns:g2='x'>"), { ok: true, kind: "newsml-g2" });
  assert.deepEqual(deliveredKind('<?xml version="1.0" encoding="utf-8"?>\n<!--AFP NewsML text-photo profile-->\n<NewsML Version="1.2">'), { ok: true, kind: "newsml-1" });
  assert.deepEqual(deliveredKind("ZCZC\nHEADLINE\n"), { ok: true, kind: "text" });
  assert.deepEqual(deliveredKind("<rss version='2.0' xmlns:media='http://search.yahoo.com/mrss/'>"), { ok: true, kind: "rss" });
  assert.deepEqual(deliveredKind('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'), { ok: true, kind: "atom" });
  assert.deepEqual(deliveredKind("<a:feed xmlns:a='http://www.w3.org/2005/Atom'>"), { ok: true, kind: "atom" });
  const otherFeed = deliveredKind('<feed xmlns="urn:example:orders">');
  assert.ok(!otherFeed.ok && otherFeed.message.startsWith("XML with root element <feed> is not a format the importer reads"), "feed is Atom only in Atom's namespace");
  const rdf = deliveredKind("<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>");
  assert.ok(!rdf.ok && rdf.message.includes("RSS 2.0's rss, or Atom's feed"));
});

test("an ANPA 1312 file is refused as a format the importer does not read, never taken for wire text", () => {
  // AP's layout, trimmed, with made-up words: SYN SYN SOH, the selector code, then the keyword and category lines.
  const anpa =
    "\u0016\u0016\u0001z6715\u001f-----\nr z\u0013\u0011 BC-BKN--Harbour-Ferry 1stLd-Writethru   02-20 0500\r\n" +
    "\u0002^BC-BKN--Harbour-Ferry, 1st Ld-Writethru,416<\r\n^Ferry returns to the harbour<\r\n^AP Photo GATK105<\r\n^Eds: Updates.<\r\n" +
    "\t   PORT TOWN (AP) _ The old ferry came back.\r\n\t   \u0003AP-WF-02-20-16 0337GMT<\r\n\u0004";
  const kind = deliveredKind(anpa);
  assert.equal(kind.ok, false);
  assert.match(kind.ok ? "" : kind.message, /^an ANPA 1312 file .* a format the importer does not read \(expected the item in another format: .*NITF.*\)$/);
  // IPTC 7901 text, opening with SOH alone, is still wire text.
  assert.deepEqual(deliveredKind("\u0001eca062 4 i 211 ccccb   dpa 061\r\n\r\nGermany-politics/\r\n\u0002Headline =\r\n"), { ok: true, kind: "text" });
});

test("a file's text: UTF-8, or Latin-1 where its XML declaration says so", () => {
  const declared = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<p>';
  const latin1 = Buffer.concat([Buffer.from(`${declared}D\u00e9c\u00e8s `, "latin1"), Buffer.from([0x93, 0x61, 0x94, 0x96]), Buffer.from("</p>")]);
  assert.equal(deliveredText(latin1), `${declared}Décès “a”–</p>`);
  assert.equal(deliveredText(Buffer.from(`${declared}Décès</p>`, "utf8")), `${declared}Décès</p>`, "bytes that are UTF-8 are read as UTF-8, whatever the declaration");
  assert.equal(deliveredText(Buffer.from("<p>D\u00e9c\u00e8s</p>", "latin1")), undefined, "Latin-1 without a declaration saying so");
  assert.equal(deliveredText(Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><p>\u00e9</p>', "latin1")), undefined);
});

test("a file that is not UTF-8: the encoding its bytes read as, named as iconv names it, when it can be told", () => {
  const utf16 = Buffer.from("GULLS RETURN\n\nOSLO - Café.\n", "utf16le");
  assert.equal(likelyEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16])), "UTF-16", "by its byte order mark");
  assert.equal(likelyEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16.swap16()])), "UTF-16");
  assert.equal(likelyEncoding(Buffer.from("<?xml version='1.0'?>", "utf16le")), "UTF-16LE", "a zero byte beside an ASCII first character");
  assert.equal(likelyEncoding(Buffer.from("<?xml version='1.0'?>", "utf16le").swap16()), "UTF-16BE");
  assert.equal(likelyEncoding(Buffer.from("Gulls at the caf\u00e9.\n", "latin1")), "ISO-8859-1");
  assert.equal(likelyEncoding(Buffer.concat([Buffer.from("Gulls "), Buffer.from([0x93, 0x61, 0x94]), Buffer.from("\n")])), "WINDOWS-1252", "its quotes in 0x80 to 0x9F");
  assert.equal(likelyEncoding(Buffer.from([0x47, 0x01, 0x02, 0xe9, 0x1b])), undefined, "control codes: no text of any encoding told");
});

test("a folder is a drop of items: its pictures and hidden files are not items", (t) => {
  const drop = mkdtempSync(join(tmpdir(), "wire-drop-"));
  t.after(() => rmSync(drop, { recursive: true, force: true }));
  for (const name of ["b.xml", "a.json", "0001", "photo.JPG", ".DS_Store", "scan.tiff"]) writeFileSync(join(drop, name), "x");
  mkdirSync(join(drop, "sub"));
  const single = join(drop, "a.json");
  const { files, problems } = deliveredFiles([drop, single, join(drop, "gone.xml")]);
  assert.deepEqual(files, [join(drop, "0001"), join(drop, "a.json"), join(drop, "b.xml")]);
  assert.deepEqual(problems, [{ file: join(drop, "gone.xml"), field: "", message: "does not exist (expected an item file or a folder of them)", code: "WD200" }]);
});

test("a desk's notes, spreadsheets and documents in a drop are refused as no agency's item, never made stories", (t) => {
  const drop = mkdtempSync(join(tmpdir(), "wire-drop-"));
  t.after(() => rmSync(drop, { recursive: true, force: true }));
  for (const name of ["0001.txt", "README.md", "list.CSV"]) writeFileSync(join(drop, name), "x");
  const { files, problems } = deliveredFiles([drop]);
  assert.deepEqual(files, [join(drop, "0001.txt")]);
  assert.deepEqual(
    problems.map(({ file, message, code }) => [file, message, code]),
    [
      [join(drop, "README.md"), "a .md file, which is no agency's item (expected NewsML-G2, NewsML 1.2, NITF, ninjs or another JSON, RSS, Atom, JSON Feed or wire text: keep other files out of the drop)", "WD202"],
      [join(drop, "list.CSV"), "a .csv file, which is no agency's item (expected NewsML-G2, NewsML 1.2, NITF, ninjs or another JSON, RSS, Atom, JSON Feed or wire text: keep other files out of the drop)", "WD202"],
    ],
  );
});
