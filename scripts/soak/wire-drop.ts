/**
 * One day's wire drop for the soak: new stories as ninjs 2 (one of them under a published
 * story's id) and as plain wire text (named by sequence number, 0001.txt …, as yesterday's were,
 * for other stories), newer versions of earlier stories (some leaving out the lead and subjects),
 * corrections, kills, and an item with a property of the agency's own. From fixed seeds, so
 * every run files the same month.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PLACES, TOPICS } from "../bench/wire-items.ts";
import { random, wireSentence } from "../bench/wire-stories.ts";
import { isEdited, isLive, takeNewerVersion, type AgencyWords, type DeskStory } from "./desk-stories.ts";

/** One word: wire text's strict dateline takes an agency's name without spaces, as "(Reuters)". */
const AGENCY = "DeskWire";
/** Wire text is read by its dateline alone: places whose day in the afternoon is the same as in UTC. */
const TEXT_PLACES = ["London", "Paris", "Geneva", "Moscow"];
const CORRECTION_GENRE = { name: "Correction", uri: "http://cv.iptc.org/newscodes/signal/correction" };
/** A property ninjs does not define, as agencies add their own. */
export const EXTENSION_PROPERTY = "x_wire_priority";
const FIRST_DAY = Date.UTC(2024, 2, 4);
const HOUR = 3_600_000;

/** The words of a story's headline that name it, and it alone: "desk story 2-5 unfolds". */
export const headlineMark = (key: string): string => `desk story ${key} unfolds`;

export type DeliveryKind = "new" | "new, held for a lead" | "new, under an earlier story's id" | "new, wire text" | "new, with an extension" | "update" | "correction" | "kill";

/** One file of the drop and what it should do to the newsroom. */
export interface Delivery {
  file: string;
  kind: DeliveryKind;
  story: DeskStory;
  /** The version it carries. */
  version: number;
}

/** The day's date, 2024-03-04 for day 1. */
export const dayDate = (day: number): string => new Date(FIRST_DAY + (day - 1) * 24 * HOUR).toISOString().slice(0, 10);

/** The moment of the day's build: late evening, after every item of the day was made. */
export const buildMoment = (day: number): string => `${dayDate(day)}T23:00:00Z`;

/** When wire text counts as delivered: it carries no time of its own. */
export const textDelivered = (day: number): string => `${dayDate(day)}T15:00:00Z`;

/** How many items of each kind a drop of `items` holds; new stories fill the rest. */
function shares(items: number) {
  const share = (fraction: number) => Math.max(1, Math.round(items * fraction));
  return { text: share(0.2), held: share(0.1), kills: share(0.04), corrections: share(0.04), versions: share(0.15) };
}

const dateline = (place: string, date: string): string => {
  const month = new Date(`${date}T12:00:00Z`).toLocaleString("en-US", { month: "long", timeZone: "UTC" });
  return `${place.toUpperCase()}, ${month} ${Number(date.slice(8))} (${AGENCY}) -`;
};

function ninjsItem(story: DeskStory, words: AgencyWords, made: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const [first = "", ...rest] = words.paragraphs;
  return {
    uri: story.id,
    type: "text",
    version: String(story.version),
    versioncreated: made,
    firstcreated: story.firstCreated,
    pubstatus: "usable",
    language: "en",
    copyrightholder: AGENCY,
    located: story.place,
    headlines: [{ role: "main", value: words.headline }],
    ...(words.lead === undefined ? {} : { descriptions: [{ role: "summary", value: words.lead }] }),
    bodies: [{ role: "main", contenttype: "text/html", value: [`${dateline(story.place, story.firstCreated.slice(0, 10))} ${first}`, ...rest].map((p) => `<p>${p}</p>`).join("") }],
    ...(words.topics === undefined ? {} : { subjects: words.topics.map((name) => ({ name })) }),
    ...extra,
  };
}

function wireText(story: DeskStory, words: AgencyWords, date: string): string {
  const [first = "", ...rest] = words.paragraphs;
  return [words.headline, words.lead ?? "", `${dateline(story.place, date)} ${first}`, ...rest].join("\n\n") + "\n";
}

/**
 * Writes day `day`'s drop of about `items` files into `folder`, adding the new stories to
 * `stories` and recording in each story what its file should hold once the drop is imported.
 */
