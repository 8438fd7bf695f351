/** JSON of a value JSON carries exactly: nothing undefined, no function, Date, NaN or array hole inside. Else undefined. */
export function exactJson(value: unknown): string | undefined {
  return isExactJson(value) ? JSON.stringify(value) : undefined;
}

function isExactJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object") return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let index = 0; index < value.length; index += 1) if (!(index in value) || !isExactJson(value[index])) return false;
    return true;
  }
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isExactJson);
}
