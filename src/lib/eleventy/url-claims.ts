/**
 * Which story holds each page URL in one build. Two stories on one URL are an error the report
 * names (see collisions.ts); meanwhile the second gets no page, so the build reaches that report
 * instead of stopping at Eleventy's own clash of output files. URLs are compared without case,
 * as case-blind file systems and hosts would merge them.
 */
export class UrlClaims {
  readonly #owners = new Map<string, string>();

  /** Forgets every claim: each build, and each rebuild in the dev server, starts afresh. */
  reset(): void {
    this.#owners.clear();
  }

  /** True when `file` may publish at `url`: no other story asked for it first in this build. */
  claim(url: string, file: string): boolean {
    const key = url.toLowerCase();
    const owner = this.#owners.get(key);
    if (owner === undefined) this.#owners.set(key, file);
    return owner === undefined || owner === file;
  }
}
