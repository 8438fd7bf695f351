import { findAgency, isSameAgency, type Agency } from "../model/agencies.ts";

/**
 * The dateline an agency types into a story's first paragraph, in its house style:
 *
 *   MOSCOW, September 2 (Itar-Tass) - …       NEW YORK (AP) — …
 *   MOSCOW, Sept 2 (Reuters) - …              BEIJING, Sept. 2 (Xinhua) -- …
 *   MOSCOW, September 2. /ITAR-TASS/. …       SÃO PAULO, Brazil, Sept 2 (Reuters) - …
 *   WASHINGTON, D.C. (AP) — …                 МОСКВА, 2 сентября. /ИТАР-ТАСС/. …
 *   NEW DELHI (PTI): …                        (Reuters) - …
 *
 * A place (up to five words, then up to two qualifiers after commas: a country, a state), an
 * English month and day (or a day and a Russian month, in the genitive as Russian datelines
 * write it), then the agency in parentheses or slashes and a dash, double dash, colon or
 * period; or, where the item gives its place in a field of its own, the agency alone in
 * parentheses and a dash or colon. The page prints the dateline from the story's fields, so the
 * importer takes it out of the text; it is cut only where it is surely one, so an ordinary
 * sentence is never cut.
 */

/** A dateline found at the start of a paragraph, and what followed it. */
export interface AgencyDateline {
  /** As typed, qualifiers included: "MOSCOW", "SÃO PAULO, Brazil", "WASHINGTON, D.C."; absent when the dateline is the agency alone ("(Reuters) -"). */
  place?: string;
  /** The agency as the settings write the name the dateline used ("Itar-Tass" for "ITAR-TASS"); an agency they do not list, as typed. */
  agency: string;
  /** 1–12, when the dateline gives a day. */
  month?: number;
  day?: number;
  /** The paragraph after the dateline: the story's first words. */
  rest: string;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
  // Russian, in the genitive a date takes ("2 сентября"), and the desk's abbreviations.
  января: 1, янв: 1,
  февраля: 2, фев: 2,
  марта: 3, мар: 3,
  апреля: 4, апр: 4,
  мая: 5,
  июня: 6, июн: 6,
  июля: 7, июл: 7,
  августа: 8, авг: 8,
  сентября: 9, сен: 9, сент: 9,
  октября: 10, окт: 10,
  ноября: 11, ноя: 11, нояб: 11,
  декабря: 12, дек: 12,
};

/** A month name, English or Russian, full or abbreviated ("Sept", "SEP", "сент"; a trailing period is the caller's), as 1–12. */
export function readMonthName(name: string): number | undefined {
  return MONTHS[name.toLowerCase()];
}

/** The most days a month has in any year: February 29 is a day, February 30 is not. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a month (1–12) has the day in some year: February 29 does, February 30 does not. */
export const isDayOfMonth = (month: number, day: number): boolean => day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);

/**
 * The agency a dateline names: the whole name, else the first of a pair the settings list, as a
 * partner's copy an agency carries is datelined ("San Diego (tca/dpa) -": Tribune Content Agency's,
 * through dpa), or an agency's regional service ("(dpa/lno)").
 */
