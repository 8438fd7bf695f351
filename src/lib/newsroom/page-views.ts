/**
 * What each page template prints, one view per page: the only data a page's HTML is made from
 * besides the site's settings and its edition's view, so a page whose view has not changed need
 * not be rendered again (see src/lib/eleventy/rendered-pages.ts). Every text a page prints comes
 * from its edition (its strings, its dates), and every page carries its language switch.
 */
import { createHash } from "node:crypto";
import { codeFingerprint } from "../cache/code-fingerprint.ts";
import { formatCalendarDays, type DateView } from "../model/dates.ts";
import { countText, fillPattern, textParts, type Edition, type EditionStrings, type TextPart } from "../model/editions.ts";
import type { ArticleView } from "../model/story-view.ts";
import type { SiteSettings } from "../model/site.ts";
import { deepFreeze } from "../model/deep-freeze.ts";
import { exactJson } from "../model/exact-json.ts";
import { absoluteUrl } from "../model/site-urls.ts";
import { allNewsUrl, archiveUrl, editionHome, notFoundUrl, searchUrl, topicsUrl } from "../model/urls.ts";
import { articleJsonLd, articleMetadata, serializeJsonLd, type ArticleMetadata } from "../outputs/structured-data.ts";
import type { FeedLink } from "../outputs/feeds.ts";
import type { ArchivePage, PeriodLink } from "./archives.ts";
import { THUMBNAIL_SIZES } from "./front-page.ts";
import type { EditionNewsroom, Newsroom } from "./newsroom.ts";
import type { ListPage } from "./pagination.ts";
import type { StoryVersion } from "../model/translations.ts";
import { storyEndings } from "./related.ts";
import { articleDigest } from "../story/article.ts";

/**
 * A link of the language switch: the same page in another edition, named as that edition names
 * itself ("Русский", "English", in its own language and direction), with where it leads worded in
 * this page's language ("Read in Russian", "Russian edition") as the link's title.
 */
export interface LanguageLink {
  url: string;
  hreflang: string;
  name: string;
  dir: Edition["dir"];
  label: string;
}

/** What every page of an edition prints besides its own view: its language, words, sections and feeds. */
export interface EditionView {
  lang: string;
  dir: Edition["dir"];
  strings: EditionStrings;
  home: string;
  allNewsUrl: string;
  topicsUrl: string;
  archiveUrl: string;
  searchUrl: string;
  /** The edition's feeds: announced in every page's head, linked from its footer. */
  feedLinks: FeedLink[];
  feeds: { rss: string; atom: string; json: string };
  /** "Read all news or browse the topics and the archive.", with its links. */
  elsewhere: TextPart[];
}

/** What every page view carries: its edition's language tag, and the links to it in the other editions. */
interface EditionPage {
  edition: string;
  languages: LanguageLink[];
}

export interface StoryPageView extends EditionPage {
  url: string;
  article: ArticleView;
  /** The head's canonical URL, Open Graph and Twitter tags, and JSON-LD, for search engines and link previews. */
  metadata: ArticleMetadata;
  structuredData: string;
  /** The story's translations for the head (`<link rel="alternate" hreflang>`, x-default among them), absolute URLs. */
  alternates: { hreflang: string; href: string }[];
  /** The label above the headline: its first topic, its main one, or All news for a story without topics. */
  section: { name: string; url: string };
  /** Its topics as the edition spells them. */
  topics: { name: string; url: string }[];
  /**
   * The headlines its page ends with: related stories from its edition, made up to three with the
   * stories just before it; headed "Related stories", or "More news" when none is related.
   */
  related: RelatedStory[];
  relatedHeading: string;
  correctionsHeading: string;
}

/**
 * What a list of stories prints of each (All news, a topic's or an author's page, an archive
 * day), and nothing more: an edit to a story's text alone renders its own page again, not every
 * list it is on, and a plan hashes a few fields of each story a list holds, not whole stories.
 */
export type ListStory = Pick<ArticleView, "url" | "headline" | "description" | "place" | "state" | "sample" | "lang" | "dir" | "byline"> & {
  published: Pick<DateView, "datetime" | "display">;
};

/** What a story's page prints of each related story: its headline, linked, and its date. */
export type RelatedStory = Pick<ListStory, "url" | "headline" | "published" | "lang" | "dir">;

