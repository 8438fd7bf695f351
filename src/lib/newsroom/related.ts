import type { ArticleView } from "../model/story-view.ts";
import type { Topic } from "./topics.ts";

/**
 * Each story's related stories: of the stories published before it, those sharing the most topics
 * with it, then the newest, at most `limit`. Keyed by story URL. Only earlier stories, so a story's
 * page does not change when newer stories come (a build renders a page only when it changes):
 * a day's stories leave the archive's pages as they were. `stories` are in listing order (newest
 * first, then by URL, as collectArticles sorts them), and so are each topic's, as buildTopics
 * keeps them; "before" is later in that order.
 *
 * A story sharing two or more topics with another is on the list of stories that carry some pair
 * of its topics; those lists are searched first, walked together from the story's own place, the
 * newest earlier story first, until `limit` stories sharing every topic of the story are found (a
 * popular pair's list holds a good part of a large archive). Only when they give fewer than
 * `limit` stories are the rest taken from the topics' own lists, walked the same way: a few
 * steps, however long the topics' lists. Stories and topics are numbered (a story by its place
 * in the listing), so each candidate costs a few array reads.
 */
function relatedStories(stories: readonly ArticleView[], topics: readonly Topic[], limit = 3): Map<string, ArticleView[]> {
  const place = new Map(stories.map((story, index) => [story, index]));
  const topicNumber = new Map(topics.map((topic, index) => [topic.key, index]));
  const topicsOf = stories.map((story) => [...new Set(story.topics.flatMap(({ key }) => topicNumber.get(key) ?? []))]);
  const storiesOfTopic = topics.map((topic) => topic.stories.flatMap((story) => place.get(story) ?? []));
  const storiesOfPair = new Map<number, number[]>();
  const pair = (a: number, b: number) => (a < b ? a * topics.length + b : b * topics.length + a);
  topicsOf.forEach((own, story) => {
    for (let i = 0; i < own.length; i += 1) {
      for (let j = i + 1; j < own.length; j += 1) {
        const key = pair(own[i]!, own[j]!);
        const list = storiesOfPair.get(key) ?? [];
        list.push(story);
        storiesOfPair.set(key, list);
      }
    }
  });

  const marked = new Int32Array(topics.length).fill(-1);
  const seen = new Int32Array(stories.length).fill(-1);
  const count = new Int32Array(stories.length);
  const related = new Map<string, ArticleView[]>();
  topicsOf.forEach((own, story) => {
    if (own.length === 0) return;
    for (const topic of own) marked[topic] = story;
    const ranked: number[] = [];
    // Those sharing two or more topics, the newest earlier first: a later one displaces a kept one
    // only by sharing more, so once `limit` share every topic of the story, none further can.
    const pairLists: number[][] = [];
    for (let i = 0; i < own.length; i += 1) for (let j = i + 1; j < own.length; j += 1) pairLists.push(storiesOfPair.get(pair(own[i]!, own[j]!)) ?? []);
    for (const other of newestEarlier(pairLists, story)) {
      if (ranked.length === limit && count[ranked.at(-1)!] === own.length) break;
      if (seen[other] === story) continue;
      seen[other] = story;
      count[other] = topicsOf[other]!.reduce((sum, topic) => sum + (marked[topic] === story ? 1 : 0), 0);
      // The best `limit` so far, in order, without sorting every candidate.
      const at = ranked.findIndex((kept) => count[other]! > count[kept]!);
      if (at !== -1 || ranked.length < limit) ranked.splice(at === -1 ? ranked.length : at, 0, other);
      if (ranked.length > limit) ranked.pop();
    }
    // The rest share one topic: the newest earlier ones first.
    for (const other of newestEarlier(own.map((topic) => storiesOfTopic[topic]!), story)) {
      if (ranked.length >= limit) break;
      if (seen[other] === story) continue;
      seen[other] = story;
      ranked.push(other);
    }
    related.set(stories[story]!.url, ranked.map((index) => stories[index]!));
  });
  return related;
}

/** What a story's page ends with: headlines of earlier stories, the first `related` of them sharing its topics. */
export interface StoryEnding {
  stories: ArticleView[];
  related: number;
}

/**
 * Each story's ending, keyed by story URL: its related stories, then, when they are fewer than
 * `count`, the stories published just before it in its edition, until there are `count`. Earlier
 * stories only, as for related stories, so a new story never changes an older page; only the
 * edition's first stories have fewer. `stories` are one edition's, in listing order.
 */
export function storyEndings(stories: readonly ArticleView[], topics: readonly Topic[], count = 3): Map<string, StoryEnding> {
  const related = relatedStories(stories, topics, count);
  return new Map(
    stories.map((story, index) => {
      const own = related.get(story.url) ?? [];
      const listed = new Set(own);
      const ending = [...own];
      for (let next = index + 1; next < stories.length && ending.length < count; next += 1) {
        const earlier = stories[next]!;
        if (!listed.has(earlier)) ending.push(earlier);
      }
      return [story.url, { stories: ending, related: own.length }];
    }),
  );
}

/** The numbers of `lists` (each ascending) greater than `story`, walking the lists together, in ascending order (a number on several lists as often). */
function* newestEarlier(lists: readonly (readonly number[])[], story: number): Generator<number> {
  const at = lists.map((list) => firstAfter(list, story));
  for (;;) {
    let next = -1;
    let from = -1;
    lists.forEach((list, index) => {
      const head = list[at[index]!];
      if (head !== undefined && (next === -1 || head < next)) [next, from] = [head, index];
    });
    if (next === -1) return;
    at[from]! += 1;
    yield next;
  }
}

/** The index in `sorted` (ascending) of its first number greater than `value`. */
function firstAfter(sorted: readonly number[], value: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
