import type { ArticleView } from "../model/story-view.ts";
import { formatCalendarDay, formatCalendarMonth, formatCalendarMonthTitle } from "../model/dates.ts";
import type { Edition } from "../model/editions.ts";
import { groupBy } from "./group-by.ts";
import { archiveLinks, archiveUrl, type ArchiveLinks } from "../model/urls.ts";

export interface PeriodLink {
  title: string;
  url: string;
  count: number;
}

/** A year, month or day that has stories: a year lists its months, a month its days, a day its stories. */
export interface ArchivePage {
  kind: "year" | "month" | "day";
  title: string;
  /** The period as a sentence names it ("новости за декабрь 2026 г."), where the title starts with a capital. */
  period: string;
  url: string;
  /** The way up: the archive, then the year and month above this page (their links alone, not their counts, which change with every story). */
  crumbs: { title: string; url: string }[];
  periods: PeriodLink[];
  /** Every story of the period; a day's page lists them, a year's or month's links to its periods. */
  stories: ArticleView[];
  /** A day's nearest later and earlier days with stories in the edition, where there are any. */
  later?: { title: string; url: string };
  earlier?: { title: string; url: string };
}

export interface Archive {
  url: string;
  years: PeriodLink[];
  pages: ArchivePage[];
}

/**
 * The date archive of an edition's stories (newest first): newest periods first, each story on the
 * page of its calendar day at its dateline, the periods named in the edition's language.
 */
export function buildArchive(stories: readonly ArticleView[], edition: Pick<Edition, "lang" | "path" | "strings">): Archive {
  // Titles in the edition's language whatever the build machine's locale: "September 2013", "сентябрь 2013 г.".
  const titles = { year: (year: string) => year, month: (month: string) => formatCalendarMonthTitle(month, edition.lang), day: (day: string) => formatCalendarDay(day, edition.lang) };
  const periods = { ...titles, month: (month: string) => formatCalendarMonth(month, edition.lang) };
  const archiveRoot = archiveUrl(edition.path);
  const byDay = groupBy(stories, (story) => story.published.day);
  const days = [...byDay.keys()].sort().reverse();
  const storiesOf = (period: string[]) => period.flatMap((day) => byDay.get(day) ?? []);
  const years = groupBy(days, (day) => day.slice(0, 4));
  const months = groupBy(days, (day) => day.slice(0, 7));
  const root = { title: edition.strings.archive, url: archiveRoot };
  const link = (kind: keyof ArchiveLinks, period: string, periodDays: string[]): PeriodLink => ({
    title: titles[kind](period),
    url: archiveLinks(periodDays[0] ?? period, edition.path)[kind],
    count: periodDays.reduce((sum, day) => sum + (byDay.get(day)?.length ?? 0), 0),
  });

  // A crumb is what the page prints of it: a link with a count would make every page under a year a page that changes with each story filed in it.
  const crumb = ({ title, url }: PeriodLink) => ({ title, url });
  const dayPlace = new Map(days.map((day, index) => [day, index]));
  const dayLink = (day: string) => ({ title: titles.day(day), url: archiveLinks(day, edition.path).day });

  const pages: ArchivePage[] = [];
  for (const [year, yearDays] of years) {
    const yearLink = link("year", year, yearDays);
    const yearMonths = [...months].filter(([month]) => month.startsWith(year));
    pages.push({
      kind: "year",
      title: yearLink.title,
      period: periods.year(year),
      url: yearLink.url,
      crumbs: [root],
      periods: yearMonths.map(([month, monthDays]) => link("month", month, monthDays)),
      stories: storiesOf(yearDays),
    });
    for (const [month, monthDays] of yearMonths) {
      const monthLink = link("month", month, monthDays);
      pages.push({
        kind: "month",
        title: monthLink.title,
        period: periods.month(month),
        url: monthLink.url,
        crumbs: [root, crumb(yearLink)],
        periods: monthDays.map((day) => link("day", day, [day])),
        stories: storiesOf(monthDays),
      });
      for (const day of monthDays) {
        const dayStories = byDay.get(day) ?? [];
        // `days` is newest first: the later day is the one before it, the earlier the one after.
        const at = dayPlace.get(day)!;
        const later = days[at - 1];
        const earlier = days[at + 1];
        pages.push({
          kind: "day",
          title: titles.day(day),
          period: periods.day(day),
          url: archiveLinks(day, edition.path).day,
          crumbs: [root, crumb(yearLink), crumb(monthLink)],
          periods: [],
          stories: dayStories,
          ...(later === undefined ? {} : { later: dayLink(later) }),
          ...(earlier === undefined ? {} : { earlier: dayLink(earlier) }),
        });
      }
    }
  }
  return { url: archiveRoot, years: [...years].map(([year, yearDays]) => link("year", year, yearDays)), pages };
}
