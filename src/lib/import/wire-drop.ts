import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { PHOTO_EXTENSIONS } from "../model/urls.ts";
import type { WireProblem } from "./wire-item.ts";

/** The kind of content a delivered file holds, told from its first bytes rather than its name. */
export type DeliveredKind = "json" | "newsml-g2" | "newsml-1" | "nitf" | "rss" | "atom" | "text";

export type KindResult = { ok: true; kind: DeliveredKind } | { ok: false; message: string };

const NEWSML_G2_ROOTS = new Set(["newsMessage", "newsItem", "packageItem"]);

const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

/**
 * ANPA 1312 (AP's wire text and its kin) opens a transmission with SYN SYN SOH, where IPTC 7901
 * opens with SOH or ZCZC. Read as wire text, its selector code, category and keyword lines and its
 * "^Eds:" notes and photo numbers became the headline and text, so it is refused instead.
 */
const ANPA_1312_START = /^\u0016+\u0001/;

/** What the desk can do with an ANPA 1312 file: the refusal's expected form. */
const ANPA_1312_MESSAGE =
  "an ANPA 1312 file (it opens with SYN SYN SOH, as AP's wire text does), a format the importer does not read " +
  "(expected the item in another format: ask the agency for the same story as NITF, NewsML-G2 or ninjs, such as AP's Media API JSON with its NITF file, or as IPTC 7901 text)";

/** The root element's local name and start tag, past the XML declaration, comments, processing instructions and DOCTYPE. */
function rootElement(text: string): { name: string; startTag: string } | undefined {
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i.exec(text)?.[0] ?? "";
  const root = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[^>]*>?/.exec(text.slice(prolog.length));
  return root?.[2] === undefined ? undefined : { name: root[2], startTag: root[0] };
}

/** The kind a root element calls for; `feed` is Atom only in Atom's namespace, as other formats use the name. */
function xmlKind(root: { name: string; startTag: string }): DeliveredKind | undefined {
  if (NEWSML_G2_ROOTS.has(root.name)) return "newsml-g2";
  if (root.name === "NewsML") return "newsml-1";
  if (root.name === "nitf") return "nitf";
  if (root.name === "rss") return "rss";
  if (root.name === "feed" && [`"${ATOM_NAMESPACE}"`, `'${ATOM_NAMESPACE}'`].some((quoted) => root.startTag.includes(quoted))) return "atom";
  return undefined;
}

/**
 * Tells the formats apart by content: agencies name files by sequence number as often as by
 * format. JSON is ninjs or a producer's JSON dialect (told apart in json-dialect.ts); XML is
 * NewsML-G2, NewsML 1.2, NITF, RSS or Atom by its root; ANPA 1312 is refused; anything else is wire text.
 */
export function deliveredKind(text: string): KindResult {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (ANPA_1312_START.test(start)) return { ok: false, message: ANPA_1312_MESSAGE };
  if (start.startsWith("{") || start.startsWith("[")) return { ok: true, kind: "json" };
  if (start.startsWith("<")) {
    const root = rootElement(start);
    const kind = root && xmlKind(root);
    if (kind) return { ok: true, kind };
    return {
      ok: false,
      message:
        `XML with root element ${root === undefined ? "that cannot be read" : `<${root.name}>`} is not a format the importer reads ` +
        `(expected NewsML-G2's newsMessage, newsItem or packageItem, NewsML 1.2's NewsML, NITF's nitf, RSS 2.0's rss, or Atom's feed in the namespace ${ATOM_NAMESPACE})`,
    };
  }
  return { ok: true, kind: "text" };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Windows-1252's characters for bytes 0x80 to 0x9F, where ISO-8859-1 has control codes (kept at the five it leaves unassigned). */
const WINDOWS_1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * ISO-8859-1 read as WHATWG reads it, as Windows-1252: agencies' "Latin-1" files use its quotes
 * and dashes. Done here, as some Node versions' TextDecoder reads that label as bare Latin-1.
 */
function decodeLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80] ?? char);
}

