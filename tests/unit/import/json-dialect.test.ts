import { test } from "node:test";
import assert from "node:assert/strict";
import { readJsonDialect } from "../../../src/lib/import/json-dialect.ts";
import { AGENCIES } from "../../support/agencies.ts";

const formatsOf = (value: unknown) => readJsonDialect(JSON.stringify(value), "item.dat", AGENCIES)?.items.map((item) => item.format);

test("each dialect is told by its content, whatever the file is called", () => {
  assert.deepEqual(formatsOf({ guid: "urn:a", headline: "A", body_html: "<p>A</p>" }), ["ninjs 1 (Superdesk)"]);
  assert.deepEqual(formatsOf([{ guid: "urn:a", headline: "A", body_html: "<p>A</p>" }]), ["ninjs 1 (Superdesk)"]);
  assert.deepEqual(formatsOf({ format: "digitalwires@0.9.1", urn: "urn:d", headline: "D", article_html: "<p>D</p>" }), ["dpa digitalwires"]);
  assert.deepEqual(formatsOf({ entries: [{ urn: "urn:d", version_created: "2026-11-30T12:00:00Z", headline: "D", article_html: "<p>D</p>" }] }), ["dpa digitalwires"]);
  assert.deepEqual(formatsOf({ api_version: "2.2", data: { item: { altids: { itemid: "k" }, type: "text", pubstatus: "canceled" } } }), ["AP Media API"]);
});

test("IPTC ninjs and JSON that does not parse are left to the ninjs reader", () => {
  assert.equal(readJsonDialect(JSON.stringify({ uri: "urn:n", headline: "N", body_html: "<p>N</p>" }), "n.json", AGENCIES), undefined);
  assert.equal(readJsonDialect(JSON.stringify({ guid: "urn:n", uri: "urn:n", headline: "N" }), "n.json", AGENCIES), undefined, "a ninjs item with both is ninjs");
  assert.equal(readJsonDialect(JSON.stringify({ api_version: "1.0" }), "n.json", AGENCIES), undefined, "api_version without data is not AP's");
  assert.equal(readJsonDialect("{ not json", "n.json", AGENCIES), undefined);
  assert.equal(readJsonDialect("[]", "n.json", AGENCIES), undefined);
});
