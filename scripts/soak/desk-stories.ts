/**
 * What the soak knows of every story the agency sent: the versions it sent, what the story file
 * should hold now (the agency's words as the desk should have taken them, and the editors'
 * changes), and where the story lives on file and on the site.
 */

/** A story's words as the agency sent them in one version. */
export interface AgencyWords {
  headline: string;
  /** Absent when the agency sent no summary. */
  lead?: string;
  /** The body's paragraphs, without the dateline the agency types into the first. */
  paragraphs: string[];
  /** Absent when the version names no subjects. */
  topics?: string[];
}

/** An editor's changes to one story, each of which must survive every later import and build. */
export interface EditorChanges {
  paragraph?: string;
  lead?: string;
  topic?: string;
}

export interface DeskStory {
  /** The soak's own name for the story: the day it was filed and its number that day, "2-5". */
  key: string;
  format: "ninjs" | "text";
  /** The agency's id (ninjs only: wire text carries none of its own). */
  id?: string;
  place: string;
  firstCreated: string;
  /** The newest version the agency sent. */
  version: number;
  /** What the story file should hold: the agency's words as last taken in. */
  expected: AgencyWords;
  edits: EditorChanges;
  /** The last day an editor changed it. */
  editedOn?: number;
  /** The story file, relative to the project copy, once imported. */
  file?: string;
  /** The story's page under the built site, once a build published it. */
  url?: string;
  /** Its agency id was given to another story too: no later version can say which it means. */
  idShared?: boolean;
  killed?: boolean;
  /** Deleted by an editor before it was ever published. */
  spiked?: boolean;
}

export const isEdited = (story: DeskStory): boolean => Object.keys(story.edits).length > 0;

/** Stories that may still change: on file, neither withdrawn nor deleted. */
export const isLive = (story: DeskStory): boolean => story.file !== undefined && !story.killed && !story.spiked;

/**
 * What the story file should hold once the agency's newer version is taken in. An edited story
 * keeps its own words (the newer version waits beside it), and so does a published story the
 * version corrects (the correction waits for an editor to word it); otherwise the newer version
 * replaces the words it supplies and leaves those it does not.
 */
export function takeNewerVersion(story: DeskStory, words: AgencyWords, correction: boolean): AgencyWords {
  if (isEdited(story) || (correction && story.url !== undefined)) return story.expected;
  return {
    headline: words.headline,
    paragraphs: words.paragraphs,
    ...((words.lead ?? story.expected.lead) === undefined ? {} : { lead: words.lead ?? story.expected.lead }),
    ...((words.topics ?? story.expected.topics) === undefined ? {} : { topics: words.topics ?? story.expected.topics }),
  };
}
