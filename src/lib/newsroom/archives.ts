import { DateTime } from "luxon";
import type { ArticleView } from "../model/story-view.ts";
import { groupBy } from "./group-by.ts";
import { ARCHIVE_URL, archiveLinks, type ArchiveLinks } from "../model/urls.ts";

export interface PeriodLink {
  title: string;
  url: string;
  count: number;
}

/** A year, month or day that has stories: a year lists its months, a month its days, a day its stories. */
export interface ArchivePage {
  kind: "year" | "month" | "day";
  title: string;
  url: string;
  /** The way up: the archive, then the year and month above this page. */
  crumbs: { title: string; url: string }[];
  periods: PeriodLink[];
  /** Every story of the period; a day's page lists them, a year's or month's links to its periods. */
  stories: ArticleView[];
}

export interface Archive {
  url: string;
  years: PeriodLink[];
  pages: ArchivePage[];
}

// Archive titles are English like every date on the site, whatever the build machine's locale.
const title = (iso: string, format: string) => DateTime.fromISO(iso, { zone: "utc", locale: "en-US" }).toFormat(format);

/**
 * The date archive of the given stories (newest first): newest periods first, each story on the
 * page of its calendar day at its dateline.
 */
export function buildArchive(stories: readonly ArticleView[]): Archive {
  const byDay = groupBy(stories, (story) => story.published.day);
  const days = [...byDay.keys()].sort().reverse();
  const storiesOf = (period: string[]) => period.flatMap((day) => byDay.get(day) ?? []);
  const years = groupBy(days, (day) => day.slice(0, 4));
  const months = groupBy(days, (day) => day.slice(0, 7));
  const root = { title: "Archive", url: ARCHIVE_URL };
  const link = (kind: keyof ArchiveLinks, format: string, period: string, periodDays: string[]): PeriodLink => ({
    title: title(period, format),
    url: archiveLinks(periodDays[0] ?? period)[kind],
    count: periodDays.reduce((sum, day) => sum + (byDay.get(day)?.length ?? 0), 0),
  });

  const pages: ArchivePage[] = [];
  for (const [year, yearDays] of years) {
    const yearLink = link("year", "yyyy", year, yearDays);
    const yearMonths = [...months].filter(([month]) => month.startsWith(year));
    pages.push({
      kind: "year",
      title: yearLink.title,
      url: yearLink.url,
      crumbs: [root],
      periods: yearMonths.map(([month, monthDays]) => link("month", "LLLL yyyy", month, monthDays)),
      stories: storiesOf(yearDays),
    });
    for (const [month, monthDays] of yearMonths) {
      const monthLink = link("month", "LLLL yyyy", month, monthDays);
      pages.push({
        kind: "month",
        title: monthLink.title,
        url: monthLink.url,
        crumbs: [root, yearLink],
        periods: monthDays.map((day) => link("day", "LLLL d, yyyy", day, [day])),
        stories: storiesOf(monthDays),
      });
      for (const day of monthDays) {
        const dayStories = byDay.get(day) ?? [];
        pages.push({
          kind: "day",
          title: title(day, "LLLL d, yyyy"),
          url: archiveLinks(day).day,
          crumbs: [root, yearLink, monthLink],
          periods: [],
          stories: dayStories,
        });
      }
    }
  }
  return { url: ARCHIVE_URL, years: [...years].map(([year, yearDays]) => link("year", "yyyy", year, yearDays)), pages };
}
