import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { readSiteSettings } from "../../../src/lib/model/site.ts";
import { SettingsError } from "../../../src/lib/model/settings-error.ts";
import { EDITIONS, STRINGS } from "../../support/story-views.ts";

const settings = { name: "Wire Desk", editions: EDITIONS, url: "http://localhost:8080/", pageSize: 20, feedSize: 20, maxStoryBytes: 1048576 };

const urlFor = (env: Record<string, string>): string => readSiteSettings(settings, env, STRINGS).url;

/** The lines of the SettingsError that reading the settings throws. */
function refusal(input: Record<string, unknown>, env: Record<string, string>, strings = STRINGS): string[] {
  try {
    readSiteSettings(input, env, strings);
  } catch (error) {
    assert.ok(error instanceof SettingsError, `a SettingsError, got ${String(error)}`);
    return error.message.split("\n");
  }
  assert.fail("the settings were accepted");
}

test("a local build uses the settings' address", () => {
  assert.equal(urlFor({}), "http://localhost:8080/");
  assert.equal(readSiteSettings({ ...settings, url: "http://localhost:8080/newsroom" }, {}, STRINGS).url, "http://localhost:8080/newsroom/");
  // Variables set to "false" or left empty do not make a CI runner.
  assert.equal(urlFor({ CI: "false", GITHUB_ACTIONS: "", NETLIFY: "FALSE" }), "http://localhost:8080/");
});

test("SITE_URL wins everywhere, and always ends in a slash", () => {
  assert.equal(urlFor({ SITE_URL: "https://example.github.io/newsroom" }), "https://example.github.io/newsroom/");
  assert.equal(urlFor({ SITE_URL: " https://news.example.com/ ", CI: "true" }), "https://news.example.com/");
  assert.equal(
    urlFor({ SITE_URL: "https://news.example.com/", NETLIFY: "true", CONTEXT: "production", URL: "https://wire.netlify.app" }),
    "https://news.example.com/",
  );
});

test("on Netlify, production builds use URL and every other context DEPLOY_PRIME_URL", () => {
  // Netlify's builds may set CI too.
  const netlify = { NETLIFY: "true", CI: "true", URL: "https://news.example.com", DEPLOY_PRIME_URL: "https://deploy-preview-7--wire.netlify.app" };
  assert.equal(urlFor({ ...netlify, CONTEXT: "production" }), "https://news.example.com/");
  assert.equal(urlFor({ ...netlify, CONTEXT: "deploy-preview" }), "https://deploy-preview-7--wire.netlify.app/");
  assert.equal(urlFor({ ...netlify, CONTEXT: "branch-deploy", DEPLOY_PRIME_URL: "https://desk--wire.netlify.app" }), "https://desk--wire.netlify.app/");
  assert.deepEqual(refusal(settings, { NETLIFY: "true", CONTEXT: "deploy-preview", URL: "https://news.example.com" }), [
    "SITE_URL: not set, and Netlify set no DEPLOY_PRIME_URL for this deploy-preview build (expected SITE_URL=https://<your site>/ so canonical links, feeds and sitemaps name the real address) [WD300]",
  ]);
});

test("a CI runner that knows no address refuses to build, naming what to set", () => {
  for (const runner of ["CI", "GITHUB_ACTIONS"]) {
    assert.deepEqual(refusal(settings, { [runner]: "true" }), [
      `SITE_URL: not set, and this build runs on a CI runner (${runner} is set) (expected SITE_URL=https://<your site>/ so canonical links, feeds and sitemaps name the real address) [WD300]`,
    ]);
  }
  assert.match(refusal(settings, { CI: "1", SITE_URL: "  " })[0] ?? "", /^SITE_URL: not set, and this build runs on a CI runner \(CI is set\)/);
});

