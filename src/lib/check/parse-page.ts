/** The one parse of a page that every check of it shares. */
import { parse, type HTMLElement } from "node-html-parser";
import { positionsIn, type Position } from "./text-positions.ts";

/**
 * Only these hold text rather than markup, as in a browser; the parser's default also skips the
 * content of <pre> and <noscript>, where links and script must be checked too.
 */
const PARSE_OPTIONS = { blockTextElements: { script: true, style: true, title: true, textarea: true } };

export interface ParsedPage {
  source: string;
  root: HTMLElement;
  /** Every element, in document order: most checks look at each element once rather than query the tree. */
  elements: HTMLElement[];
  /** The line and column of an offset in the source. */
  position: (offset: number) => Position;
}

export function parsePage(source: string): ParsedPage {
  const root = parse(source, PARSE_OPTIONS);
  return { source, root, elements: root.querySelectorAll("*"), position: positionsIn(source) };
}

/** Whether an element has an attribute, as a selector's [name] finds it. */
export const hasAttribute = (element: HTMLElement, name: string): boolean => element.getAttribute(name) !== undefined;