/** A list page (All news, a topic): its title and, past the first page, the days of its stories as printed. */
export interface NewsPageView extends ListPage<ListStory>, EditionPage {
  title: string;
  period?: string;
  /** What the page says in place of its list when the edition has no story yet. */
  noStories?: string;
}

/** A page of a named group of stories (a topic, an author), paginated as All news, with feeds of its own. */
interface StoryGroupPageView extends NewsPageView {
  /** "12 stories": on the group's first page only. */
  summary?: string;
  description: string;
  /** The group's own feeds, announced beside the edition's. */
  feedLinks: FeedLink[];
}

export interface TopicPageView extends StoryGroupPageView {
  topic: { name: string; url: string };
}

/** An author's page: the stories their byline names, newest first, paginated as a topic's. */
export interface AuthorPageView extends StoryGroupPageView {
  author: { name: string; url: string };
}

/** A story on its archive day's page: its time of day there ("15:40 MSK"), none for a date-only story. */
export type ArchiveDayStory = ListStory & { time?: string };

/**
 * A year, month or day of the archive; only a day's page lists its stories, each with its time,
 * and links the nearest later and earlier days with stories ("Later: September 4, 2013").
 */
export type ArchivePageView = Omit<ArchivePage, "stories" | "later" | "earlier"> &
  EditionPage & { summary: string; description: string; stories: ArchiveDayStory[]; days: { text: string; url: string }[] };

/**
 * What the front page prints of a story, and nothing more: an edit to a story's text alone (its
 * body, its corrections) renders its own page again, not the front page.
 */
export type FrontPageStory = Pick<ArticleView, "url" | "headline" | "description" | "place" | "state" | "sample" | "lang" | "dir" | "photo" | "byline"> & {
  published: Pick<DateView, "datetime" | "display">;
};

/** An edition's front page (see front-page.ts). */
export interface FrontPageView extends EditionPage {
  url: string;
  lead?: FrontPageStory;
  top: FrontPageStory[];
  /** The `sizes` of the top stories' small photos, which the stylesheet lays out at that width. */
  thumbnailSizes: string;
  /** Each topic's section: its link's words ("More on Markets") beside its name and page. */
  sections: { topic: { name: string; url: string }; more: string; stories: FrontPageStory[] }[];
  latest: FrontPageStory[];
  allNewsUrl: string;
  /** What the page says in place of its stories when the edition has no story yet. */
  noStories?: string;
}

/** An edition's topics index and archive: one page each per edition. */
export interface TopicIndexView extends EditionPage {
  url: string;
  topics: { name: string; url: string; count: number }[];
}

export interface ArchiveIndexView extends EditionPage {
  url: string;
  years: PeriodLink[];
  /** What the page says in place of its years when the edition has no story yet. */
  noStories?: string;
}

/** An edition's search page: its form, what it says without script, and the words its script prints. */
export interface SearchPageView extends EditionPage {
  url: string;
  description: string;
  /** "Search needs JavaScript…", with its links to the topics and the archive. */
  needsScript: TextPart[];
  /** What the page's script prints, in the edition's words, for its data attribute. */
  scriptStrings: Pick<EditionStrings, "storyCount" | "searchLoading" | "searchSummary" | "searchNone" | "searchMore" | "searchFailed">;
}

/** The notice at a withdrawn story's address: who withdrew it, and when. */
export interface WithdrawnPageView extends EditionPage {
  url: string;
  description: string;
  text: TextPart[];
  withdrawn: Pick<DateView, "datetime" | "display">;
}

/**
 * An edition's 404 page, which hosts serve at a missing address (see notFoundUrl): in the
 * edition's language, with its latest headlines, so a reader who followed a dead link finds the news.
 */
export interface NotFoundPageView extends EditionPage {
  url: string;
  latest: FrontPageStory[];
}

/** How many of its newest headlines an edition's 404 page lists. */
const NOT_FOUND_HEADLINES = 10;

/**
 * A story's page as the plan holds it: its address, its story, and how to make its view. A build
 * holds every page from its plan to its render, and a story's view (the head's tags, the JSON-LD,
 * the related headlines) is several times the story's share of a list: at 10,000 stories all of
 * them took 40 MB of heap through the render. So a view is made when the plan hashes it and again
 * when its run renders it, and neither keeps it.
 */
