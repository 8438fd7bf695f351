import type { ArticleView } from "./article.ts";
import { buildArchive, type Archive } from "./archives.ts";
import { paginate, type ListPage } from "./pagination.ts";
import { relatedStories } from "./related.ts";
import type { SiteSettings } from "./site.ts";
import { buildTopics, type Topic } from "./topics.ts";

export interface TopicListPage extends ListPage<ArticleView> {
  topic: Topic;
}

/** Every list and link between stories that the site's pages print, computed once per build. */
export interface Newsroom {
  stories: ArticleView[];
  newsPages: ListPage<ArticleView>[];
  archive: Archive;
  topics: Topic[];
  topicPages: TopicListPage[];
  /** What an article page links to, by story URL: its topics as the site spells them, and related stories. */
  storyLinks: Record<string, StoryLinks>;
}

export interface StoryLinks {
  topics: { name: string; url: string }[];
  related: ArticleView[];
}

/** Page n of a list whose first page is at `url`, e.g. "/" then "/page/2/". */
const listPageUrl = (url: string) => (number: number) => (number === 1 ? url : `${url}page/${number}/`);

/** Builds every list page from the stories this build shows, newest first. */
export function buildNewsroom(stories: ArticleView[], site: Pick<SiteSettings, "pageSize">): Newsroom {
  const topics = buildTopics(stories);
  const related = relatedStories(topics);
  const topicNames = new Map(topics.map((topic) => [topic.key, topic.name]));
  const storyLinks = stories.map((story): [string, StoryLinks] => [
    story.url,
    {
      topics: story.topics.map(({ key, name, url }) => ({ name: topicNames.get(key) ?? name, url })),
      related: related.get(story.url) ?? [],
    },
  ]);
  return {
    stories,
    newsPages: paginate(stories, site.pageSize, listPageUrl("/")),
    archive: buildArchive(stories),
    topics,
    topicPages: topics.flatMap((topic) =>
      paginate(topic.stories, site.pageSize, listPageUrl(topic.url)).map((page) => ({ ...page, topic })),
    ),
    storyLinks: Object.fromEntries(storyLinks),
  };
}
