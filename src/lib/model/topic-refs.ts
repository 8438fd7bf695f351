import { createHash } from "node:crypto";
import { topicUrl } from "./urls.ts";

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
 * and file system. A name with letters ASCII cannot spell (CJK, Cyrillic) keeps a short hash of
 * its key, so two such topics never share a page.
 */
export function topicSlug(name: string): string {
  const key = topicKey(name);
  const folded = key.normalize("NFD").replace(/\p{M}/gu, "");
  const ascii = folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (/^[\x00-\x7f]*$/.test(folded) && ascii !== "") return ascii;
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 8);
  return ascii === "" ? `topic-${hash}` : `${ascii}-${hash}`;
}

export function topicRef(name: string): TopicRef {
  const slug = topicSlug(name);
  return { key: topicKey(name), name: name.replace(/\s+/g, " ").trim(), slug, url: topicUrl(slug) };
}

/** A story's topics, each once, in the order the editor listed them. */
export function storyTopics(tags: readonly string[]): TopicRef[] {
  const seen = new Set<string>();
  return tags.map(topicRef).filter(({ key }) => !seen.has(key) && Boolean(seen.add(key)));
}