export function writeDrop(folder: string, day: number, items: number, stories: DeskStory[]): Delivery[] {
  mkdirSync(folder, { recursive: true });
  const next = random(day * 7919 + items);
  const date = dayDate(day);
  const count = shares(items);
  const deliveries: Delivery[] = [];
  // Items are made through the working day, 06:00 to 14:00 UTC, in the order they are planned.
  const madeAt = (n: number) => new Date(FIRST_DAY + (day - 1) * 24 * HOUR + 6 * HOUR + Math.floor((n * 8 * HOUR) / (items + 1))).toISOString().replace(".000Z", "Z");
  const words = (key: string, place: string, topicsFrom: number): AgencyWords => ({
    // Headlines of their own words, as two real stories have: a shared pattern would make any two look like versions of one.
    headline: `${wireSentence(next, 5, 8).slice(0, -1)} in ${place} as ${headlineMark(key)}`,
    lead: wireSentence(next, 12, 24),
    paragraphs: Array.from({ length: 3 + Math.floor(next() * 4) }, () => [wireSentence(next, 10, 20), wireSentence(next, 10, 20)].join(" ")),
    topics: [TOPICS[topicsFrom % TOPICS.length] ?? "Markets"],
  });

  const earlierNinjs = stories.filter((story) => story.format === "ninjs" && isLive(story) && !story.idShared);
  const publishedUnedited = earlierNinjs.filter((story) => story.url !== undefined && !isEdited(story));
  const killed = publishedUnedited.slice(0, count.kills);
  const corrected = publishedUnedited.slice(count.kills).reverse().slice(0, count.corrections);
  const chosen = new Set([...killed, ...corrected]);
  // Stories the editors changed yesterday get a newer version first: their changes must survive
  // it. Then those with the fewest versions, so updates spread over the desk's stories.
  const editedYesterday = earlierNinjs.filter((story) => story.editedOn === day - 1);
  const others = earlierNinjs.filter((story) => story.editedOn !== day - 1).sort((a, b) => a.version - b.version);
  const updated = [...editedYesterday, ...others].filter((story) => !chosen.has(story)).slice(0, count.versions);
  // Agencies recycle ids: one new story comes under the id of a published one, with words all its own.
  const idOwner = publishedUnedited.find((story) => !chosen.has(story) && !updated.includes(story));
  const plannedOld = killed.length + corrected.length + updated.length;
  const newNinjs = Math.max(1, items - plannedOld - count.text - 1);

  for (const [n, story] of killed.entries()) {
    story.version += 1;
    story.killed = true;
    const file = `kill-${story.key}.json`;
    const item = { ...ninjsItem(story, story.expected, madeAt(n)), pubstatus: "canceled", headlines: [{ role: "main", value: `Withdrawn: ${story.expected.headline}` }] };
    writeFileSync(join(folder, file), JSON.stringify(item, null, 2));
    deliveries.push({ file, kind: "kill", story, version: story.version });
  }
  for (const [n, story] of corrected.entries()) {
    story.version += 1;
    const sent = { ...story.expected, paragraphs: [...story.expected.paragraphs.slice(0, -1), `Corrected: ${wireSentence(next, 10, 20)}`] };
    const file = `correction-${story.key}.json`;
    writeFileSync(join(folder, file), JSON.stringify(ninjsItem(story, sent, madeAt(killed.length + n), { genres: [CORRECTION_GENRE] }), null, 2));
    story.expected = takeNewerVersion(story, sent, true);
    deliveries.push({ file, kind: "correction", story, version: story.version });
  }
  for (const [n, story] of updated.entries()) {
    story.version += 1;
    const fresh = words(story.key, story.place, 0);
    // Every other newer version leaves out the lead and subjects: what it does not send stays.
    const sparse = (day + n) % 2 === 0;
    const sent: AgencyWords = { headline: story.expected.headline, paragraphs: fresh.paragraphs, ...(sparse ? {} : { lead: fresh.lead, topics: story.expected.topics ?? [] }) };
    const file = `update-${story.key}-v${story.version}.json`;
    writeFileSync(join(folder, file), JSON.stringify(ninjsItem(story, sent, madeAt(killed.length + corrected.length + n)), null, 2));
    story.expected = takeNewerVersion(story, sent, false);
    deliveries.push({ file, kind: "update", story, version: story.version });
  }

  const fileNew = (n: number, format: DeskStory["format"]): DeskStory => {
    const key = `${day}-${n + 1}`;
    const place = format === "text" ? (TEXT_PLACES[n % TEXT_PLACES.length] ?? "London") : (PLACES[n % PLACES.length] ?? "London");
    const story: DeskStory = { key, format, place, firstCreated: madeAt(plannedOld + n), version: 1, expected: words(key, place, day + n), edits: {} };
    if (format === "ninjs") story.id = `urn:newsml:deskwire.example:soak:${key}`;
    // Wire text names no subjects.
    else delete story.expected.topics;
    stories.push(story);
    return story;
  };
  for (let n = 0; n < newNinjs + 1; n++) {
    const story = fileNew(n, "ninjs");
    const held = n < count.held;
    const withExtension = n === newNinjs;
    const reusing = n === newNinjs - 1 && !held && idOwner !== undefined ? idOwner : undefined;
    if (held) delete story.expected.lead;
    if (reusing) [story.id, story.idShared, reusing.idShared] = [reusing.id, true, true];
    const file = `${story.key}.json`;
    writeFileSync(join(folder, file), JSON.stringify(ninjsItem(story, story.expected, story.firstCreated, withExtension ? { [EXTENSION_PROPERTY]: 3 } : {}), null, 2));
    const kind = withExtension ? "new, with an extension" : held ? "new, held for a lead" : reusing ? "new, under an earlier story's id" : "new";
    deliveries.push({ file, kind, story, version: 1 });
  }
  for (let n = 0; n < count.text; n++) {
    const story = fileNew(newNinjs + 1 + n, "text");
    // Sequence numbers start again every day: 0001.txt today is another story than yesterday's.
    const file = `${String(n + 1).padStart(4, "0")}.txt`;
    writeFileSync(join(folder, file), wireText(story, story.expected, date));
    deliveries.push({ file, kind: "new, wire text", story, version: 1 });
  }
  return deliveries;
}