export interface StoryPage {
  url: string;
  article: ArticleView;
  view: () => StoryPageView;
  /**
   * A hash of all its view is made from: the code that makes it, the settings, its story's digest
   * (articleDigest), what it shows of the stories it ends with, its versions and topics. The same
   * hash, the same view, so the plan need not make the view to know it. None when the story has
   * no digest (read without the story cache, or a copy made to change it).
   */
  madeFrom: () => string | undefined;
}

/**
 * Every page of the site that there is one of per story, list page, period or edition, by
 * template; each story's page as its view (what the templates are given) or, as the plan holds
 * them, a StoryPage.
 */
export interface PageViews<Story = StoryPageView> {
  stories: Story[];
  withdrawn: WithdrawnPageView[];
  front: FrontPageView[];
  news: NewsPageView[];
  topics: TopicPageView[];
  authors: AuthorPageView[];
  archive: ArchivePageView[];
  topicIndexes: TopicIndexView[];
  archiveIndexes: ArchiveIndexView[];
  searches: SearchPageView[];
  notFound: NotFoundPageView[];
}

/** The views as the plan holds them: each story's page made only when asked for. */
export type PlannedViews = PageViews<StoryPage>;

/** The views of pages about to be rendered, each story's page made now. */
export function madeViews(planned: PlannedViews): PageViews {
  return { ...planned, stories: planned.stories.map((page) => page.view()) };
}

function frontPageStory({ url, headline, description, place, state, sample, lang, dir, photo, byline, published: { datetime, display } }: ArticleView): FrontPageStory {
  return { url, headline, description, place, state, sample, lang, dir, photo, byline, published: { datetime, display } };
}

function listStory({ url, headline, description, place, state, sample, lang, dir, byline, published: { datetime, display } }: ArticleView): ListStory {
  return { url, headline, description, place, state, sample, lang, dir, byline, published: { datetime, display } };
}

function withTimeOfDay(story: ArticleView): ArchiveDayStory {
  const time = story.published.timeOfDay;
  return time === undefined ? listStory(story) : { ...listStory(story), time };
}

/**
 * The switch's wording for another edition: "Read in {language}" where the page leads to its own
 * translation, else "{language} edition", each in this edition's words (its strings' own wording
 * for that language, else the pattern with the language as this edition names it).
 */
function switchLabel(from: Edition, to: Edition, translated: boolean): string {
  // Worded once per pair of editions: every page carries the switch, and naming a language costs more than the page's other links.
  const labels = switchLabels.get(from) ?? new Map<string, string>();
  switchLabels.set(from, labels);
  const key = `${to.lang} ${translated}`;
  let label = labels.get(key);
  if (label === undefined) labels.set(key, (label = wordSwitch(from, to, translated)));
  return label;
}

const switchLabels = new WeakMap<Edition, Map<string, string>>();

function wordSwitch(from: Edition, to: Edition, translated: boolean): string {
  const { readIn, readInEdition, editionLink, editionLinkFor } = from.strings;
  const own = (translated ? readInEdition : editionLinkFor)?.[to.lang];
  if (own !== undefined) return own;
  const language = new Intl.DisplayNames([from.lang], { type: "language" }).of(to.lang) ?? to.name;
  return fillPattern(translated ? readIn : editionLink, { language });
}

/** Where a page's switch leads in another edition: a page of it, and whether that page is this page translated. */
type Counterpart = (to: Edition) => { url: string; translated: boolean } | undefined;

/** The switch of a page of `from`: each other edition's page `counterpart` names, else its All news. */
function languageLinks(editions: readonly Edition[], from: Edition, counterpart: Counterpart = () => undefined): LanguageLink[] {
  return editions
    .filter((to) => to !== from)
    .map((to) => {
      const there = counterpart(to);
      return { url: there?.url ?? editionHome(to.path), hreflang: to.lang, name: to.name, dir: to.dir, label: switchLabel(from, to, there?.translated ?? false) };
    });
}

/** The same kind of page in the other edition (its topics, its archive): its own pages, not a translation. */
const samePageIn = (url: (to: Edition) => string | undefined): Counterpart => (to) => {
  const there = url(to);
  return there === undefined ? undefined : { url: there, translated: false };
};

