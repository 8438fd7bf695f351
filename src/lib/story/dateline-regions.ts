/**
 * The abbreviations wire style writes US states and Canadian provinces with in datelines
 * ("PORTLAND, Ore. (AP) —"), as the region names the city gazetteer uses. States AP spells out
 * (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah) need no entry.
 */
const REGION_ABBREVIATIONS: Readonly<Record<string, string>> = {
  "Ala.": "Alabama",
  "Ariz.": "Arizona",
  "Ark.": "Arkansas",
  "Calif.": "California",
  "Colo.": "Colorado",
  "Conn.": "Connecticut",
  "Del.": "Delaware",
  "D.C.": "District of Columbia",
  "Fla.": "Florida",
  "Ga.": "Georgia",
  "Ill.": "Illinois",
  "Ind.": "Indiana",
  "Kan.": "Kansas",
  "Ky.": "Kentucky",
  "La.": "Louisiana",
  "Md.": "Maryland",
  "Mass.": "Massachusetts",
  "Mich.": "Michigan",
  "Minn.": "Minnesota",
  "Miss.": "Mississippi",
  "Mo.": "Missouri",
  "Mont.": "Montana",
  "Neb.": "Nebraska",
  "Nev.": "Nevada",
  "N.H.": "New Hampshire",
  "N.J.": "New Jersey",
  "N.M.": "New Mexico",
  "N.Y.": "New York",
  "N.C.": "North Carolina",
  "N.D.": "North Dakota",
  "Okla.": "Oklahoma",
  "Ore.": "Oregon",
  "Pa.": "Pennsylvania",
  "R.I.": "Rhode Island",
  "S.C.": "South Carolina",
  "S.D.": "South Dakota",
  "Tenn.": "Tennessee",
  "Vt.": "Vermont",
  "Va.": "Virginia",
  "Wash.": "Washington",
  "W.Va.": "West Virginia",
  "Wis.": "Wisconsin",
  "Wyo.": "Wyoming",
  "Alta.": "Alberta",
  "B.C.": "British Columbia",
  "Man.": "Manitoba",
  "N.B.": "New Brunswick",
  "Nfld.": "Newfoundland and Labrador",
  "N.S.": "Nova Scotia",
  "Ont.": "Ontario",
  "P.E.I.": "Prince Edward Island",
  "Que.": "Québec",
  "Sask.": "Saskatchewan",
};

/** The provinces among them: every other abbreviation is a US state's. */
const CANADIAN = new Set(["Alta.", "B.C.", "Man.", "N.B.", "Nfld.", "N.S.", "Ont.", "P.E.I.", "Que.", "Sask."]);

const byFoldedAbbreviation = new Map(
  Object.entries(REGION_ABBREVIATIONS).map(([abbreviation, name]) => [
    abbreviation.replace(/\s+/g, "").toLowerCase(),
    { name, country: CANADIAN.has(abbreviation) ? "Canada" : "United States of America" },
  ]),
);

/**
 * The region a dateline's abbreviation stands for, with the country it is in, as the gazetteer
 * names them ("Md." -> Maryland, United States of America: not Liberia's Maryland County; "W. Va."
 * too); else the text as written, in any country.
 */
export function regionOf(written: string): { name: string; country?: string } {
  return byFoldedAbbreviation.get(written.replace(/\s+/g, "").toLowerCase()) ?? { name: written };
}
