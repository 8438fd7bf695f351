import type { ArticleView } from "../../src/lib/model/story-view.ts";
import { archiveLinks } from "../../src/lib/model/urls.ts";
import { storyTopics } from "../../src/lib/model/topic-refs.ts";

/** A published story's view with just the facts a list test needs: its day, topics and a slug. */
export function storyView(slug: string, day: string, tags: string[] = [], hour = 12, edition = { lang: "en", path: "" }): ArticleView {
  const iso = `${day}T${String(hour).padStart(2, "0")}:00:00Z`;
  const published = { datetime: iso, display: day, iso, day, epochMs: Date.parse(iso), timeOfDay: `${String(hour).padStart(2, "0")}:00 UTC` };
  return {
    url: `/${edition.path}news/${slug}.html`,
    file: `src/news/${slug}.md`,
    headline: slug,
    lead: `${slug} lead`,
    description: `${slug} lead`,
    place: "MOSCOW",
    zone: "UTC",
    source: "Itar-Tass",
    authors: [],
    byline: [],
    dateline: `MOSCOW, ${day} (Itar-Tass) -`,
    datelineParts: ["MOSCOW,", day, "(Itar-Tass) -"],
    published,
    archive: archiveLinks(day, edition.path),
    corrections: [],
    topics: storyTopics(tags, edition.path),
    state: "published",
    sample: false,
    bodyHtml: `<p>${slug} body.</p>\n`,
    images: [],
    stem: `/news/${edition.path}${slug}`,
    edition: edition.lang,
  };
}