/** The every-page view of each edition, by language tag. */
export function editionViews(newsroom: Newsroom): Record<string, EditionView> {
  return Object.fromEntries(
    newsroom.editions.map(({ edition, feedChannel, feedLinks }) => {
      const { strings } = edition;
      const view: EditionView = {
        lang: edition.lang,
        dir: edition.dir,
        strings,
        home: editionHome(edition.path),
        allNewsUrl: allNewsUrl(edition.path),
        topicsUrl: topicsUrl(edition.path),
        archiveUrl: archiveUrl(edition.path),
        searchUrl: searchUrl(edition.path),
        feedLinks,
        feeds: { rss: feedChannel.rss, atom: feedChannel.atom, json: feedChannel.json },
        elsewhere: textParts(strings.elsewhere, {
          allNews: { text: strings.elsewhereAllNews, url: allNewsUrl(edition.path) },
          topics: { text: strings.elsewhereTopics, url: topicsUrl(edition.path) },
          archive: { text: strings.elsewhereArchive, url: archiveUrl(edition.path) },
        }),
      };
      return [edition.lang, view];
    }),
  );
}

/** What a story's page shows besides the story itself and the settings. */
interface StoryPageParts {
  versions: readonly StoryVersion[];
  topics: StoryPageView["topics"];
  related: RelatedStory[];
  languages: LanguageLink[];
  relatedHeading: string;
}

function storyPage(article: ArticleView, site: SiteSettings, edition: Edition, { versions, topics, related, languages, relatedHeading }: StoryPageParts): StoryPageView {
  const fallback = versions.find(({ isDefault }) => isDefault);
  const section = topics[0] ?? { name: edition.strings.allNews, url: allNewsUrl(edition.path) };
  return {
    url: article.url,
    edition: edition.lang,
    languages,
    article,
    metadata: articleMetadata(article, site, edition),
    structuredData: serializeJsonLd(articleJsonLd(article, site, edition, section, versions)),
    alternates: [
      ...versions.map(({ lang, url }) => ({ hreflang: lang, href: absoluteUrl(url, site) })),
      ...(fallback ? [{ hreflang: "x-default", href: absoluteUrl(fallback.url, site) }] : []),
    ],
    section,
    topics,
    related,
    relatedHeading,
    correctionsHeading: article.corrections.length === 1 ? edition.strings.correction : edition.strings.corrections,
  };
}

/**
 * Each story's page view, by the story, with what it was made from besides the story: the dev
 * server's rebuilds share the stories no edit changed (story-cache.ts), and a page made from the
 * same story and the same parts is the same view, so it is neither made nor hashed again.
 */
const storyPages = new WeakMap<ArticleView, { madeFrom: string; view: StoryPageView }>();

/** The same for each kept story's page's `madeFrom` hash, which the dev server's plans ask at every rebuild. */
const storyPageHashes = new WeakMap<ArticleView, { madeFrom: string; hash: string }>();

/** The code that makes the views, this module and all it imports, for a story page's `madeFrom`: once per process (code cannot change while it runs). */
let viewCode: string | undefined;
const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * List pages made of kept (frozen) stories only, by URL, with what each was made from: the stories
 * it lists, in order, and its other parts. The dev server's rebuild after an edit makes and hashes
 * again only the lists that changed (at 10,000 stories, the other 1,500 were a tenth of a second).
 * Each pageViews call keeps only its own pages for the next.
 */
let keptLists = new Map<string, { madeFrom: string; view: object }>();

class KeptLists {
  readonly #generation: number;
  readonly #previous: Map<string, { madeFrom: string; view: object }>;
  readonly #next = new Map<string, { madeFrom: string; view: object }>();

  constructor(generation: number) {
    this.#generation = generation;
    this.#previous = keptLists;
    keptLists = this.#next;
  }

  /** The view `make` makes of a list page of `stories` at `url`; `parts` is everything else it is made from (the settings aside). */
  view<T extends object>(url: string, stories: readonly ArticleView[], parts: unknown, make: () => T): T {
    if (!stories.every((story) => Object.isFrozen(story))) return make();
    const madeFrom = `${this.#generation} ${stories.map(storyNumber).join(",")} ${JSON.stringify(parts)}`;
    const earlier = this.#previous.get(url);
    const view = earlier?.madeFrom === madeFrom ? (earlier.view as T) : deepFreeze(make());
    this.#next.set(url, { madeFrom, view });
    return view;
  }
}