const LATIN_1_NAMES = new Set(["iso-8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252"]);

/**
 * A delivered file's text: UTF-8, or Latin-1 where an XML declaration says so (AFP's NewsML
 * declares ISO-8859-1). Bytes that are UTF-8 are read as UTF-8 whatever the declaration says,
 * as feeds relabelled by their software often declare an encoding they no longer use.
 * Undefined for anything else.
 */
export function deliveredText(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    const head = decodeLatin1(bytes.subarray(0, 256));
    const declared = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]?.toLowerCase();
    return declared !== undefined && LATIN_1_NAMES.has(declared) ? decodeLatin1(bytes) : undefined;
  }
}

/** Bytes no text in a single-byte encoding holds: control codes but tab, line feed, form feed and carriage return. */
const CONTROL_BYTE = (byte: number) => byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte);

/**
 * The encoding a file that is not UTF-8 is likely in, named as iconv names it, so a refusal can
 * say how to convert it: UTF-16 by its byte order mark (or, without one, by the zero byte beside
 * its first character, an ASCII one, whose bytes then pass for UTF-8 with NULs in it), else Windows-1252 where bytes 0x80 to 0x9F hold its quotes and
 * dashes, else ISO-8859-1 when no control code says it is no text at all. Undefined when it cannot be told.
 */
export function likelyEncoding(bytes: Uint8Array): string | undefined {
  const [first, second] = bytes;
  // iconv's UTF-16 reads the byte order from the mark, and drops it.
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) return "UTF-16";
  if (first !== undefined && second !== undefined && first !== 0 && first < 0x80 && second === 0) return "UTF-16LE";
  if (first === 0 && second !== undefined && second !== 0 && second < 0x80) return "UTF-16BE";
  if (bytes.some(CONTROL_BYTE)) return undefined;
  return bytes.some((byte) => byte >= 0x80 && byte <= 0x9f) ? "WINDOWS-1252" : "ISO-8859-1";
}

/** Pictures delivered beside items are read with the item that points at them, never as items. */
const PICTURE_EXTENSIONS = new Set<string>([...PHOTO_EXTENSIONS, "tif", "tiff", "heic"]);

/**
 * Files a drop folder may hold that are no agency's item, though their text would read as wire
 * text: a desk's notes (README.md), a spreadsheet, an office document, an archive, a web page.
 */
const NOT_ITEMS = new Set(["md", "markdown", "csv", "tsv", "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "zip", "gz", "tgz", "html", "htm"]);

export interface DeliveredFiles {
  files: string[];
  problems: WireProblem[];
}

/** The item files a run reads: each file named, and every file in each folder named (a wire drop), but its pictures and hidden files. */
export function deliveredFiles(paths: readonly string[]): DeliveredFiles {
  const files: string[] = [];
  const problems: WireProblem[] = [];
  for (const path of paths) {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) {
      problems.push({ file: path, field: "", message: "does not exist (expected an item file or a folder of them)", code: "WD200" });
    } else if (stats.isDirectory()) {
      const inFolder = readdirSync(path, { withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.startsWith(".") && !PICTURE_EXTENSIONS.has(extname(entry.name).slice(1).toLowerCase()))
        .map((entry) => join(path, entry.name))
        .sort();
      files.push(...inFolder);
    } else {
      files.push(path);
    }
  }
  const items: string[] = [];
  for (const file of new Set(files)) {
    const extension = extname(file).slice(1).toLowerCase();
    if (!NOT_ITEMS.has(extension)) items.push(file);
    else problems.push({ file, field: "", message: `a .${extension} file, which is no agency's item (expected NewsML-G2, NewsML 1.2, NITF, ninjs or another JSON, RSS, Atom, JSON Feed or wire text: keep other files out of the drop)`, code: "WD202" });
  }
  return { files: items, problems };
}