function findNamedAgency(named: string, agencies: readonly Agency[]): ReturnType<typeof findAgency> {
  const whole = findAgency(named, agencies);
  if (whole !== undefined || !named.includes("/")) return whole;
  for (const part of named.split("/")) {
    const found = findAgency(part.trim(), agencies);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Capitalised words with short links between them, as an agency's name is written ("Press Trust of India"); not "the capital". */
const AGENCY_NAME_WORDS = /^\p{Lu}[\p{L}\p{N}&.'’\-]*(?:\s+(?:\p{Ll}{1,3}\s+)?\p{Lu}[\p{L}\p{N}&.'’\-]*)+$/u;

/**
 * Without a source, the agency must be one: a name the settings list ("Kyodo News", "dpa"), or
 * one word with a capital ("Reuters", "KNA"); "UN (United Nations) - " is no dateline.
 */
function looksLikeAgency(agency: string, agencies: readonly Agency[]): boolean {
  return findNamedAgency(agency, agencies) !== undefined || /^\p{Lu}[\p{L}\p{N}&.'’\-]*$/u.test(agency);
}

// Words of a place: capitals only in the strict form ("NEW YORK", "ST. PETERSBURG", "N'DJAMENA"),
// capitalised when the agency is known to be the item's ("Berlin (dpa)"). A period sits inside a
// word ("D.C.") or ends it ("ST."), lazily, so "MOSCOW. /TASS/" leaves it to the separator.
const UPPER_WORD = String.raw`\p{Lu}(?:[\p{Lu}\p{M}'’\-]|\.(?=\p{L}))*\.??`;
const TITLE_WORD = String.raw`\p{Lu}(?:[\p{L}\p{M}'’\-]|\.(?=\p{L}))*\.??`;
/**
 * Up to five words, with short lower-case links between them ("RIO DE JANEIRO", "Isle of Man"),
 * or a slash, as dpa writes a river ("Frankfurt/Main") or a story from two places ("Moskau/Berlin").
 */
const words = (word: string): string => String.raw`${word}(?:(?:\s+(?:\p{Ll}{1,3}\s+)?|/)${word}){0,4}`;
const placePattern = (head: string): string => String.raw`(?<place>${words(head)}(?:,\s+${words(TITLE_WORD)}){0,2})`;
/** ", September 2" as English datelines write it, or ", 2 сентября" as Russian ones do. */
const DATE = String.raw`(?:,\s+(?:(?<month>\p{L}{3,9})\.?\s+(?<day>\d{1,2})|(?<dayFirst>\d{1,2})\s+(?<monthAfter>\p{L}{3,9})\.??))?`;
/** A dash, double dash, or AP's underscore for one on old wires ("KNOXVILLE, Tenn. (AP) _"). */
const DASH = String.raw`(?:--?|[–—_])`;
/** What follows an agency in parentheses: a dash, with the period EFE types before it ("(EFE).-"), or a colon ("(PTI):"). */
const AFTER_PARENS = String.raw`\.?\s*(?:${DASH}|:)`;

/** The two house styles: the agency in parentheses then a dash ("(AP) —"), or in slashes after a period ("2. /ITAR-TASS/."). */
function datelinePatterns(head: string, dashRequired: boolean): RegExp[] {
  const afterParens = dashRequired ? String.raw`${AFTER_PARENS}(?:\s+|$)` : String.raw`${AFTER_PARENS}?(?:\s+|$)`;
  return [
    new RegExp(String.raw`^${placePattern(head)}${DATE}\s*\((?<agency>[^()\n]{1,40})\)${afterParens}`, "u"),
    new RegExp(String.raw`^${placePattern(head)}${DATE}\.?\s*/(?<agency>[^/\n]{1,40})/(?:\.|\s*${DASH})?(?:\s+|$)`, "u"),
  ];
}

/** Without a source: capitals, and always the dash or period-slash. */
const STRICT = datelinePatterns(UPPER_WORD, true);
/** Without a source but with an agency the settings list: a capitalised place will do, with the dash ("Berlin (dpa) -"). */
const LISTED_AGENCY = datelinePatterns(TITLE_WORD, true);
/**
 * With the item's source named in the dateline, a capitalised place will do, and the dash may
 * be missing, as German agencies type it ("Berlin (KNA) Die Kommission …").
 */
const KNOWN_SOURCE = datelinePatterns(TITLE_WORD, false);
/**
 * The agency alone, as agencies open a story whose place the item gives in a field ("(Reuters) -
 * Oil prices …"): at the very start, always with the dash or colon. With no place to show it is
 * a dateline, its agency must be one the settings list or the item's own.
 */
const AGENCY_ALONE = [new RegExp(String.raw`^\((?<agency>[^()\n]{1,40})\)${AFTER_PARENS}(?:\s+|$)`, "u")];

/** The month and day, or undefined when the dateline names no real one ("Monday 2", "February 30"). */
function readDay(monthName: string | undefined, dayText: string | undefined): { month?: number; day?: number } | undefined {
  if (monthName === undefined || dayText === undefined) return {};
  const month = readMonthName(monthName);
  const day = Number(dayText);
  if (month === undefined || !isDayOfMonth(month, day)) return undefined;
  return { month, day };
}

/** The first house style the paragraph opens with, whose agency `accepts` takes; and the agency of one it did not. */
function matchDateline(text: string, patterns: readonly RegExp[], accepts: (agency: string) => boolean): { dateline?: AgencyDateline; refused?: string } {
  let refused: string | undefined;
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    const agency = match?.groups?.["agency"]?.trim();
    const place = match?.groups?.["place"];
    if (!match || agency === undefined) continue;
    const groups = match.groups ?? {};
    const day = readDay(groups["month"] ?? groups["monthAfter"], groups["day"] ?? groups["dayFirst"]);
    if (day === undefined) continue;
    if (!accepts(agency)) {
      refused ??= agency;
      continue;
    }
    return { dateline: { ...(place === undefined ? {} : { place }), agency, ...day, rest: text.slice(match[0].length).trimStart() } };
  }
  return refused === undefined ? {} : { refused };
}

/**
 * The dateline opening `paragraph`, or undefined when it has none. With a `source`, the dateline
 * must name that agency (or another name the settings give it), so "MOSCOW, September 2
 * (Itar-Tass) -" is not cut from a Reuters item, unless the source is no agency the settings list
 * (a partner's feed carrying Reuters' copy), when it may name one they list; without one (plain wire text, an item naming no
 * agency), only the strict form is taken: a place in capitals, an agency in parentheses or
 * slashes (one the settings list, or one capitalised word), a dash or period-slash; or, when the
 * agency is one the settings list, a capitalised place ("Berlin (dpa) -", "Tegucigalpa, Jan 2 (EFE).-").
 * The agency alone ("(Reuters) -") is taken by the same rules, but only an agency the settings
 * list or the source: no place then vouches for a capitalised word in parentheses.
 */
export function takeAgencyDateline(paragraph: string, source: string | undefined, agencies: readonly Agency[]): AgencyDateline | undefined {
  const text = paragraph.trimStart();
  const listed = (agency: string) => findNamedAgency(agency, agencies) !== undefined;
  // A source that is no agency (a partner's feed, named by its title) may carry an agency's copy, datelined by it.
  const carried = source !== undefined && !listed(source);
  const fromSource = (agency: string) => {
    if (source === undefined) return false;
    if (isSameAgency(agency, source, agencies)) return true;
    const named = findNamedAgency(agency, agencies);
    return named !== undefined && isSameAgency(named.name, source, agencies);
  };
  const dateline =
    (source === undefined
      ? (matchDateline(text, STRICT, (agency) => looksLikeAgency(agency, agencies)).dateline ?? matchDateline(text, LISTED_AGENCY, listed).dateline)
      : (matchDateline(text, KNOWN_SOURCE, fromSource).dateline ?? (carried ? matchDateline(text, LISTED_AGENCY, listed).dateline : undefined))) ??
    matchDateline(text, AGENCY_ALONE, (agency) => fromSource(agency) || ((source === undefined || carried) && listed(agency))).dateline;
  if (dateline === undefined) return undefined;
  const known = findNamedAgency(dateline.agency, agencies);
  return known ? { ...dateline, agency: known.name } : dateline;
}

/**
 * The agency of a strict dateline opening `paragraph` that is not taken for want of knowing its
 * agency ("NAIROBI, Dec 5 (Kenya News Agency) -" with no such agency in the settings), or of the
 * agency alone ("(Bloomberg) -"), so the editor can be told which one to add; undefined otherwise.
 */
export function unlistedDatelineAgency(paragraph: string, agencies: readonly Agency[]): string | undefined {
  const text = paragraph.trimStart();
  const { refused } = matchDateline(text, STRICT, (agency) => looksLikeAgency(agency, agencies));
  if (refused !== undefined) return AGENCY_NAME_WORDS.test(refused) ? refused : undefined;
  const alone = matchDateline(text, AGENCY_ALONE, (agency) => findAgency(agency, agencies) !== undefined).refused;
  return alone !== undefined && (looksLikeAgency(alone, agencies) || AGENCY_NAME_WORDS.test(alone)) ? alone : undefined;
}

/**
 * A newspaper's dateline, with no agency: a place in capitals (a region after a comma may follow)
 * and a dash, as a partner's or a city's feed opens its text ("LAKESIDE, Ohio — The library…",
 * "LONDON — "). With no agency in it, nothing but the place says it is a dateline, so it is taken
 * only for a place the dateline places know (`isKnownPlace`: the settings' list or the gazetteer),
 * and only with a dash: "BREAKING — " and "EDITOR'S NOTE — " name no place and stay text.
 */
const PLACE_DATELINE = new RegExp(String.raw`^${placePattern(UPPER_WORD)}\s*${DASH}\s+`, "u");

/** The place of a newspaper's dateline opening `paragraph` (see PLACE_DATELINE), with the paragraph after it; undefined when it has none. */
export function takePlaceDateline(paragraph: string, isKnownPlace: (place: string) => boolean): { place: string; rest: string } | undefined {
  const text = paragraph.trimStart();
  const match = PLACE_DATELINE.exec(text);
  const place = match?.groups?.["place"];
  if (!match || place === undefined || !/\p{Lu}{2}/u.test(place) || !isKnownPlace(place)) return undefined;
  return { place, rest: text.slice(match[0].length) };
}
