import assert from "node:assert/strict";
import { test } from "node:test";
import type { Agency } from "../../../src/lib/model/agencies.ts";
import { photoRights } from "../../../src/lib/model/photo-rights.ts";

const AP_RIGHTS = { copyright: "© The Associated Press", usageTerms: "Editorial use only", license: "https://www.ap.org/terms", licensePage: "https://newsroom.ap.org/" };
const AGENCIES: Agency[] = [
  { name: "Associated Press", also: ["AP"], photoRights: AP_RIGHTS },
  { name: "TASS", also: ["Itar-Tass"] },
];

test("a photo whose credit names an agency takes the settings' rights of that agency, and the agency as its creator's organisation", () => {
  assert.deepEqual(photoRights({ credit: "AP Photo/Evan Vucci" }, AGENCIES), { agency: "Associated Press", ...AP_RIGHTS });
  // An agency listed without photo rights still names the photo's agency.
  assert.deepEqual(photoRights({ credit: "Photo EPA/ITAR-TASS" }, AGENCIES), { agency: "TASS" });
  assert.deepEqual(photoRights({ credit: "Jane Doe" }, AGENCIES), {});
});

test("the story's own rights win over the settings', field by field", () => {
  const story = { credit: "AP Photo/Evan Vucci", creator: "Evan Vucci", copyright: "© 2013 The Associated Press", license: "https://example.com/licence" };
  assert.deepEqual(photoRights(story, AGENCIES), {
    creator: "Evan Vucci",
    agency: "Associated Press",
    copyright: "© 2013 The Associated Press",
    usageTerms: "Editorial use only",
    license: "https://example.com/licence",
    licensePage: "https://newsroom.ap.org/",
  });
});
