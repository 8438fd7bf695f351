/**
 * Netlify's _headers file: a URL path pattern on a line of its own, then its headers indented as
 * "Name: value"; "#" starts a comment. In a pattern "*" matches anything and ":name" one path
 * segment. Every rule that matches a request adds its headers; a header set twice keeps both
 * values, joined with ", ".
 */

export interface HeaderRule {
  pattern: RegExp;
  headers: [name: string, value: string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    const content = line.trim();
    if (content === "" || content.startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: pathPattern(content), headers: [] });
      continue;
    }
    const colon = content.indexOf(":");
    const rule = rules.at(-1);
    if (colon > 0 && rule !== undefined) rule.headers.push([content.slice(0, colon).trim(), content.slice(colon + 1).trim()]);
  }
  return rules;
}

function pathPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.split("*").map(escapeRegExp).join(".*")))
    .join("/");
  return new RegExp(`^${source}$`);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The headers the rules give a request for `urlPath`, by lower-case name. */
export function headersFor(rules: readonly HeaderRule[], urlPath: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { pattern, headers: ruleHeaders } of rules) {
    if (!pattern.test(urlPath)) continue;
    for (const [name, value] of ruleHeaders) {
      const key = name.toLowerCase();
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  return headers;
}
