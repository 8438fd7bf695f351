import { z } from "zod";
import { problemCodeParams } from "../model/problems.ts";
import { nearestName } from "../story/nearest-name.ts";
import type { WireTime } from "./wire-item.ts";
import { readWireTime, WIRE_TIME_FORMS } from "./wire-time.ts";

/**
 * What the IPTC ninjs JSON Schemas allow, one zod schema per major version, each following the
 * latest minor version of its branch (1.6, 2.2, 3.1). Minor versions only add properties, but for
 * one: 2.0 let an association give a name or a uri, and 2.1 on ask for both, as this does.
 * Formats are read as agencies send them: a date-time is any form readWireTime reads (the schemas'
 * "format" is an annotation, and agencies send offsetless and basic-form times), and a URI is any
 * text without spaces, relative references included.
 */

export type NinjsVersion = 1 | 2 | 3;

/** A delivered JSON value named briefly for messages. */
export function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  // A body may hold a megabyte; the message shows its start.
  if (typeof value === "string") {
    return value.length > 60 ? `${JSON.stringify(value.slice(0, 57)).slice(0, -1)}..." (${value.length} characters)` : JSON.stringify(value);
  }
  if (typeof value === "number") return `the number ${value}`;
  return String(value);
}

function wrong(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing (expected ${expected})` : `got ${describeJson(issue.input)} (expected ${expected})`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (expected = "text") => z.string({ error: wrong(expected) });
const number = (expected = "a number") => z.number({ error: wrong(expected) });
const list = <Item extends z.ZodType>(item: Item, expected: string) => z.array(item, { error: wrong(expected) });
const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.enum(values, { error: wrong(`one of ${values.join(", ")}`) });

function wholeNumber(expected: string, range?: { min: number; max: number }) {
  const whole = z.int({ error: wrong(expected) });
  return range === undefined
    ? whole
    : whole.refine((value) => value >= range.min && value <= range.max, {
        error: (issue) => `${String(issue.input)} is out of range (expected ${expected})`,
      });
}

/** An absolute URI or a relative reference: text without spaces or control characters. */
function uri(expected = "a URI") {
  return text(expected).refine((value) => /^[^\s\u0000-\u001f\u007f]+$/.test(value), {
    error: (issue) => `${describeJson(issue.input)} is not a URI (expected ${expected})`,
  });
}

/** A date-time read into the agency's local time and offset. */
function dateTime() {
  return text(`a date-time: ${WIRE_TIME_FORMS}`).transform((value, context): WireTime => {
    const time = readWireTime(value);
    if (time !== undefined) return time;
    context.issues.push({ code: "custom", input: value, message: `${describeJson(value)} is not a date-time (expected ${WIRE_TIME_FORMS})`, params: problemCodeParams("WD208") });
    return z.NEVER;
  });
}

/** Properties whose names follow a pattern (ninjs 1.x's body_*, headline_*, description_*, geometry_*). */
interface PatternProperty {
  pattern: RegExp;
  schema: z.ZodType;
}

/**
 * Marks the issue of a property the version does not define that the reader may ignore: an
 * agency's extension (`x_wire_priority`), or one of another version (`mimetype`). A name close to
 * one the object may have ("contenttype" in 3.x, which spells it contentType) stays an error: it
 * is that property misspelt, and its value would be lost.
 */
const IGNORABLE = { ignorable: true, ...problemCodeParams("WD210") } as const;

/** True for the issue of a property the reader may ignore (see IGNORABLE). */
export function isIgnorable(issue: z.core.$ZodIssue): boolean {
  return issue.code === "custom" && issue.params?.["ignorable"] === true;
}

/** The issue of a property the version does not define: a misspelling of one it does, or one to ignore. */
function unknownProperty(version: string, name: string, known: readonly string[]): { message: string; params: Record<string, unknown> } {
  const near = nearestName(name, known);
  if (near !== undefined) return { message: `unknown property in ninjs ${version}; did you mean ${near}?`, params: problemCodeParams("WD209") };
  return { message: `warning: ignored: not a property of ninjs ${version}`, params: IGNORABLE };
}

/**
 * An object that takes the properties its version's schema names (additionalProperties or
 * unevaluatedProperties false) and reports each other one by name: as a misspelling, or as one
 * the reader ignores (see IGNORABLE). The check runs even when a property's value is wrong, so
 * every problem shows at once.
 */
function closedObjects(version: string) {
  return <Shape extends z.core.$ZodLooseShape>(expected: string, shape: Shape, patterns: readonly PatternProperty[] = []) => {
    const known = Object.keys(shape);
    return z.looseObject(shape, { error: wrong(expected) }).superRefine(
      (value, context) => {
        for (const [name, part] of Object.entries(value)) {
          if (Object.hasOwn(shape, name)) continue;
          const pattern = patterns.find((each) => each.pattern.test(name));
          if (pattern === undefined) {
            context.addIssue({ code: "custom", path: [name], input: part, ...unknownProperty(version, name, known) });
            continue;
          }
          const result = pattern.schema.safeParse(part);
          for (const issue of result.error?.issues ?? []) {
            context.addIssue({ code: "custom", path: [name, ...issue.path], input: part, message: issue.message, ...(issue.code === "custom" ? { params: issue.params } : {}) });
          }
        }
      },
      { when: (payload) => isPlainObject(payload.value) },
    );
  };
}

/** An open object: its schema names some properties but allows others (ninjs 1.x and 2.x rightsinfo). */
const openObject = <Shape extends z.core.$ZodLooseShape>(expected: string, shape: Shape) =>
  z.looseObject(shape, { error: wrong(expected) });

/** JSON Schema's oneOf of two `required` lists: exactly one of the two properties. */
function exactlyOne<Schema extends z.ZodType<Record<string, unknown>>>(schema: Schema, first: string, second: string): Schema {
  return schema.superRefine(
    (value, context) => {
      const has = (name: string) => value[name] !== undefined;
      if (has(first) === has(second)) {
        const found = has(first) ? `both ${first} and ${second}` : `neither ${first} nor ${second}`;
        context.addIssue({ code: "custom", input: value, message: `has ${found} (expected exactly one of them)` });
      }
    },
    { when: (payload) => isPlainObject(payload.value) },
  );
}

/** ninjs 1.x keys renditions and associations by name: letters, digits or _ at the start. */
function keyed<Value extends z.ZodType>(value: Value, expected: string) {
  const name = z.string().regex(/^[a-zA-Z0-9_]/);
  return z.record(name, value, {
    error: (issue) =>
      issue.code === "invalid_key"
        ? "not a name ninjs 1.x allows here (expected one starting with a letter, digit or _)"
        : wrong(expected)(issue),
  });
}

const ITEM_TYPES = ["text", "audio", "video", "picture", "graphic", "composite", "component"] as const;
const PUB_STATUSES = ["usable", "withheld", "canceled"] as const;
const percent = () => wholeNumber("a whole number from 0 to 100", { min: 0, max: 100 });

// ninjs 1.x (1.0 to 1.6): lowercase names, named maps of renditions and associations, body_*, headline_* and description_* text.

const v1 = closedObjects("1.x");

const address1 = v1("an address", {
  lines: list(text(), "a list of address lines").optional(),
  locality: text().optional(),
  area: text().optional(),
  postalcode: text().optional(),
  country: text().optional(),
});

const contactInfo1 = exactlyOne(
  v1("contact details", {
    type: text().optional(),
    role: text().optional(),
    lang: text().optional(),
    name: text().optional(),
    value: text().optional(),
    address: address1.optional(),
  }),
  "value",
  "address",
);

const contactInfos1 = () => list(contactInfo1, "a list of contact details").optional();

/** What ninjs 1.x entities (people, places, subjects...) share: a name and a scheme's code. */
const reference1 = () => ({
  name: text().optional(),
  rel: text().optional(),
  scheme: uri().optional(),
  code: text().optional(),
});

const symbol1 = v1("a financial instrument's symbol", {
  ticker: text().optional(),
  exchange: text().optional(),
  symboltype: uri().optional(),
  symbol: text().optional(),
});

const rendition1 = v1("a rendition", {
  href: uri("the rendition's URL or file name").optional(),
  mimetype: text().optional(),
  title: text().optional(),
  height: number().optional(),
  width: number().optional(),
  sizeinbytes: number().optional(),
  duration: number().optional(),
  format: text().optional(),
});

const TEXT_PATTERNS_1: readonly PatternProperty[] = [
  { pattern: /^description_[a-zA-Z0-9_]/, schema: text("the description as text") },
  { pattern: /^body_[a-zA-Z0-9_]/, schema: text("the body as text") },
  { pattern: /^headline_[a-zA-Z0-9_]/, schema: text("the headline as text") },
];

function itemShape1() {
  return {
    uri: uri("the item's id, a URI"),
    type: oneOf(ITEM_TYPES).optional(),
    mimetype: text().optional(),
    representationtype: oneOf(["complete", "incomplete"]).optional(),
    profile: text().optional(),
    version: text("the version as text").optional(),
    firstcreated: dateTime().optional(),
    versioncreated: dateTime().optional(),
    contentcreated: dateTime().optional(),
    embargoed: dateTime().optional(),
    pubstatus: oneOf(PUB_STATUSES).optional(),
    urgency: number().optional(),
    copyrightholder: text().optional(),
    copyrightnotice: text().optional(),
    usageterms: text().optional(),
    ednote: text().optional(),
    language: text("a language tag such as en").optional(),
    person: list(v1("a person", { ...reference1(), contactinfo: contactInfos1() }), "a list of people").optional(),
    organisation: list(
      v1("an organisation", { ...reference1(), symbols: list(symbol1, "a list of symbols").optional(), contactinfo: contactInfos1() }),
      "a list of organisations",
    ).optional(),
    place: list(
      v1("a place", { ...reference1(), contactinfo: contactInfos1() }, [
        { pattern: /^geometry_[a-zA-Z0-9_]/, schema: z.record(z.string(), z.unknown(), { error: wrong("an object of geographic data") }) },
      ]),
      "a list of places",
    ).optional(),
    subject: list(
      v1("a subject", { ...reference1(), creator: text().optional(), relevance: percent().optional(), confidence: percent().optional() }),
      "a list of subjects",
    ).optional(),
    event: list(v1("an event", reference1()), "a list of events").optional(),
    object: list(v1("an object", reference1()), "a list of objects").optional(),
    infosource: list(v1("an info source", { ...reference1(), contactinfo: contactInfos1() }), "a list of info sources").optional(),
    title: text().optional(),
    byline: text().optional(),
    headline: text("the headline as text").optional(),
    slugline: text().optional(),
    located: text("the place the story comes from, as text").optional(),
    charcount: number().optional(),
    wordcount: number().optional(),
    renditions: keyed(rendition1, "renditions keyed by name").optional(),
    get associations() {
      return keyed(ninjs1Item, "associated items keyed by name").optional();
    },
    altids: z.record(z.string(), z.unknown(), { error: wrong("an object of alternative ids") }).optional(),
    trustindicator: list(
      v1("a trust indicator", { scheme: uri().optional(), code: text().optional(), title: text().optional(), href: uri().optional() }),
      "a list of trust indicators",
    ).optional(),
    $standard: v1("the standard's name, version and schema", {
      name: text().optional(),
      version: text().optional(),
      schema: uri().optional(),
    }).optional(),
    genre: list(v1("a genre", { name: text().optional(), scheme: uri().optional(), code: text().optional() }), "a list of genres").optional(),
    expires: dateTime().optional(),
    rightsinfo: exactlyOne(
      openObject("rights information", { langid: uri().optional(), linkedrights: uri().optional(), encodedrights: text().optional() }),
      "linkedrights",
      "encodedrights",
    ).optional(),
    digitalsourcetype: v1("a digital source type", { name: text().optional(), uri: uri().optional(), literal: text().optional() }).optional(),
  };
}

export const ninjs1Item = v1("a ninjs item: an object with uri", itemShape1(), TEXT_PATTERNS_1);

// ninjs 2.x (2.0 to 2.2): lowercase names, lists with roles for headlines, bodies and descriptions, lists of renditions and associations.

const v2 = closedObjects("2.x");

const contactInfo2 = exactlyOne(
  v2("contact details", {
    type: text().optional(),
    role: text().optional(),
    lang: text().optional(),
    name: text().optional(),
    value: text().optional(),
    address: v2("an address", {
      lines: list(text(), "a list of address lines").optional(),
      locality: text().optional(),
      area: text().optional(),
      postalcode: text().optional(),
      country: text().optional(),
    }).optional(),
  }),
  "value",
  "address",
);

/** What ninjs 2.x and 3.x entities share: a name, and an identifier as URI or literal. */
const reference = () => ({
  name: text().optional(),
  rel: text().optional(),
  uri: uri().optional(),
  literal: text().optional(),
});

/** GeoJSON (RFC 7946) is checked as far as its type: the ninjs schemas delegate the rest. */
const geoJson = () => z.looseObject({ type: text("a GeoJSON type such as Point") }, { error: wrong("a GeoJSON object") });

const contactInfos2 = () => list(contactInfo2, "a list of contact details").optional();

const textPart2 = (expected: string) =>
  v2(expected, { role: text().optional(), contenttype: text("a media type such as text/html").optional(), value: text(`${expected} as text`) });

const rendition2 = v2("a rendition", {
  name: text("the rendition's name"),
  href: uri("the rendition's URL or file name").optional(),
  contenttype: text().optional(),
  title: text().optional(),
  height: number().optional(),
  width: number().optional(),
  sizeinbytes: number().optional(),
  duration: number().optional(),
  format: text().optional(),
});

function itemShape2() {
  return {
    uri: uri("the item's id, a URI"),
    type: oneOf(ITEM_TYPES).optional(),
    representationtype: oneOf(["full", "partial"]).optional(),
    profile: text().optional(),
    version: text("the version as text").optional(),
    firstcreated: dateTime().optional(),
    versioncreated: dateTime().optional(),
    contentcreated: dateTime().optional(),
    embargoed: dateTime().optional(),
    pubstatus: oneOf(PUB_STATUSES).optional(),
    urgency: number().optional(),
    copyrightholder: text().optional(),
    copyrightnotice: text().optional(),
    usageterms: text().optional(),
    ednote: text().optional(),
    language: text("a language tag such as en").optional(),
    descriptions: list(textPart2("the description"), "a list of descriptions").optional(),
    bodies: list(
      v2("the body", {
        role: text().optional(),
        contenttype: text("a media type such as text/html").optional(),
        charcount: number().optional(),
        wordcount: number().optional(),
        value: text("the body as text"),
      }),
      "a list of bodies",
    ).optional(),
    headlines: list(textPart2("the headline"), "a list of headlines").optional(),
    people: list(v2("a person", { ...reference(), contactinfo: contactInfos2() }), "a list of people").optional(),
    organisations: list(
      v2("an organisation", {
        ...reference(),
        symbols: list(
          v2("a financial instrument's symbol", {
            ticker: text().optional(),
            exchange: text().optional(),
            symboltype: uri().optional(),
            symbol: text().optional(),
          }),
          "a list of symbols",
        ).optional(),
        contactinfo: contactInfos2(),
      }),
      "a list of organisations",
    ).optional(),
    places: list(v2("a place", { ...reference(), contactinfo: contactInfos2(), geojson: geoJson().optional() }), "a list of places").optional(),
    subjects: list(
      v2("a subject", { ...reference(), creator: text().optional(), relevance: percent().optional(), confidence: percent().optional() }),
      "a list of subjects",
    ).optional(),
    events: list(v2("an event", reference()), "a list of events").optional(),
    objects: list(v2("an object", reference()), "a list of objects").optional(),
    infosources: list(
      v2("an info source", {
        name: text().optional(),
        role: text().optional(),
        uri: uri().optional(),
        literal: text().optional(),
        contactinfo: contactInfos2(),
      }),
      "a list of info sources",
    ).optional(),
    title: text().optional(),
    by: text().optional(),
    slugline: text().optional(),
    located: text("the place the story comes from, as text").optional(),
    renditions: list(rendition2, "a list of renditions").optional(),
    get associations() {
      return list(association2, "a list of associated items").optional();
    },
    altids: list(v2("an alternative id", { role: text().optional(), value: text().optional() }), "a list of alternative ids").optional(),
    trustindicators: list(
      v2("a trust indicator", { role: uri().optional(), title: text().optional(), href: uri().optional() }),
      "a list of trust indicators",
    ).optional(),
    standard: v2("the standard's name, version and schema", {
      name: text().optional(),
      version: text().optional(),
      schema: uri().optional(),
    }).optional(),
    genres: list(v2("a genre", { name: text().optional(), uri: text().optional(), literal: text().optional() }), "a list of genres").optional(),
    expires: dateTime().optional(),
    rightsinfo: exactlyOne(
      openObject("rights information", { langid: uri().optional(), linkedrights: uri().optional(), encodedrights: text().optional() }),
      "linkedrights",
      "encodedrights",
    ).optional(),
    digitalsourcetype: v2("a digital source type", { name: text().optional(), uri: uri().optional(), literal: text().optional() }).optional(),
  };
}

export const ninjs2Item = v2("a ninjs item: an object with uri", itemShape2());
const association2 = v2("an associated item: an object with name and uri", Object.assign(itemShape2(), { name: text("the association's name") }));

// ninjs 3.x (3.0, 3.1): camelCase names, events and planning, live renditions.

const v3 = closedObjects("3.x");

const NEWS_OBJECT_TYPES = [...ITEM_TYPES, "event", "planning"] as const;
const urgency3 = () => wholeNumber("a whole number from 1 to 9", { min: 1, max: 9 });

const contactInfo3 = exactlyOne(
  v3("contact details", {
    type: text().optional(),
    role: text().optional(),
    lang: text().optional(),
    name: text().optional(),
    value: text().optional(),
    address: v3("an address", {
      lines: list(text(), "a list of address lines").optional(),
      locality: text().optional(),
      area: text().optional(),
      postalCode: text().optional(),
      country: text().optional(),
    }).optional(),
  }),
  "value",
  "address",
);

const contactInfos3 = () => list(contactInfo3, "a list of contact details").optional();

const organisation3 = v3("an organisation", {
  ...reference(),
  symbols: list(
    v3("a financial instrument's symbol", { exchange: text().optional(), symbolType: uri().optional(), symbol: text().optional() }),
    "a list of symbols",
  ).optional(),
  contactInfo: contactInfos3(),
});

const rendition3 = v3("a rendition", {
  name: text("the rendition's name"),
  href: uri("the rendition's URL or file name").optional(),
  contentType: text().optional(),
  title: text().optional(),
  width: wholeNumber("a whole number of pixels").optional(),
  height: wholeNumber("a whole number of pixels").optional(),
  sizeInBytes: wholeNumber("a whole number of bytes").optional(),
  duration: number().optional(),
  format: text().optional(),
  aspectRatio: text().optional(),
  videoCodec: text().optional(),
  frameRate: number().optional(),
  poi: v3("a point of interest", { x: wholeNumber("a whole number").optional(), y: wholeNumber("a whole number").optional() }).optional(),
  transportProtocol: text().optional(),
  scanType: oneOf(["progressive", "interlaced"]).optional(),
  bitrate: text().optional(),
});

/** Event and planning dates, checked as far as their types: items of those types are not stories. */
const dates3 = v3("dates", {
  startDate: dateTime().optional(),
  endDate: dateTime().optional(),
  expectedStartDate: text("a date, or a date and time").optional(),
  expectedEndDate: text("a date, or a date and time").optional(),
  expectedDuration: text("a duration such as PT1H").optional(),
  recurrence: v3("a recurrence", {
    recurrenceDates: list(text("a date, or a date and time"), "a list of dates").optional(),
    recurrenceRules: list(
      v3("a recurrence rule", {
        frequency: oneOf(["secondly", "minutely", "hourly", "daily", "weekly", "monthly", "yearly"]).optional(),
        interval: wholeNumber("a whole number").optional(),
        until: dateTime().optional(),
        count: wholeNumber("a whole number").optional(),
      }),
      "a list of recurrence rules",
    ).optional(),
  }).optional(),
});

const textPart3 = (expected: string) =>
  v3(expected, { role: text().optional(), contentType: text("a media type such as text/html").optional(), value: text(`${expected} as text`) });

function itemShape3() {
  return {
    uri: uri("the item's id, a URI"),
    type: oneOf(NEWS_OBJECT_TYPES).optional(),
    representationType: oneOf(["full", "partial"]).optional(),
    profile: text().optional(),
    version: text("the version as text").optional(),
    firstCreated: dateTime().optional(),
    versionCreated: dateTime().optional(),
    contentCreated: dateTime().optional(),
    embargoedUntil: dateTime().optional(),
    pubStatus: oneOf(PUB_STATUSES).optional(),
    urgency: urgency3().optional(),
    copyrightHolder: text().optional(),
    copyrightNotice: text().optional(),
    usageTerms: text().optional(),
    edNote: text().optional(),
    language: text("a language tag such as en").optional(),
    descriptions: list(textPart3("the description"), "a list of descriptions").optional(),
    bodies: list(
      v3("the body", {
        role: text().optional(),
        contentType: text("a media type such as text/html").optional(),
        charCount: wholeNumber("a whole number").optional(),
        wordCount: wholeNumber("a whole number").optional(),
        value: text("the body as text"),
      }),
      "a list of bodies",
    ).optional(),
    headlines: list(textPart3("the headline"), "a list of headlines").optional(),
    people: list(v3("a person", { ...reference(), contactInfo: contactInfos3() }), "a list of people").optional(),
    organisations: list(organisation3, "a list of organisations").optional(),
    places: list(v3("a place", { ...reference(), contactInfo: contactInfos3(), geoJSON: geoJson().optional() }), "a list of places").optional(),
    subjects: list(
      v3("a subject", { ...reference(), creator: text().optional(), relevance: percent().optional(), confidence: percent().optional() }),
      "a list of subjects",
    ).optional(),
    events: list(v3("an event", { id: text().optional(), ...reference() }), "a list of events").optional(),
    eventDetails: v3("event details", {
      eventStatus: uri().optional(),
      plannedCoverageStatus: uri().optional(),
      dates: dates3.optional(),
      organiser: organisation3.optional(),
    }).optional(),
    plannedCoverage: list(
      v3("planned coverage", {
        uri: uri().optional(),
        title: text().optional(),
        pubStatus: oneOf(PUB_STATUSES).optional(),
        type: oneOf(NEWS_OBJECT_TYPES).optional(),
        commissioned: v3("commissioning details", {
          by: text().optional(),
          on: dateTime().optional(),
          references: list(v3("a reference", { name: text().optional(), value: text().optional() }), "a list of references").optional(),
        }).optional(),
        dates: dates3.optional(),
        audiences: list(
          v3("an audience", { audience: text().optional(), significance: wholeNumber("a whole number").optional() }),
          "a list of audiences",
        ).optional(),
        exclAudience: list(text(), "a list of excluded audiences").optional(),
        edNote: text().optional(),
        urgency: urgency3().optional(),
        language: text().optional(),
        itemCount: v3("a range", {
          rangeFrom: wholeNumber("a whole number").optional(),
          rangeTo: wholeNumber("a whole number").optional(),
        }).optional(),
        wordCount: wholeNumber("a whole number").optional(),
        renditions: list(rendition3, "a list of renditions").optional(),
      }),
      "a list of planned coverage",
    ).optional(),
    objects: list(v3("an object", reference()), "a list of objects").optional(),
    infoSources: list(
      v3("an info source", {
        name: text().optional(),
        role: text().optional(),
        uri: uri().optional(),
        literal: text().optional(),
        contactInfo: contactInfos3(),
      }),
      "a list of info sources",
    ).optional(),
    title: text().optional(),
    by: text().optional(),
    slugline: text().optional(),
    located: text("the place the story comes from, as text").optional(),
    renditions: list(rendition3, "a list of renditions").optional(),
    get associations() {
      return list(association3, "a list of associated items").optional();
    },
    altIds: list(v3("an alternative id", { role: text().optional(), value: text().optional() }), "a list of alternative ids").optional(),
    trustIndicators: list(
      v3("a trust indicator", { role: uri().optional(), title: text().optional(), href: uri().optional() }),
      "a list of trust indicators",
    ).optional(),
    standard: v3("the standard's name, version and schema", {
      name: text().optional(),
      version: text().optional(),
      schema: uri().optional(),
    }).optional(),
    genres: list(v3("a genre", { name: text().optional(), uri: text().optional(), literal: text().optional() }), "a list of genres").optional(),
    expires: dateTime().optional(),
    rightsInfo: exactlyOne(
      v3("rights information", { langId: uri().optional(), linkedRights: uri().optional(), encodedRights: text().optional() }),
      "linkedRights",
      "encodedRights",
    ).optional(),
    digitalSourceType: v3("a digital source type", { name: text().optional(), uri: uri().optional(), literal: text().optional() }).optional(),
  };
}

export const ninjs3Item = v3("a ninjs item: an object with uri", itemShape3());
const association3 = v3(
  "an associated item: an object with name and uri",
  Object.assign(itemShape3(), { name: text("the association's name"), rel: text().optional() }),
);

export type Ninjs1Item = z.output<typeof ninjs1Item>;
export type Ninjs2Item = z.output<typeof ninjs2Item>;
export type Ninjs3Item = z.output<typeof ninjs3Item>;

/** Each version's item schema, and whether a top-level property name is one it defines. */
export const NINJS_SCHEMAS = {
  1: {
    schema: ninjs1Item,
    defines: (name: string) => Object.hasOwn(ninjs1Item.shape, name) || TEXT_PATTERNS_1.some(({ pattern }) => pattern.test(name)),
  },
  2: { schema: ninjs2Item, defines: (name: string) => Object.hasOwn(ninjs2Item.shape, name) },
  3: { schema: ninjs3Item, defines: (name: string) => Object.hasOwn(ninjs3Item.shape, name) },
} as const;
