/** Story view models and site settings for the output modules' unit tests, built with the site's own helpers. */
import { renderStoryBody } from "../../src/lib/story/markdown.ts";
import { storyDescription } from "../../src/lib/story/description.ts";
import type { ArticleView } from "../../src/lib/model/story-view.ts";
import { archiveLinks } from "../../src/lib/model/urls.ts";
import { datelineParts, formatDateline } from "../../src/lib/story/dateline.ts";
import { parseStoryDate, toDateView, type DateView } from "../../src/lib/model/dates.ts";
import type { BuildSettings } from "../../src/lib/model/publishing.ts";
import { readSiteSettings, type SiteSettings } from "../../src/lib/model/site.ts";
import { storyTopics } from "../../src/lib/model/topic-refs.ts";
import { authorRef } from "../../src/lib/model/authors.ts";
import { bylineParts } from "../../src/lib/story/byline.ts";
import { editionStyle, type Edition, type StringsFolder } from "../../src/lib/model/editions.ts";
import { readFileSync } from "node:fs";

/** The project's English and Russian strings files, named as _data/site.ts names them. */
export const STRINGS: StringsFolder = {
  dir: "_data/strings",
  files: new Map(["en.json", "ru.json"].map((name) => [name, readFileSync(new URL(`../../_data/strings/${name}`, import.meta.url), "utf8")])),
};

/** The settings' editions: English at the root, Russian under ru/. */
export const EDITIONS = [
  { lang: "en", dir: "ltr", name: "English", path: "" },
  { lang: "ru", dir: "ltr", name: "Русский", path: "ru/" },
];

export const site: SiteSettings = readSiteSettings(
  { name: "Wire Desk", editions: EDITIONS, url: "https://example.github.io/newsroom/", pageSize: 20, feedSize: 20, maxStoryBytes: 1024 * 1024 },
  {},
  STRINGS,
);

/** The English (default) and Russian editions, with their strings. */
export const [english, russian] = site.editions as [Edition, Edition];

/** The label above a story's headline when it has no topic: its edition's All news. */
export const ALL_NEWS = { name: english.strings.allNews, url: "/all/" };

export function buildAt(moment: string): BuildSettings {
  return { moment, epochMs: Date.parse(moment), showUnpublished: false };
}

/** A date as a story's field gives it, read at the dateline's zone. */
function dateAt(raw: string, zone = "Europe/Moscow"): DateView {
  const result = parseStoryDate(raw, zone);
  if (!result.ok) throw new Error(result.problem);
  return toDateView(result.date, editionStyle(english));
}

export interface StoryFacts {
  slug?: string;
  headline?: string;
  /** The lead; `null` for an agency's story that came without one. */
  lead?: string | null;
  date?: string;
  updated?: string;
  corrections?: { date: string; text: string }[];
  photo?: ArticleView["photo"] | null;
  tags?: string[];
  body?: string;
  /** The byline's names, as `by` writes them. */
  by?: string[];
}

/** The seed wire story (MOSCOW, Itar-Tass, September 2, 2013), with any fact replaced. */
export function story(facts: StoryFacts = {}): ArticleView {
  const slug = facts.slug ?? "moscow-denuclearization-talks";
  const raw = facts.date ?? "2013-09-02";
  const date = parseStoryDate(raw, "Europe/Moscow");
  if (!date.ok) throw new Error(date.problem);
  const published = toDateView(date.date, editionStyle(english));
  const body = facts.body ?? "Moscow hopes for the resumption of talks on denuclearization, the minister said.\n";
  const dateline = formatDateline("MOSCOW", date.date, "Itar-Tass", editionStyle(english));
  const parts = datelineParts("MOSCOW", date.date, "Itar-Tass", editionStyle(english));
  const stem = `/news/${slug}/index`;
  const authors = (facts.by ?? []).map((name) => authorRef(name, site.authors, ""));
  const headline = facts.headline ?? "Moscow hopes for further talks on denuclearization of North Korean Peninsula";
  const lead = facts.lead === null ? undefined : (facts.lead ?? "Signs point that South and North Korea are looking for ways to resume contacts, Russia's Foreign Minister says");
  return {
    url: `/news/${slug}.html`,
    stem,
    file: `src/news/${slug}/index.md`,
    headline,
    ...(lead === undefined ? {} : { lead }),
    description: storyDescription({ title: headline, lead }, body),
    place: "MOSCOW",
    zone: "Europe/Moscow",
    source: "Itar-Tass",
    authors,
    byline: bylineParts(authors, { lang: "en", bylineOne: english.strings.bylineOne, bylineMany: english.strings.bylineMany }),
    dateline,
    datelineParts: parts,
    published,
    updated: facts.updated === undefined ? undefined : dateAt(facts.updated),
    archive: archiveLinks(published.day, ""),
    corrections: (facts.corrections ?? []).map(({ date, text }) => ({ date: dateAt(date), text })),
    photo:
      facts.photo === null
        ? undefined
        : (facts.photo ?? {
            url: `/news/${slug}/photo.jpg`,
            alt: "Sergei Lavrov at a lectern",
            credit: "Photo EPA/ITAR-TASS",
            caption: "Russia's Foreign Minister Sergei Lavrov",
            width: 1200,
            height: 800,
            sources: [],
          }),
    topics: storyTopics(facts.tags ?? ["North Korea", "Diplomacy"], ""),
    state: "published",
    sample: false,
    bodyHtml: renderStoryBody(body, parts, stem),
    edition: "en",
    images: [],
  };
}
