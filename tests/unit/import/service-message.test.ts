import { test } from "node:test";
import assert from "node:assert/strict";
import { serviceMessage } from "../../../src/lib/import/service-message.ts";

test("an agency's imprint and its advisories and schedules are told by their headlines; a story mentioning the words is a story", () => {
  for (const headline of ["Impressum", "IMPRESSUM", "dpa-Impressum"]) assert.equal(serviceMessage(headline), "imprint", headline);
  for (const headline of [
    "ADVISORY - Coverage of the Kenya floods",
    "MEDIA ADVISORY: Prime minister's schedule",
    "EDITORS' NOTE: embargoed results follow",
    "Note to editors: a correspondent files from Garissa",
    "BUDGET - Africa news for Thursday",
    "DAYBOOK",
    "Tagesvorschau für Montag, 4. März",
    "dpa-Terminvorschau",
  ]) {
    assert.equal(serviceMessage(headline), "advisory", headline);
  }
  for (const headline of [
    "Advisory panel quits over pay",
    "Budget talks stall in Nairobi",
    "Editors note a fall in readership",
    "Impressum rules tightened for blogs",
    "Schedule change for Kenya trains",
    // A topic in capitals before a colon heads budget day's stories; "Advisory:" heads a weather warning's.
    "BUDGET: Reeves freezes fuel duty for another year",
    "Advisory: flash flood watch for Houston as storms close in",
  ]) {
    assert.equal(serviceMessage(headline), undefined, headline);
  }
});
