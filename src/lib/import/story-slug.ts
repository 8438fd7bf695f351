import { createHash } from "node:crypto";

/** Words enough to tell stories apart in an address, few enough to read it. */
const MAX_WORDS = 8;
const MAX_LENGTH = 60;

/**
 * A story's folder name, which is its address's last part: the headline's first words in plain
 * ASCII ("Moscow hopes for further talks on ..." -> moscow-hopes-for-further-talks-on-...). A
 * headline with no Latin letters gets the agency id's hash, so its address is still stable.
 */
export function storySlug(headline: string, id: string): string {
  const words = headline
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  return slug || `story-${createHash("sha256").update(id).digest("hex").slice(0, 10)}`;
}
