/**
 * The story view: everything a template, feed or sitemap prints about a story, already checked and
 * computed. Every stage after reading shares these types, so none needs the reader itself.
 */
import type { AuthorRef } from "./authors.ts";
import type { DateView } from "./dates.ts";
import type { TextPart } from "./editions.ts";
import type { PublishingState } from "./publishing.ts";
import type { PhotoRights } from "./photo-rights.ts";
import type { Place } from "./problems.ts";
import type { TopicRef } from "./topic-refs.ts";
import type { ArchiveLinks } from "./urls.ts";

export interface PhotoSource {
  type: string;
  srcset: string;
}

/** A story's photo as its page places it; URLs are site-root paths. */
export interface ProcessedPhoto {
  /** The largest JPEG, or the SVG as drawn: what feeds, link previews and structured data point to. */
  url: string;
  width: number;
  height: number;
  /** The JPEG widths for the <img>, and the sizes the layout gives it; absent for an SVG, which scales itself. */
  srcset?: string;
  sizes?: string;
  /** AVIF, for a <source> element ahead of the <img>; empty for an SVG. */
  sources: PhotoSource[];
}

/** The photo's files (see ProcessedPhoto: `url`, `width` and `height` are its largest JPEG or its SVG), its words and its rights. */
export interface PhotoView extends ProcessedPhoto, PhotoRights {
  alt: string;
  credit: string;
  caption?: string;
}

export interface CorrectionView {
  date: DateView;
  text: string;
}

/** Everything a template prints about a story, already checked, computed and in reading order. */
export interface ArticleView {
  url: string;
  /** The story's path stem (Eleventy's page.filePathStem): its images are published beside it. */
  stem: string;
  /** The file the story came from, for error messages that name it. */
  file: string;
  headline: string;
  /** The standfirst under the headline; none for an agency's item that came without one. */
  lead?: string;
  /** What describes the story in its page's head, feeds and structured data: its lead, else its text's first sentence. */
  description: string;
  place: string;
  /** The dateline's IANA zone: where the story's calendar days are counted. */
  zone: string;
  /** The agency that filed the story (the site's name for its own stories). */
  source: string;
  /** Who wrote it, as its byline names them (`by`); none when the dateline's agency is the only credit. */
  authors: AuthorRef[];
  /** The byline as printed under the headline, each name a link to its author's page; empty with no author. */
  byline: TextPart[];
  /** The dateline that opens the story's text, as one text (structured data) and as the pieces a line may break between (the body). */
  dateline: string;
  datelineParts: string[];
  published: DateView;
  updated?: DateView;
  archive: ArchiveLinks;
  corrections: CorrectionView[];
  photo?: PhotoView;
  /** The credit of the agency's photo the story runs without, printed as text where the photo would be. */
  photoCredit?: string;
  topics: TopicRef[];
  state: PublishingState;
  /** A demonstration story shipped with the project, marked as such on its page. */
  sample: boolean;
  /** How important the editors rank it on the front page, 1 (most) to 9, as IPTC urgency; none when not ranked. */
  priority?: number;
  /**
   * The body as the page prints it (see renderStoryBody); feeds carry it too. Its Markdown is not
   * kept: a build holds every story to its render, and at 10,000 stories the Markdown was 33 MB
   * of the 175 MB of heap the render held.
   */
  bodyHtml: string;
  /** The language tag of the edition the story is published in (its `lang`, or the default edition's). */
  edition: string;
  /** The story's language and direction where they differ from its edition's (an Arabic story in English pages: "ar", "rtl"). */
  lang?: string;
  dir?: "ltr" | "rtl";
  /** The story this one translates: its path stem (as `stem`), the path as written, and the field's line. */
  translationOf?: { stem: string; path: string; line: number };
  /** Where its `by` and `tags` are written, for a problem they make with other stories' (two spellings at one author or topic page). */
  fieldPlaces?: { by?: Place; tags?: Place };
  /** The image files the story publishes and where it names each, so no two stories share one by mistake. */
  images: ({ path: string; field: string } & Place)[];
}

/**
 * A story its agency (or the newsroom) withdrew: none of its text is kept, only its address, which
 * now holds a notice saying who withdrew it and when. It is in no list, feed or sitemap.
 */
export interface WithdrawnView {
  url: string;
  /** The file the story came from, for error messages that name it. */
  file: string;
  /** The story's path stem, so a translation naming it finds it. */
  stem: string;
  /** The language tag of the edition its notice is in. */
  edition: string;
  state: "withdrawn";
  /** Who withdrew it: the agency that filed it, or the site's name for its own stories. */
  source: string;
  /** When, at the dateline, as the story's dates are shown. */
  withdrawn: DateView;
  /**
   * For a story withdrawn before its date (killed under embargo, never out): from when its notice
   * goes up, the story's date. Before then no page is at its address, which names its headline.
   */
  noticeFrom?: number;
}
