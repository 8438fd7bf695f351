/**
 * Freezes `value` and everything it holds, so that a value shared between builds (a story's
 * read, kept by the dev server) cannot be changed by one of them: a change throws where it is
 * made, in the strict code of these modules, rather than showing on another build's pages.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
