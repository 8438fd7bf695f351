/**
 * Script and style in a page's elements themselves: a strict Content-Security-Policy must be
 * possible. Pages run no script, but the search page, which may load the site's own script files
 * (never inline script or an event handler) under a policy that allows only those.
 */
import type { HTMLElement } from "node-html-parser";
import { urlScheme } from "../model/urls.ts";
import { policyAllowsOnlyOwnScript, policyAllowsScript } from "../outputs/security.ts";
import type { FieldProblem } from "../model/problems.ts";
import type { Finding } from "./findings.ts";

/** `type` values a browser runs as script; anything else makes a <script> an inert data block. */
const SCRIPT_TYPES = new Set([
  "",
  "module",
  "importmap",
  "speculationrules",
  "application/ecmascript",
  "application/javascript",
  "application/x-ecmascript",
  "application/x-javascript",
  "text/ecmascript",
  "text/javascript",
  "text/javascript1.0",
  "text/javascript1.1",
  "text/javascript1.2",
  "text/javascript1.3",
  "text/javascript1.4",
  "text/javascript1.5",
  "text/jscript",
  "text/livescript",
  "text/x-ecmascript",
  "text/x-javascript",
]);

/** A classic script from a file of the site: a relative src, nothing inline, no type but JavaScript's. */
function isOwnScriptFile(element: HTMLElement, type: string | undefined): boolean {
  const src = element.getAttribute("src");
  const essence = type?.split(";")[0]?.trim().toLowerCase();
  return (
    src !== undefined &&
    src.trim() !== "" &&
    urlScheme(src) === undefined &&
    !src.startsWith("/") &&
    element.rawText.trim() === "" &&
    (essence === undefined || essence === "" || essence === "text/javascript")
  );
}

/** `ownScripts`: the page is the search page, which may run the site's own script files. */
export function scriptAndStyleProblems(element: HTMLElement, ownScripts = false): Finding[] {
  const problems: FieldProblem[] = [];
  const script = (message: string) => problems.push({ field: "script", message, code: "WD402" });
  const style = (message: string) => problems.push({ field: "style", message, code: "WD403" });
  const type = element.tagName === "SCRIPT" ? element.getAttribute("type") : undefined;
  if (element.tagName === "SCRIPT" && !isDataBlock(type) && !(ownScripts && isOwnScriptFile(element, type))) {
    const tag = type === undefined ? "<script>" : `<script type="${type}">`;
    const expected = ownScripts ? "expected only the site's own script files, by a relative src, and data blocks" : "expected none: only data blocks such as application/ld+json";
    script(`${tag} would run (${expected})`);
  }
  // The dev server's pages let its reload script in; a page built to publish must never, but the search page its own files.
  const policy = isPolicyMeta(element) ? element.getAttribute("content") : undefined;
  if (policy !== undefined && policyAllowsScript(policy) && !(ownScripts && policyAllowsOnlyOwnScript(policy))) {
    const expected = ownScripts ? "a policy that allows only the site's own script files ('self')" : "a policy that allows none on a published page";
    script(`Content-Security-Policy "${policy}" allows script (expected ${expected})`);
  }
  if (element.tagName === "STYLE") {
    style("<style> element (expected the rules in the site stylesheet)");
  }
  for (const name of Object.keys(element.rawAttributes).map((key) => key.toLowerCase())) {
    if (name.startsWith("on")) script(`${name} attribute: an event handler would run script (expected no event handler)`);
    if (name === "style") style("style attribute (expected a class from the site stylesheet)");
  }
  return problems.map((found) => ({ offset: element.range[0], ...found }));
}

function isPolicyMeta(element: HTMLElement): boolean {
  return element.tagName === "META" && element.getAttribute("http-equiv")?.trim().toLowerCase() === "content-security-policy";
}

function isDataBlock(type: string | undefined): boolean {
  // Stricter than browsers, which run only an exact match: "text/javascript; x=y" counts as script here.
  const essence = type?.split(";")[0]?.trim().toLowerCase();
  return essence !== undefined && !SCRIPT_TYPES.has(essence);
}
