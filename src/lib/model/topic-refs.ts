import { topicUrl, transliteratedSlug } from "./urls.ts";

/** A topic as a story links to it. */
export interface TopicRef {
  /** One spelling for every variant: case, spacing and Unicode form do not make a new topic. */
  key: string;
  name: string;
  slug: string;
  url: string;
}

/** "Korean Peninsula", "korean  peninsula" and "KOREAN PENINSULA" are one topic. */
export function topicKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * The topic's URL segment: ASCII letters, digits and hyphens, so the URL is the same on every host
 * and file system. A name in another script (Cyrillic, CJK) is transliterated: "Ядерное
 * разоружение" -> "yadernoe-razoruzhenie". Two names that come out the same are a clash the
 * newsroom reports (topicClashes); a name with nothing to spell is "topic".
 */
export function topicSlug(name: string): string {
  const key = topicKey(name);
  // Latin letters lose their accents ("São Paulo" -> "sao-paulo"); other scripts are transliterated whole ("й" is not "и").
  const folded = key.normalize("NFD").replace(/\p{M}/gu, "");
  const ascii = (/^[\x00-\x7f]*$/.test(folded) ? folded : transliteratedSlug(key)).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return ascii === "" ? "topic" : ascii;
}

/** A topic of an edition: its page is in the edition's topics. */
export function topicRef(name: string, editionPath: string): TopicRef {
  const slug = topicSlug(name);
  return { key: topicKey(name), name: name.replace(/\s+/g, " ").trim(), slug, url: topicUrl(slug, editionPath) };
}

/** A story's topics, each once, in the order the editor listed them. */
export function storyTopics(tags: readonly string[], editionPath: string): TopicRef[] {
  const seen = new Set<string>();
  return tags.map((tag) => topicRef(tag, editionPath)).filter(({ key }) => !seen.has(key) && Boolean(seen.add(key)));
}
