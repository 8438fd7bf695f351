/**
 * Reads a `_headers` file the way Netlify does, so tests can see which headers each built file
 * would be served with: a path line, then indented `Name: value` lines; `*` at the end of a path
 * matches the rest, `:name` one segment; every matching rule applies.
 */
export interface HeaderRule {
  path: string;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const header = /^\s+([^:\s]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!header || !rule) throw new Error(`_headers: cannot read the line "${line}"`);
    rule.headers.push([header[1] ?? "", header[2] ?? ""]);
  }
  return rules;
}

function matches(rulePath: string, urlPath: string): boolean {
  const pattern = rulePath
    .split("/")
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${pattern}$`).test(urlPath);
}

/** The headers a URL path is served with; a header set by two rules gets both values, comma-joined. */
export function headersFor(rules: readonly HeaderRule[], urlPath: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules.filter(({ path }) => matches(path, urlPath))) {
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return headers;
}
