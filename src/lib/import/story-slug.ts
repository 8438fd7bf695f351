import { createHash } from "node:crypto";
import { addressSlug } from "../model/urls.ts";

/** Words enough to tell stories apart in an address, few enough to read it. */
const MAX_WORDS = 8;
const MAX_LENGTH = 60;

/**
 * A story's folder name, which is its address's last part: the headline's first words by the
 * slug rule (addressSlug), so the build publishes the story under the folder's own name
 * ("Moscow hopes for further talks on ..." -> moscow-hopes-for-further-talks-on-..., "Москва
 * надеется ..." -> moskva-nadeetsya-...). A headline with nothing to spell in ASCII gets the
 * agency id's hash, so its address is still stable.
 */
export function storySlug(headline: string, id: string): string {
  const words = addressSlug(headline).split("-").filter(Boolean).slice(0, MAX_WORDS);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  return slug || `story-${createHash("sha256").update(id).digest("hex").slice(0, 10)}`;
}