test("an address that is not a full http(s) URL is refused in one line, naming where it came from", () => {
  const expected = "(expected a full address like https://news.example.com/) [WD301]";
  assert.deepEqual(refusal(settings, { SITE_URL: "news.example.com" }), [`SITE_URL: got "news.example.com" ${expected}`]);
  assert.deepEqual(refusal(settings, { SITE_URL: "/" }), [`SITE_URL: got "/" ${expected}`]);
  assert.deepEqual(refusal(settings, { SITE_URL: "ftp://example.org/" }), [`SITE_URL: got "ftp://example.org/" ${expected}`]);
  assert.deepEqual(refusal(settings, { SITE_URL: "https://example.org/?page=1" }), [`SITE_URL: got "https://example.org/?page=1" ${expected}`]);
  assert.deepEqual(refusal(settings, { NETLIFY: "true", CONTEXT: "production", URL: "wire.netlify.app" }), [
    'URL: got "wire.netlify.app" (expected a full address like https://news.example.com/); set by Netlify for production [WD301]',
  ]);
  assert.deepEqual(refusal({ ...settings, url: "localhost:8080" }, {}), [`_data/site.ts: url: got "localhost:8080" ${expected}`]);
});

test("every bad setting is refused on a line of its own, with what it got and what it expected", () => {
  const editions = [{ ...EDITIONS[0], lang: "English" }, { ...EDITIONS[1], dir: "down", path: "news/" }];
  const lines = refusal({ ...settings, pageSize: 0, editions, name: undefined }, { SITE_URL: "ftp://example.org/" });
  assert.deepEqual(lines, [
    "_data/site.ts: name: got nothing (expected the newsroom's name, not empty) [WD302]",
    '_data/site.ts: editions.1.lang: got "English" (expected a BCP 47 language tag such as "en" or "ru") [WD303]',
    '_data/site.ts: editions.2.dir: got "down" (expected ltr, or rtl for a right-to-left language) [WD303]',
    '_data/site.ts: editions.2.path: got "news/" (expected "" for the first edition, else a folder such as "ru/" (not news/, topics/, authors/, archive/, all/, assets/, search/, sitemaps/)) [WD303]',
    "_data/site.ts: pageSize: got 0 (expected a whole number from 1 to 500) [WD303]",
    'SITE_URL: got "ftp://example.org/" (expected a full address like https://news.example.com/) [WD301]',
  ]);
});

test("the editions: the first at the root, each other in a folder of its own, one per language", () => {
  const [en, ru] = EDITIONS;
  assert.deepEqual(refusal({ ...settings, editions: [] }, {}), ["_data/site.ts: editions: got [] (expected a list of editions, the default first, each with lang, dir, name and path) [WD303]"]);
  assert.deepEqual(refusal({ ...settings, editions: [ru, en] }, {}), [
    '_data/site.ts: editions.1.path: got "ru/" (expected "" for the first edition: the default edition is the site\'s root) [WD304]',
    '_data/site.ts: editions.2.path: got "" (expected a folder of its own such as "en/": only the first edition is at the root) [WD304]',
  ]);
  assert.deepEqual(refusal({ ...settings, editions: [en, ru, { ...ru, name: "Ещё" }] }, {}), [
    '_data/site.ts: editions.3.lang: got "ru" (expected one edition per language) [WD304]',
    '_data/site.ts: editions.3.path: got "ru/" (expected a folder no other edition has) [WD304]',
  ]);
  const read = readSiteSettings(settings, {}, STRINGS);
  assert.deepEqual(read.editions.map(({ lang, path, strings }) => [lang, path, strings.allNews]), [["en", "", "All news"], ["ru", "ru/", "Все новости"]]);
  assert.equal(read.language, "en");
});

