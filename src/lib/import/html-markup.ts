/**
 * Telling HTML markup from text that only looks like it. Agencies write codes in angle brackets
 * in their copy (Reuters' instrument codes, "Apple <AAPL.O>"), and a field or section delivered
 * as text may still hold markup a producer wrapped in CDATA: a run in angle brackets is markup
 * only when it names an element HTML has.
 */

/** HTML's elements, with the obsolete ones agencies' tools still write (font, center, strike, tt). */
const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  (
    "a abbr acronym address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite code col colgroup " +
    "data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset " +
    "h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter " +
    "nav nobr noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select " +
    "slot small source span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr"
  ).split(" "),
);

/** A start or end tag's opening, with its name: "<p", "</AAPL.O". */
const TAG_OPENING = /<(\/?)([a-z][^\s/>]*)/gi;

/**
 * Whether a name in angle brackets is markup: an HTML element, or a name no copy writes (a
 * prefixed one such as Word's o:p, or a custom element's, with a hyphen).
 */
const isMarkupName = (name: string): boolean => HTML_ELEMENTS.has(name.toLowerCase()) || /[:-]/.test(name);

/** Whether text holds a tag of an HTML element, so that it is markup rather than text with angle brackets in it. */
export function holdsHtmlMarkup(text: string): boolean {
  return [...text.matchAll(TAG_OPENING)].some(([, , name = ""]) => HTML_ELEMENTS.has(name.toLowerCase()));
}

/**
 * HTML with each run in angle brackets that names no element ("<AAPL.O>", "<LCOc1>") escaped, so
 * reading the markup keeps it as the agency's words rather than taking it for a tag and dropping it.
 */
export function withCodesAsText(html: string): string {
  return html.replace(TAG_OPENING, (opening: string, _slash: string, name: string) => (isMarkupName(name) ? opening : `&lt;${opening.slice(1)}`));
}
