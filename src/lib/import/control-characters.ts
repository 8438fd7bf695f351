import { jsonPath } from "./dialect-fields.ts";
import type { ItemNote, WireRead } from "./wire-item.ts";
import { ignoredNote } from "./wire-fields.ts";

/**
 * Control characters in an agency's text: the C0 set but tab and line breaks, DEL and the C1 set
 * (teleprinter and terminal controls: SOH, BEL, the unit separator). They mean nothing in a story,
 * and no field of a story file may hold one, so every reader leaves them out, in every field alike.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** The C0 set's and DEL's names as the standards abbreviate them, so a line names the character an agency's tools show. */
const C0_NAMES = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"];

/** "U+001F (US)", "U+0085". */
function characterName(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const name = code === 0x7f ? "DEL" : C0_NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}${name === undefined ? "" : ` (${name})`}`;
}

/** The line saying the control characters of the field at `path` were left out, each named once. */
function controlsNote(path: string, characters: readonly string[]): ItemNote {
  const named = [...new Set(characters)].map(characterName);
  const which = named.length === 1 ? `the control character ${named[0]}` : `the control characters ${new Intl.ListFormat("en-GB").format(named)}`;
  return ignoredNote(path, `${which}, no text but a teleprinter's or terminal's signal`);
}

/**
 * A delivered JSON value with the control characters left out of its every text, and a line for
 * each text that held any, at its place as the readers name places (`headline`,
 * `items[2].title`, `associations.main.description_text`): one rule for an item's every field.
 */
export function withoutControls(value: unknown, path = ""): { value: unknown; notes: ItemNote[] } {
  if (typeof value === "string") {
    const found = value.match(CONTROL_CHARACTERS);
    return found === null ? { value, notes: [] } : { value: value.replace(CONTROL_CHARACTERS, ""), notes: [controlsNote(path, found)] };
  }
  if (typeof value !== "object" || value === null) return { value, notes: [] };
  const notes: ItemNote[] = [];
  const clean = (each: unknown, key: string | number) => {
    const read = withoutControls(each, jsonPath(path, key));
    // One at a time: a list of many texts could give more notes than a call takes arguments.
    for (const note of read.notes) notes.push(note);
    return read.value;
  };
  if (Array.isArray(value)) return { value: value.map(clean), notes };
  return { value: Object.fromEntries(Object.entries(value).map(([key, each]) => [key, clean(each, key)])), notes };
}

/** Whether the place `path` is the item's at `item`, or inside it. */
const isInside = (path: string, item: string): boolean => item === "" || path === item || path.startsWith(`${item}.`) || path.startsWith(`${item}[`);

/**
 * A read with the lines of `withoutControls` on the items they are about: each on the item whose
 * place holds it, refused or not; one in the file's own fields, which every item takes from (a
 * feed's title is each item's source), on every item.
 */
export function withControlNotes(read: WireRead, notes: readonly ItemNote[]): WireRead {
  if (notes.length === 0) return read;
  const paths = [...read.items.map(({ path }) => path), ...(read.refused ?? []).map(({ found }) => found.path)];
  const onItem = (item: string) => notes.filter(({ field }) => isInside(field, item) || !paths.some((path) => isInside(field, path)));
  const noted = <T extends { path: string; notes?: ItemNote[] }>(item: T): T => {
    const mine = onItem(item.path);
    return mine.length === 0 ? item : { ...item, notes: [...(item.notes ?? []), ...mine] };
  };
  return { ...read, items: read.items.map(noted), ...(read.refused ? { refused: read.refused.map((refused) => ({ ...refused, found: noted(refused.found) })) } : {}) };
}
