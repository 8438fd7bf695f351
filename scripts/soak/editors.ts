/**
 * The desk's editors between drops, by hand as in an editor's text editor: a paragraph added to
 * published stories, a topic added to others, the lead filled on stories held for one (and
 * `draft: true` removed), and a held story deleted. Each change is recorded in its story, to be
 * looked for after every later import and build.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isSeq, parseDocument, type Document } from "yaml";
import { splitStory } from "../../src/lib/story/front-matter.ts";
import { isEdited, isLive, type DeskStory } from "./desk-stories.ts";

/** The story file's front matter as an editable document (keeping its layout), and its body. */
function openStory(root: string, story: DeskStory): { document: Document; body: string; save: (document: Document, body: string) => void } {
  const file = join(root, story.file ?? "");
  const parts = splitStory(readFileSync(file, "utf8"));
  if (!parts) throw new Error(`${story.file}: no front matter to edit`);
  return { document: parseDocument(parts.yaml), body: parts.body, save: (document, body) => writeFileSync(file, `---\n${document.toString().trimStart()}---\n${body}`) };
}

/** Whether the story file is a draft now. */
function isDraft(root: string, story: DeskStory): boolean {
  return openStory(root, story).document.get("draft") === true;
}

/** What the editors did today, by kind, for the day's line. */
export interface EditorsDay {
  paragraphs: number;
  topics: number;
  leads: number;
  spiked: number;
}

/**
 * Day `day`'s editing, before the day's build: `share` stories get each kind of change, chosen in
 * a fixed order so every run edits the same ones.
 */
export function editStories(root: string, day: number, stories: DeskStory[], share: number): EditorsDay {
  const published = stories.filter((story) => isLive(story) && story.url !== undefined && !isEdited(story));
  // The editors work through what earlier days held, the stories earlier builds have read.
  const held = stories.filter((story) => isLive(story) && story.url === undefined && !isEdited(story) && !story.key.startsWith(`${day}-`) && isDraft(root, story));
  const withParagraph = published.slice(0, share);
  const withTopic = published.slice(share, 2 * share);
  // Every other day the oldest held story is spiked; the editors fill the leads of the next ones.
  const spiked = day % 2 === 0 ? held.slice(0, 1) : [];
  const withLead = held.slice(spiked.length, spiked.length + share);

  for (const story of withParagraph) {
    const { document, body, save } = openStory(root, story);
    story.edits.paragraph = `Our correspondent adds, on day ${day}, what the desk learnt about story ${story.key}.`;
    save(document, `${body.trimEnd()}\n\n${story.edits.paragraph}\n`);
  }
  for (const story of withTopic) {
    const { document, body, save } = openStory(root, story);
    story.edits.topic = `Desk picks ${day}`;
    const tags = document.get("tags");
    if (isSeq(tags)) tags.add(story.edits.topic);
    else document.set("tags", [story.edits.topic]);
    save(document, body);
  }
  for (const story of withLead) {
    const { document, body, save } = openStory(root, story);
    story.edits.lead = `The desk's own lead for story ${story.key}, written on day ${day}.`;
    document.set("lead", story.edits.lead);
    document.delete("draft");
    save(document, body);
  }
  for (const story of [...withParagraph, ...withTopic, ...withLead]) story.editedOn = day;
  for (const story of spiked) {
    rmSync(dirname(join(root, story.file ?? "")), { recursive: true, force: true });
    story.spiked = true;
  }
  return { paragraphs: withParagraph.length, topics: withTopic.length, leads: withLead.length, spiked: spiked.length };
}