test("an edition's strings file: a missing file, key or plural form is refused naming the file and key", () => {
  const dir = "newsroom/strings";
  const file = (lang: string) => join(dir, `${lang}.json`);
  const english = JSON.parse(STRINGS.files.get("en.json") ?? "") as Record<string, unknown>;
  const { allNews: _allNews, ...withoutAllNews } = english;
  const onlyEnglish = new Map([["en.json", JSON.stringify({ ...withoutAllNews, storyCount: { other: "{count} stories" }, allnews: "All news" })]]);
  assert.deepEqual(refusal(settings, {}, { dir, files: onlyEnglish }), [
    `${file("en")}: allNews: missing (expected a text, not empty) [WD308]`,
    `${file("en")}: allnews: unknown string (expected one of description, skipLink, sectionsLabel, allNews, frontPage, latestNews, moreOnTopic, topics, archive, breadcrumbLabel, pagesLabel, newer, older, daysLabel, laterDay, earlierDay, pageTitle, storyCount, updated, correction, corrections, readOnline, relatedStories, moreNews, draft, embargoed, sample, withdrawnTitle, withdrawnText, notFoundTitle, notFoundText, elsewhere, elsewhereAllNews, elsewhereTopics, elsewhereArchive, noTopics, noStories, topicDescription, archiveDescription, feedTitle, topicFeedTitle, problemsTitle, languagesLabel, readIn, readInEdition, editionLink, editionLinkFor, bylineOne, bylineMany, authorDescription, authorFeedTitle, dateline, dateTime, timeOfDay, search, searchLabel, searchButton, searchDescription, searchNeedsScript, searchLoading, searchSummary, searchNone, searchMore, searchFailed) [WD310]`,
    `${file("ru")}: missing (expected the strings of the "ru" edition, like _data/strings/en.json) [WD306]`,
  ]);
  const files = new Map([["en.json", JSON.stringify({ ...english, storyCount: { other: "{count} stories" } })], ["ru.json", STRINGS.files.get("ru.json") ?? ""]]);
  assert.deepEqual(refusal(settings, {}, { dir, files }), [`${file("en")}: storyCount: no one form (expected the count's plural forms one, other, each a text with {count}) [WD308]`]);
  assert.deepEqual(refusal(settings, {}, { dir, files: new Map([...files, ["en.json", "{ allNews"]]) }).map((line) => line.replace(/ \(.*/, "")), [`${file("en")}:1:3: not valid JSON: Expected property name or '}'`]);
  // A page number would change every later page with every day's stories.
  const numbered = JSON.stringify({ ...english, pageTitle: "{title}, page {number}", pageNumber: "page {number} of {count}" });
  assert.deepEqual(refusal(settings, {}, { dir, files: new Map([...files, ["en.json", numbered]]) }), [
    `${file("en")}: pageNumber: no longer printed: list pages have no number; remove it (a later page is titled by its stories' days, pageTitle's {period}, e.g. "{title}, {period}") [WD311]`,
    `${file("en")}: pageTitle: got "{title}, page {number}" (expected a text with {title} and {period}, the days of the page's stories, and no {number} or {count} (pages have no number), e.g. "{title}, {period}") [WD309]`,
  ]);
});

test("the agencies: none unless listed, each entry checked, a bad one named by its place in the list", () => {
  assert.deepEqual(readSiteSettings(settings, {}, STRINGS).agencies, []);
  const agencies = [{ name: "Kyodo News", also: ["Kyodo"] }, { name: "Reuters" }];
  assert.deepEqual(readSiteSettings({ ...settings, agencies }, {}, STRINGS).agencies, [
    { name: "Kyodo News", also: ["Kyodo"] },
    { name: "Reuters", also: [] },
  ]);
  const expected = "(expected an agency: { name: \"Associated Press\", also: [\"AP\"] }, each name up to 40 characters with a letter or digit and no parentheses or slashes, and optionally withoutLead: \"hold\" or \"publish\" and photoRights)";
  assert.deepEqual(refusal({ ...settings, agencies: [{ name: "Reuters" }, { name: "AP (US)" }, { name: "PTI", aka: ["Press Trust of India"] }, "Xinhua"] }, {}), [
    `_data/site.ts: agencies.2.name: got "AP (US)" ${expected} [WD303]`,
    `_data/site.ts: agencies.3.aka: got {"name":"PTI","aka":["Press Trust of India"]} ${expected} [WD303]`,
    `_data/site.ts: agencies.4: got "Xinhua" ${expected} [WD303]`,
  ]);
  assert.deepEqual(refusal({ ...settings, agencies: "Reuters" }, {}), ['_data/site.ts: agencies: got "Reuters" (expected a list of agencies, each { name, also }, and optionally withoutLead and photoRights) [WD303]']);
  // A name two agencies share would make a dateline's agency ambiguous.
  assert.deepEqual(refusal({ ...settings, agencies: [{ name: "Associated Press", also: ["AP"] }, { name: "PA Media", also: ["P.A.", "AP"] }] }, {}), [
    '_data/site.ts: agencies.2: got "AP" (expected a name no other agency has, written once: it is also a name of agencies.1) [WD305]',
  ]);
});

test("the authors: none unless listed, each entry checked, a name two authors share refused", () => {
  assert.deepEqual(readSiteSettings(settings, {}, STRINGS).authors, []);
  assert.deepEqual(readSiteSettings({ ...settings, authors: [{ name: "Ann Smith", also: ["A. Smith"] }, { name: "Bo Li" }] }, {}, STRINGS).authors, [
    { name: "Ann Smith", also: ["A. Smith"] },
    { name: "Bo Li", also: [] },
  ]);
  const expected = '(expected an author: { name: "Ann Smith", also: ["A. Smith"] }, each name up to 80 characters of one line with a letter or digit)';
  assert.deepEqual(refusal({ ...settings, authors: [{ name: "Ann Smith" }, { name: "🔥" }, { name: "Bo Li", aka: ["B. Li"] }] }, {}), [
    `_data/site.ts: authors.2.name: got "🔥" ${expected} [WD303]`,
    `_data/site.ts: authors.3.aka: got {"name":"Bo Li","aka":["B. Li"]} ${expected} [WD303]`,
  ]);
  // A spelling two authors share would make its bylines' author a guess.
  assert.deepEqual(refusal({ ...settings, authors: [{ name: "Ann Smith", also: ["A. Smith"] }, { name: "Alan Smith", also: ["a smith"] }] }, {}), [
    '_data/site.ts: authors.2: got "a smith" (expected a name no other author has, written once: it is also a name of authors.1) [WD314]',
  ]);
});

test("withoutLead: hold unless set, for the site and each agency, and a bad value named with what it takes", () => {
  assert.equal(readSiteSettings(settings, {}, STRINGS).withoutLead, "hold");
  const read = readSiteSettings({ ...settings, withoutLead: "publish", agencies: [{ name: "Reuters", withoutLead: "hold" }, { name: "EFE" }] }, {}, STRINGS);
  assert.equal(read.withoutLead, "publish");
  assert.deepEqual(read.agencies, [{ name: "Reuters", also: [], withoutLead: "hold" }, { name: "EFE", also: [] }]);
  assert.deepEqual(refusal({ ...settings, withoutLead: "draft" }, {}), [
    '_data/site.ts: withoutLead: got "draft" (expected "hold" (an item without a lead waits as a draft for an editor to write one) or "publish" (it goes out with no standfirst)) [WD303]',
  ]);
  assert.match(refusal({ ...settings, agencies: [{ name: "Reuters", withoutLead: true }] }, {})[0] ?? "", /^_data\/site\.ts: agencies\.1\.withoutLead: got true \(expected an agency: .* and optionally withoutLead: "hold" or "publish" and photoRights\) \[WD303\]$/);
});

test("an agency's photo rights: read as written; a link that is no web address, or a word the entry does not take, refused at its place", () => {
  const photoRights = { copyright: "© The Associated Press", usageTerms: "Editorial use only", license: "https://www.ap.org/terms", licensePage: "https://newsroom.ap.org/" };
  assert.deepEqual(readSiteSettings({ ...settings, agencies: [{ name: "Associated Press", also: ["AP"], photoRights }] }, {}, STRINGS).agencies, [{ name: "Associated Press", also: ["AP"], photoRights }]);
  assert.deepEqual(refusal({ ...settings, agencies: [{ name: "Reuters" }, { name: "Associated Press", photoRights: { license: "www.ap.org/terms", licensePage: "https://newsroom.ap.org/", copyright: "" } }] }, {}), [
    '_data/site.ts: agencies.2.photoRights.copyright: got "" (expected the rights of the agency\'s photos: { copyright: "© The Associated Press", usageTerms: "Editorial use only", license: "https://…", licensePage: "https://…" }, each optional, one line each (copyright up to 300 characters, usageTerms up to 1000), the two addresses full https:// addresses) [WD303]',
    '_data/site.ts: agencies.2.photoRights.license: got "www.ap.org/terms" (expected the address of the licence\'s terms, a full address starting https://) [WD315]',
  ]);
  assert.match(refusal({ ...settings, agencies: [{ name: "AFP", photoRights: { licence: "https://afp.com" } }] }, {})[0] ?? "", /^_data\/site\.ts: agencies\.1\.photoRights\.licence: got .* \(expected the rights of the agency's photos: .*\) \[WD303\]$/);
});

test("a strings file's problem is at the line of its string; one that is not a JSON object is a problem of the file", () => {
  const dir = "newsroom/strings";
  const english = JSON.parse(STRINGS.files.get("en.json") ?? "") as Record<string, unknown>;
  const files = (en: string) => ({ dir, files: new Map([["en.json", en], ["ru.json", STRINGS.files.get("ru.json") ?? ""]]) });
  const written = JSON.stringify({ ...english, allNews: "" }, null, 2);
  const line = written.split("\n").findIndex((each) => each.includes('"allNews"')) + 1;
  assert.deepEqual(refusal(settings, {}, files(written)), [`${join(dir, "en.json")}:${line}: allNews: got "" (expected a text, not empty) [WD309]`]);
  assert.deepEqual(refusal(settings, {}, files("[]")), [`${join(dir, "en.json")}: not an object of texts (expected { "allNews": "All news", … }) [WD307]`]);
  assert.deepEqual(refusal(settings, {}, files("{ allNews")), [`${join(dir, "en.json")}:1:3: not valid JSON: Expected property name or '}' (expected an object of texts) [WD307]`]);
  // A line pasted with its comma as the file's last: named as such, at the brace, with the comma's line.
  const trailing = `${written.replace(/\n}$/, ",\n}")}`;
  const end = trailing.split("\n").length;
  assert.deepEqual(refusal(settings, {}, files(trailing)), [`${join(dir, "en.json")}:${end}:1: not valid JSON: the comma on line ${end - 1} is after the last entry, where JSON takes none (expected an object of texts) [WD307]`]);
});

test("every bad setting of a run is reported together: the site's, the address and the strings", () => {
  const strings = { dir: "newsroom/strings", files: new Map([["en.json", STRINGS.files.get("en.json") ?? ""]]) };
  assert.deepEqual(refusal({ ...settings, pageSize: "20" }, { CI: "true" }, strings).map((line) => line.replace(/ \(.*\)/, "")), [
    '_data/site.ts: pageSize: got "20" [WD303]',
    "SITE_URL: not set, and this build runs on a CI runner [WD300]",
  ]);
  assert.deepEqual(refusal(settings, { CI: "true" }, strings).map((line) => line.replace(/ \(.*\)/, "")), [
    "newsroom/strings/ru.json: missing [WD306]",
    "SITE_URL: not set, and this build runs on a CI runner [WD300]",
  ]);
});

test("the front page's settings: each part has a default; a bad number or an edition the site lacks is refused", () => {
  assert.deepEqual(readSiteSettings(settings, {}, STRINGS).frontPage, { recentDays: 2, topStories: 4, topicStories: 4, latestStories: 10, topics: {} });
  const read = readSiteSettings({ ...settings, frontPage: { topStories: 2, topics: { ru: ["Дипломатия"] } } }, {}, STRINGS);
  assert.deepEqual(read.frontPage, { recentDays: 2, topStories: 2, topicStories: 4, latestStories: 10, topics: { ru: ["Дипломатия"] } });
  const expected =
    "(expected { recentDays (1 to 30), topStories (0 to 20), topicStories (1 to 10), latestStories (1 to 50), topics: { <edition's language tag>: [topic names, at most 20] } }, each optional)";
  assert.deepEqual(refusal({ ...settings, frontPage: { recentDays: 0 } }, {}), [`_data/site.ts: frontPage.recentDays: got 0 ${expected} [WD303]`]);
  assert.deepEqual(refusal({ ...settings, frontPage: { topics: { de: ["Politik"] } } }, {}), [
    '_data/site.ts: frontPage.topics.de: got ["Politik"] (expected topics under an edition\'s language tag: en, ru) [WD303]',
  ]);
});
