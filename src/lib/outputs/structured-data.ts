import type { ArticleView, PhotoView } from "../model/story-view.ts";
import { lastModified } from "./last-modified.ts";
import type { SiteSettings } from "../model/site.ts";
import { absoluteUrl, photoAddress } from "../model/site-urls.ts";
import type { Edition } from "../model/editions.ts";
import type { StoryVersion } from "../model/translations.ts";

export type JsonLdValue = string | number | boolean | JsonLdValue[] | { [key: string]: JsonLdValue };
export type JsonLd = { [key: string]: JsonLdValue };

/** A `<meta>` tag: Open Graph uses `property`, Twitter cards and the description use `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

export interface ArticleMetadata {
  /** For `<link rel="canonical">`: the story's absolute URL. */
  canonical: string;
  /** For `<meta name="description">`. */
  description: string;
  /** Open Graph and Twitter card tags, in order; a template prints each as it is. */
  meta: MetaTag[];
}

const organization = (name: string, url?: string): JsonLd => ({ "@type": "Organization", name, ...(url ? { url } : {}) });

/**
 * The photo as an ImageObject with what Google Images shows as "Licensable": its credit, its
 * creator (the photographer as a Person, else the credit's agency as an Organization), copyright
 * notice, licence and where to licence it; each only when known.
 */
function imageObject(photo: PhotoView, site: SiteSettings): JsonLd {
  const url = photoAddress(photo.url, site);
  const creator = photo.creator !== undefined ? { "@type": "Person", name: photo.creator } : photo.agency !== undefined ? organization(photo.agency) : undefined;
  return {
    "@type": "ImageObject",
    contentUrl: url,
    url,
    width: photo.width,
    height: photo.height,
    ...(photo.caption === undefined ? {} : { caption: photo.caption }),
    creditText: photo.credit,
    ...(creator === undefined ? {} : { creator }),
    ...(photo.copyright === undefined ? {} : { copyrightNotice: photo.copyright }),
    ...(photo.license === undefined ? {} : { license: photo.license }),
    ...(photo.licensePage === undefined ? {} : { acquireLicensePage: photo.licensePage }),
  };
}

/** The story's relation to its versions: the work it translates (its original), or the translations of it. */
function translationLinks(article: ArticleView, versions: readonly StoryVersion[], site: SiteSettings): JsonLd {
  const work = (version: StoryVersion): JsonLd => ({ "@type": "NewsArticle", "@id": absoluteUrl(version.url, site), inLanguage: version.lang, url: absoluteUrl(version.url, site) });
  const others = versions.filter(({ url }) => url !== article.url);
  const original = others.find(({ isOriginal }) => isOriginal);
  if (original) return { translationOfWork: work(original) };
  return others.length > 0 ? { workTranslation: others.map(work) } : {};
}

/**
 * Schema.org data for a story's page: the NewsArticle in its edition's language, with its
 * byline's people (else its agency) as author, the site as publisher and its translations, and its breadcrumb (the page's
 * label above the headline, `section`: its main topic or All news; then the story), as one JSON-LD graph.
 */
export function articleJsonLd(article: ArticleView, site: SiteSettings, edition: Edition, section: { name: string; url: string }, versions: readonly StoryVersion[] = []): JsonLd {
  const url = absoluteUrl(article.url, site);
  const { photo } = article;
  const newsArticle: JsonLd = {
    "@type": "NewsArticle",
    headline: article.headline,
    description: article.description,
    datePublished: article.published.iso,
    dateModified: lastModified(article).iso,
    dateline: article.dateline,
    locationCreated: { "@type": "Place", name: article.place },
    ...(photo ? { image: imageObject(photo, site) } : {}),
    // The byline's people, each with their page; a story without one is its agency's.
    author: article.authors.length > 0 ? article.authors.map(({ name, url }) => ({ "@type": "Person", name, url: absoluteUrl(url, site) })) : organization(article.source),
    publisher: organization(site.name, site.url),
    inLanguage: article.lang ?? edition.lang,
    ...translationLinks(article, versions, site),
    ...(article.topics.length > 0 ? { keywords: article.topics.map(({ name }) => name) } : {}),
    mainEntityOfPage: url,
    url,
  };
  const breadcrumbs: JsonLd = {
    "@type": "BreadcrumbList",
    itemListElement: [
      { "@type": "ListItem", position: 1, name: section.name, item: absoluteUrl(section.url, site) },
      { "@type": "ListItem", position: 2, name: article.headline, item: url },
    ],
  };
  return { "@context": "https://schema.org", "@graph": [newsArticle, breadcrumbs] };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes, so no value
 * can close the script or open a comment, and U+2028/U+2029, which older parsers choke on.
 */
export function serializeJsonLd(value: JsonLd): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The canonical URL, description, Open Graph and Twitter card values for a story's `<head>`. */
export function articleMetadata(article: ArticleView, site: SiteSettings, edition: Pick<Edition, "lang">): ArticleMetadata {
  const canonical = absoluteUrl(article.url, site);
  const { photo } = article;
  const photoUrl = photo && photoAddress(photo.url, site);
  const og = (property: string, content: string): MetaTag => ({ property, content });
  const twitter = (name: string, content: string): MetaTag => ({ name, content });
  return {
    canonical,
    description: article.description,
    meta: [
      og("og:type", "article"),
      og("og:title", article.headline),
      og("og:description", article.description),
      og("og:url", canonical),
      og("og:site_name", site.name),
      // Open Graph spells locales language_TERRITORY.
      og("og:locale", edition.lang.replace(/-/g, "_")),
      og("article:published_time", article.published.iso),
      og("article:modified_time", lastModified(article).iso),
      og("article:section", article.topics[0]?.name ?? site.name),
      ...article.topics.map(({ name }) => og("article:tag", name)),
      ...(photo && photoUrl
        ? [og("og:image", photoUrl), og("og:image:width", String(photo.width)), og("og:image:height", String(photo.height)), og("og:image:alt", photo.alt)]
        : []),
      twitter("twitter:card", photo ? "summary_large_image" : "summary"),
      twitter("twitter:title", article.headline),
      twitter("twitter:description", article.description),
      ...(photo && photoUrl ? [twitter("twitter:image", photoUrl), twitter("twitter:image:alt", photo.alt)] : []),
    ],
  };
}