/** A number for each kept story, which stands for it in what a list was made from. */
function storyNumber(story: ArticleView): number {
  let number = storyNumbers.get(story);
  if (number === undefined) storyNumbers.set(story, (number = (lastStoryNumber += 1)));
  return number;
}
const storyNumbers = new WeakMap<ArticleView, number>();
let lastStoryNumber = 0;

/**
 * A number for the settings' content: the same for a later build's settings when their JSON is the
 * same (the dev server reads them again for each rebuild), a new one otherwise or when JSON cannot
 * carry them exactly.
 */
function settingsGeneration(site: SiteSettings): number {
  let generation = settingsGenerations.get(site);
  if (generation === undefined) {
    const json = exactJson(site);
    generation = json !== undefined && json === lastSettings.json ? lastSettings.generation : lastSettings.generation + 1;
    lastSettings = { json, generation };
    settingsGenerations.set(site, generation);
  }
  return generation;
}
const settingsGenerations = new WeakMap<SiteSettings, number>();
let lastSettings: { json: string | undefined; generation: number } = { json: undefined, generation: 0 };

/**
 * The views of the newsroom's pages. Two stories on one URL (an error the report names) get one
 * page, the first's (a story's before a withdrawn one's notice), so a build reaches that report
 * rather than a clash of output files; URLs are compared without case, as case-blind file
 * systems and hosts would merge them.
 */
