/**
 * Agencies send the desk messages that are no stories, under a headline of their own: dpa's
 * imprint ("Impressum", its legal notice, in digitalwires and in 7901 text alike) and the
 * advisories and schedules most agencies send ("ADVISORY - …", "EDITORS' NOTE: …", "Note to
 * editors: …", "BUDGET - …", dpa's "Tagesvorschau" and "Terminvorschau"). Read by the headline alone,
 * and narrowly: a mark in capitals set off by a dash or a colon, or standing alone; in mixed case
 * only the phrases no story opens with, before a colon. "Advisory panel quits" and "Budget talks
 * stall" are stories.
 */

/** What a service message is, for the line that says why it became no story. */
export type ServiceMessage = "imprint" | "advisory";

/** dpa's imprint: the headline is the word alone (7901 adds its keyword line "Impressum/" above it). */
const IMPRINT = /^(?:dpa[- ])?(?:Impressum|IMPRESSUM)$/;
/** An advisory, marked in capitals: the mark alone, or before a dash or a colon. */
const ADVISORY_MARK = /^(?:(?:MEDIA |PHOTO |EDITORIAL )?ADVISORY|EDITORS?['’]? NOTES?|NOTE TO EDITORS|DAYBOOK|(?:DPA-)?(?:TAGES|TERMIN|WOCHEN)VORSCHAU)(?:\s*[-–—:]|$)/;
/**
 * A news budget or schedule, in capitals: the mark alone, or before a dash. Not before a colon:
 * "BUDGET: Reeves freezes fuel duty" is budget day's story.
 */
const SCHEDULE_MARK = /^(?:(?:NEWS |DAILY |WEEKEND )?BUDGET|(?:NEWS |DAILY )?SCHEDULE)(?:\s+[-–—]|$)/;
/**
 * In mixed case only the phrases no story opens with, before a colon ("Advisory: flash flood
 * watch" is a weather story); dpa's German previews also before "für" ("Tagesvorschau für Montag").
 */
const ADVISORY_WORDS = /^(?:Media advisory|Note to editors)\s*:|^(?:dpa-)?(?:Tages|Termin|Wochen)vorschau(?:\s*[-–—:]|\s+f[üu]r\b|$)/i;

/** The service message a headline marks, or undefined for a story's. */
export function serviceMessage(headline: string): ServiceMessage | undefined {
  const text = headline.trim();
  if (IMPRINT.test(text)) return "imprint";
  if (ADVISORY_MARK.test(text) || SCHEDULE_MARK.test(text) || ADVISORY_WORDS.test(text)) return "advisory";
  return undefined;
}
