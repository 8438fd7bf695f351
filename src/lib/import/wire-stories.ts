import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { findStories } from "../story/find-stories.ts";
import { parseFrontMatter, splitStory } from "../story/front-matter.ts";
import type { WireProblem } from "./wire-item.ts";
import { readWireTime, wireTimeMillis } from "./wire-time.ts";

/** A story in the newsroom that came from the wire: what the importer needs to update it in place. */
export interface WireStory {
  /** The story file, and the folder that holds it and its photo. */
  file: string;
  folder: string;
  /** Its front matter as written, so an update keeps the fields the agency does not send. */
  fields: Readonly<Record<string, unknown>>;
  /** When the version on file was made, for ordering versions. */
  versionMs: number;
}

export interface WireStories {
  byId: Map<string, WireStory>;
  /** Stories whose wire record cannot be used: the importer will not update them until an editor fixes them. */
  problems: WireProblem[];
  /** The agency ids those stories record: items with them are refused rather than made into another story. */
  unusableIds: Set<string>;
}

const groupOf = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * Finds every story under `newsDir` that records an agency item (its `wire` group), by the
 * agency's id. Two stories claiming one id are a problem: an update could not know which to change.
 */
export function findWireStories(newsDir: string, inputDir: string): WireStories {
  const byId = new Map<string, WireStory>();
  const problems: WireProblem[] = [];
  const unusableIds = new Set<string>();
  const unusable = (id: string, problem: WireProblem) => {
    problems.push(problem);
    unusableIds.add(id);
  };
  for (const { file } of findStories(newsDir, inputDir)) {
    const text = readFileSync(file, "utf8");
    // Most stories were typed, not imported: skip them without reading their YAML.
    if (!/^wire:/m.test(text)) continue;
    const parts = splitStory(text);
    const parsed = parts && parseFrontMatter(parts.yaml);
    if (!parts || !parsed?.ok) continue;
    const fields = parsed.frontMatter.fields;
    const wire = groupOf(fields["wire"]);
    const id = wire?.["id"];
    if (typeof id !== "string") continue;
    const time = typeof wire?.["versionTime"] === "string" ? readWireTime(wire["versionTime"]) : undefined;
    const versionMs = time && wireTimeMillis(time, undefined);
    if (versionMs === undefined) {
      unusable(id, { file, path: "wire.versionTime", message: "not an instant with an offset (expected the time the agency made this version, e.g. 2013-09-02T15:40:00+04:00)" });
      continue;
    }
    // An update replaces the story's folder whole: only a story in a folder of its own may be replaced.
    if (basename(file) !== "index.md") {
      unusable(id, { file, path: "wire.id", message: `"${id}" is recorded in a story that is not in a folder of its own (expected <folder>/index.md, as the import writes it; update this story by hand)` });
      continue;
    }
    const other = byId.get(id);
    if (other) {
      unusable(id, { file, path: "wire.id", message: `"${id}" is also the id of ${other.file} (expected one story per agency item)` });
      continue;
    }
    byId.set(id, { file, folder: dirname(file), fields, versionMs });
  }
  for (const id of unusableIds) byId.delete(id);
  return { byId, problems, unusableIds };
}