export function pageViews(newsroom: Newsroom, site: SiteSettings): PlannedViews {
  const editions = newsroom.editions.map(({ edition }) => edition);
  const byLang = new Map(newsroom.editions.map((room) => [room.edition.lang, room]));
  const roomOf = (lang: string): EditionNewsroom => byLang.get(lang) ?? newsroom.editions[0]!;
  const languages = (from: Edition, counterpart?: Counterpart) => languageLinks(editions, from, counterpart);
  const archiveUrls = new Set(newsroom.editions.flatMap(({ archive }) => archive.pages.map(({ url }) => url)));
  /** The same archive period in another edition, where it has stories. */
  const samePeriod = (from: Edition, url: string) =>
    samePageIn((to) => {
      const there = archiveUrl(to.path) + url.slice(archiveUrl(from.path).length);
      return archiveUrls.has(there) ? there : undefined;
    });

  const generation = settingsGeneration(site);
  let settingsHash: string | undefined;
  const lists = new KeptLists(generation);
  const claimed = new Set<string>();
  const claim = ({ url }: { url: string }) => !claimed.has(url.toLowerCase()) && claimed.add(url.toLowerCase());
  const stories = newsroom.stories.filter(claim);
  const withdrawn = newsroom.withdrawn.filter(claim);
  const endings = new Map(newsroom.editions.flatMap(({ stories: own, topics }) => [...storyEndings(own, topics)]));
  const topicNames = new Map(newsroom.editions.flatMap(({ topics }) => topics.map((topic) => [topic.url, topic.name])));

  const listPage = (from: Edition, title: string) => (page: ListPage<ArticleView>) => {
    const own = { ...page, items: page.items.map(listStory), edition: from.lang };
    if (page.days === undefined) return { ...own, title };
    const period = formatCalendarDays(page.days.first, page.days.last, from.lang);
    return { ...own, title: fillPattern(from.strings.pageTitle, { title, period }), period };
  };
  const groupPage = (from: Edition, group: { name: string; stories: readonly ArticleView[] }, page: ListPage<ArticleView>, description: string, feedLinks: FeedLink[]) => ({
    ...listPage(from, group.name)(page),
    languages: languages(from),
    // Only the first page counts the group's stories: the count changes with every story.
    ...(page.days === undefined ? { summary: countText(from.strings.storyCount, from.lang, group.stories.length) } : {}),
    description,
    feedLinks,
  });

  /** What a story's page shows besides the story and the settings; made when asked for, as the plan holds every story's page. */
  const partsOf = (article: ArticleView) => {
    const ending = endings.get(article.url);
    return {
      edition: roomOf(article.edition).edition,
      versions: newsroom.versions.get(article.url) ?? [],
      topics: article.topics.map(({ name, url }) => ({ name: topicNames.get(url) ?? name, url })),
      endingStories: ending?.stories ?? [],
      moreNews: ending?.related === 0,
      related: (ending?.stories ?? []).map(({ url, headline, lang, dir, published: { datetime, display } }): RelatedStory => ({ url, headline, lang, dir, published: { datetime, display } })),
    };
  };
  /**
   * What a kept story's page is made from besides the story, in this process's terms (settings by
   * their generation, stories by their numbers): only stories kept for later builds are frozen, and
   * only a page made of those is kept; the same string, the same page. None for any other story.
   */
  const keptMadeFrom = (article: ArticleView, { endingStories, moreNews, versions, topics }: ReturnType<typeof partsOf>): string | undefined =>
    Object.isFrozen(article) && endingStories.every((story) => Object.isFrozen(story)) ? `${generation} ${endingStories.map(storyNumber).join(",")} ${moreNews} ${JSON.stringify([versions, topics])}` : undefined;
  const storyPageView = (article: ArticleView): StoryPageView => {
    const parts = partsOf(article);
    const { edition, versions, topics, related, moreNews } = parts;
    const make = () =>
      storyPage(article, site, edition, {
        versions,
        topics,
        related,
        languages: languages(edition, (to) => {
          const translation = versions.find(({ lang }) => lang === to.lang);
          return translation && { url: translation.url, translated: true };
        }),
        relatedHeading: moreNews ? edition.strings.moreNews : edition.strings.relatedStories,
      });
    const madeFrom = keptMadeFrom(article, parts);
    if (madeFrom === undefined) return make();
    const earlier = storyPages.get(article);
    if (earlier?.madeFrom === madeFrom) return earlier.view;
    const view = deepFreeze(make());
    storyPages.set(article, { madeFrom, view });
    return view;
  };
  // The parts the view is made from (storyPageView), the story by its digest; kept with the view's for a kept story.
  const storyPageMadeFrom = (article: ArticleView): string | undefined => {
    const digest = articleDigest(article);
    if (digest === undefined) return undefined;
    const parts = partsOf(article);
    const kept = keptMadeFrom(article, parts);
    const earlier = kept === undefined ? undefined : storyPageHashes.get(article);
    if (earlier !== undefined && earlier.madeFrom === kept) return earlier.hash;
    const { versions, topics, moreNews, related } = parts;
    settingsHash ??= sha256(exactJson(site) ?? JSON.stringify(site));
    viewCode ??= codeFingerprint([new URL(import.meta.url)]);
    const hash = sha256(JSON.stringify([viewCode, settingsHash, digest, related, moreNews, versions, topics]));
    if (kept !== undefined) storyPageHashes.set(article, { madeFrom: kept, hash });
    return hash;
  };

  return {
    stories: stories.map((article) => ({ url: article.url, article, view: () => storyPageView(article), madeFrom: () => storyPageMadeFrom(article) })),
    withdrawn: withdrawn.map(({ url, source, edition: lang, withdrawn: { datetime, display } }) => {
      const { edition } = roomOf(lang);
      return {
        url,
        edition: edition.lang,
        languages: languages(edition),
        description: fillPattern(edition.strings.withdrawnText, { source, date: display }),
        text: textParts(edition.strings.withdrawnText, { source: { text: source }, date: { text: display, datetime } }),
        withdrawn: { datetime, display },
      };
    }),
    front: newsroom.editions.map(({ edition, frontPage: { lead, top, sections, latest } }) => ({
      url: editionHome(edition.path),
      edition: edition.lang,
      languages: languages(edition),
      ...(lead === undefined ? { noStories: edition.strings.noStories } : { lead: frontPageStory(lead) }),
      top: top.map(frontPageStory),
      thumbnailSizes: THUMBNAIL_SIZES,
      sections: sections.map(({ topic, stories }) => ({ topic, more: fillPattern(edition.strings.moreOnTopic, { topic: topic.name }), stories: stories.map(frontPageStory) })),
      latest: latest.map(frontPageStory),
      allNewsUrl: allNewsUrl(edition.path),
    })),
    news: newsroom.editions.flatMap(({ edition, newsPages }) =>
      newsPages.map((page) =>
        lists.view(page.url, page.items, [edition.lang, { ...page, items: [] }], () => ({
          ...listPage(edition, edition.strings.allNews)(page),
          // The first page's switch leads to the other editions' All news; a later page's to their front pages.
          languages: languages(edition, samePageIn((to) => (page.days === undefined ? allNewsUrl(to.path) : undefined))),
          ...(page.items.length === 0 ? { noStories: edition.strings.noStories } : {}),
        })),
      ),
    ),
    topics: newsroom.editions.flatMap(({ edition, topicPages }) =>
      topicPages.map(({ topic, feedLinks, ...page }) =>
        lists.view(page.url, page.items, [edition.lang, { ...page, items: [] }, topic.name, topic.url, topic.stories.length, feedLinks], () => ({
          ...groupPage(edition, topic, page, fillPattern(edition.strings.topicDescription, { topic: topic.name, site: site.name }), feedLinks),
          topic: { name: topic.name, url: topic.url },
        })),
      ),
    ),
    authors: newsroom.editions.flatMap(({ edition, authorPages }) =>
      authorPages.map(({ author, feedLinks, ...page }) =>
        lists.view(page.url, page.items, [edition.lang, { ...page, items: [] }, author.name, author.url, author.stories.length, feedLinks], () => ({
          ...groupPage(edition, author, page, fillPattern(edition.strings.authorDescription, { author: author.name, site: site.name }), feedLinks),
          author: { name: author.name, url: author.url },
        })),
      ),
    ),
    archive: newsroom.editions.flatMap(({ edition, archive }) =>
      archive.pages.map(({ later, earlier, ...page }) => {
        const links = languages(edition, samePeriod(edition, page.url));
        // A year's or a month's page counts its stories; only a day's lists them.
        return lists.view(page.url, page.kind === "day" ? page.stories : [], [edition.lang, { ...page, stories: page.stories.length }, later, earlier, links], () => ({
          ...page,
          edition: edition.lang,
          languages: links,
          summary: countText(edition.strings.storyCount, edition.lang, page.stories.length),
          description: fillPattern(edition.strings.archiveDescription, { period: page.period, site: site.name }),
          stories: page.kind === "day" ? page.stories.map(withTimeOfDay) : [],
          days: [
            ...(later ? [{ text: fillPattern(edition.strings.laterDay, { day: later.title }), url: later.url }] : []),
            ...(earlier ? [{ text: fillPattern(edition.strings.earlierDay, { day: earlier.title }), url: earlier.url }] : []),
          ],
        }));
      }),
    ),
    topicIndexes: newsroom.editions.map(({ edition, topics }) => ({
      url: topicsUrl(edition.path),
      edition: edition.lang,
      languages: languages(edition, samePageIn((to) => topicsUrl(to.path))),
      topics: topics.map(({ name, url, stories: tagged }) => ({ name, url, count: tagged.length })),
    })),
    archiveIndexes: newsroom.editions.map(({ edition, archive }) => ({
      url: archiveUrl(edition.path),
      edition: edition.lang,
      languages: languages(edition, samePageIn((to) => archiveUrl(to.path))),
      years: archive.years,
      ...(archive.years.length === 0 ? { noStories: edition.strings.noStories } : {}),
    })),
    searches: newsroom.editions.map(({ edition }) => {
      const { strings } = edition;
      return {
        url: searchUrl(edition.path),
        edition: edition.lang,
        languages: languages(edition, samePageIn((to) => searchUrl(to.path))),
        description: fillPattern(strings.searchDescription, { site: site.name }),
        needsScript: textParts(strings.searchNeedsScript, {
          topics: { text: strings.elsewhereTopics, url: topicsUrl(edition.path) },
          archive: { text: strings.elsewhereArchive, url: archiveUrl(edition.path) },
        }),
        scriptStrings: {
          storyCount: strings.storyCount,
          searchLoading: strings.searchLoading,
          searchSummary: strings.searchSummary,
          searchNone: strings.searchNone,
          searchMore: strings.searchMore,
          searchFailed: strings.searchFailed,
        },
      };
    }),
    notFound: newsroom.editions.map(({ edition, stories: own }) => ({
      url: notFoundUrl(edition.path),
      edition: edition.lang,
      languages: languages(edition),
      latest: own.slice(0, NOT_FOUND_HEADLINES).map(frontPageStory),
    })),
  };
}
