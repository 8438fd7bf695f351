import { addressSlug, topicUrl } from "./urls.ts";

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
 * The topic's URL segment, by the slug rule (addressSlug): "São Paulo" -> "sao-paulo", "Ядерное
 * разоружение" -> "yadernoe-razoruzhenie". Two names that come out the same are a clash the
 * newsroom reports (topicClashes); a name with nothing to spell is "topic".
 */
function topicSlug(name: string): string {
  return addressSlug(name) || "topic";
}

/** A topic of an edition: its page is in the edition's topics. */
function topicRef(name: string, editionPath: string): TopicRef {
  const slug = topicSlug(name);
  return { key: topicKey(name), name: name.replace(/\s+/g, " ").trim(), slug, url: topicUrl(slug, editionPath) };
}

/** A story's topics, each once, in the order the editor listed them. */
export function storyTopics(tags: readonly string[], editionPath: string): TopicRef[] {
  const seen = new Set<string>();
  return tags.map((tag) => topicRef(tag, editionPath)).filter(({ key }) => !seen.has(key) && Boolean(seen.add(key)));
}
