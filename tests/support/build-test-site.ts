/** Playwright's global setup: one build of the fixture newsroom, shared by every browser test. */
import { buildTestSite } from "./test-site.ts";

export default function globalSetup(): void {
  buildTestSite();
}
