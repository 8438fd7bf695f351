import { readFileSync } from "node:fs";
import { hashedPath } from "../src/lib/assets.ts";

/** The stylesheet's site path, named by its contents (see .eleventy.ts, which publishes it there). */
export const STYLESHEET_SOURCE = new URL("../src/assets/site.css", import.meta.url);

export default {
  stylesheet: `/${hashedPath("assets/site.css", readFileSync(STYLESHEET_SOURCE))}`,
};
