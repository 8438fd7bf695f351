import { htmlBodyToMarkdown, textBodyToMarkdown } from "./body-markdown.ts";
import type { ImportedBody } from "./story-plan.ts";
import type { WireItem } from "./wire-item.ts";
import type { Agency } from "../model/agencies.ts";
import { resolveDatelineZone, type DatelinePlaces } from "../story/dateline.ts";

/**
 * The item's body as story Markdown, with the place and agency (as `agencies` spell it) of the
 * dateline it opened with, which the page prints itself, and the notes to editors and trailers
 * taken off it. A dateline with no agency is taken for a place `datelinePlaces` or the gazetteer know;
 * a quotation's marks are those of the item's language, else the feed's, else the site's.
 */
export function importedBody(
  item: Pick<WireItem, "body" | "source" | "byline" | "lead" | "base" | "lang">,
  { agencies, datelinePlaces, defaultLanguage, site }: { agencies: readonly Agency[]; datelinePlaces: DatelinePlaces; defaultLanguage?: string; site?: { language: string } },
): ImportedBody {
  const isKnownPlace = (place: string) => resolveDatelineZone(place, undefined, datelinePlaces).ok;
  // An item that names no language is in the feed's (--lang), else the site's.
  const lang = item.lang ?? defaultLanguage ?? site?.language;
  const context = { agencies, isKnownPlace, ...(lang ? { lang } : {}), ...(item.source ? { source: item.source } : {}), ...(item.byline ? { byline: item.byline } : {}), ...(item.lead ? { lead: item.lead } : {}), ...(item.base ? { base: item.base } : {}) };
  const { markdown, dateline, editorsNotes, trailers, pictureCaptions, pictureAlts, unreadLinks, removed, typedByline, markupLeftOut, columns, spreadCells, labelledLists, rubyReadings } = item.body.kind === "html" ? htmlBodyToMarkdown(item.body.html, context) : textBodyToMarkdown(item.body.text, context);
  return {
    markdown,
    ...(typedByline ? { typedByline } : {}),
    ...(markupLeftOut ? { markupLeftOut } : {}),
    ...(dateline?.place ? { place: dateline.place } : {}),
    ...(dateline ? { agency: dateline.agency } : {}),
    ...(dateline?.placeOnly ? { placeDateline: dateline.placeOnly } : {}),
    ...(editorsNotes ? { editorsNotes } : {}),
    ...(trailers ? { trailers } : {}),
    ...(pictureCaptions ? { pictureCaptions } : {}),
    ...(pictureAlts ? { pictureAlts } : {}),
    ...(unreadLinks ? { unreadLinks } : {}),
    ...(removed ? { removed } : {}),
    ...(columns ? { columns } : {}),
    ...(spreadCells ? { spreadCells } : {}),
    ...(labelledLists ? { labelledLists } : {}),
    ...(rubyReadings ? { rubyReadings } : {}),
  };
}
