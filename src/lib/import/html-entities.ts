/**
 * The 252 named character entities of HTML 4 and XHTML 1.0 (the Latin-1, special and symbol
 * sets). NITF documents name a DTD that declares them and use them freely (&nbsp;, &mdash;,
 * &eacute;), but the DTD is never read, so the reader knows them itself. &lang; and &rang; take
 * their HTML5 code points, as browsers read them today. Feeds' titles are HTML-escaped text in
 * practice, and are read with them too.
 */

/** Latin-1 names, for U+00A0 to U+00FF in order. */
const LATIN_1 =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr " +
  "deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest " +
  "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml " +
  "ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig " +
  "agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml " +
  "eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";

/** The special and symbol sets, as name:decimal code point. */
const OTHERS =
  "quot:34 amp:38 apos:39 lt:60 gt:62 OElig:338 oelig:339 Scaron:352 scaron:353 Yuml:376 fnof:402 circ:710 tilde:732 " +
  "Alpha:913 Beta:914 Gamma:915 Delta:916 Epsilon:917 Zeta:918 Eta:919 Theta:920 Iota:921 Kappa:922 Lambda:923 " +
  "Mu:924 Nu:925 Xi:926 Omicron:927 Pi:928 Rho:929 Sigma:931 Tau:932 Upsilon:933 Phi:934 Chi:935 Psi:936 Omega:937 " +
  "alpha:945 beta:946 gamma:947 delta:948 epsilon:949 zeta:950 eta:951 theta:952 iota:953 kappa:954 lambda:955 " +
  "mu:956 nu:957 xi:958 omicron:959 pi:960 rho:961 sigmaf:962 sigma:963 tau:964 upsilon:965 phi:966 chi:967 " +
  "psi:968 omega:969 thetasym:977 upsih:978 piv:982 " +
  "ensp:8194 emsp:8195 thinsp:8201 zwnj:8204 zwj:8205 lrm:8206 rlm:8207 ndash:8211 mdash:8212 lsquo:8216 " +
  "rsquo:8217 sbquo:8218 ldquo:8220 rdquo:8221 bdquo:8222 dagger:8224 Dagger:8225 bull:8226 hellip:8230 " +
  "permil:8240 prime:8242 Prime:8243 lsaquo:8249 rsaquo:8250 oline:8254 frasl:8260 euro:8364 " +
  "image:8465 weierp:8472 real:8476 trade:8482 alefsym:8501 " +
  "larr:8592 uarr:8593 rarr:8594 darr:8595 harr:8596 crarr:8629 lArr:8656 uArr:8657 rArr:8658 dArr:8659 hArr:8660 " +
  "forall:8704 part:8706 exist:8707 empty:8709 nabla:8711 isin:8712 notin:8713 ni:8715 prod:8719 sum:8721 " +
  "minus:8722 lowast:8727 radic:8730 prop:8733 infin:8734 ang:8736 and:8743 or:8744 cap:8745 cup:8746 int:8747 " +
  "there4:8756 sim:8764 cong:8773 asymp:8776 ne:8800 equiv:8801 le:8804 ge:8805 sub:8834 sup:8835 nsub:8836 " +
  "sube:8838 supe:8839 oplus:8853 otimes:8855 perp:8869 sdot:8901 lceil:8968 rceil:8969 lfloor:8970 rfloor:8971 " +
  "lang:10216 rang:10217 loz:9674 spades:9824 clubs:9827 hearts:9829 diams:9830";

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ...LATIN_1.split(" ").map((name, index): [string, string] => [name, String.fromCodePoint(0xa0 + index)]),
  ...OTHERS.split(" ").map((pair): [string, string] => {
    const [name = "", code = ""] = pair.split(":");
    return [name, String.fromCodePoint(Number(code))];
  }),
]);

/** The character an HTML 4 entity name stands for (XML's five included), or undefined. */
function htmlEntity(name: string): string | undefined {
  return ENTITIES.get(name);
}

/** A character or entity reference: "&#8217;", "&#x2019;", "&rsquo;". */
const REFERENCE = /&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi;

/** A code point text may carry (XML 1.0 Char): no NUL, no C0 control but tab and line breaks, no lone surrogate. */
function isTextChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/**
 * The text with each character and entity reference read as the character it stands for; a
 * reference to no character this module knows, or to one text may not carry, is passed to
 * `unknown` and kept as typed.
 */
export function decodeReferences(text: string, unknown?: (reference: string) => void): string {
  return text.replace(REFERENCE, (reference: string, name: string) => {
    const numeric = !name.startsWith("#") ? undefined : /^#x/i.test(name) ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    const char = numeric === undefined ? htmlEntity(name) : isTextChar(numeric) ? String.fromCodePoint(numeric) : undefined;
    if (char === undefined) unknown?.(reference);
    return char ?? reference;
  });
}
