import { readFileSync } from "node:fs";
import { hashedPath } from "../src/lib/media/assets.ts";

/** The site's own files, published under their contents' hash so hosts may cache them for good (see .eleventy.ts). */
export const STYLESHEET_SOURCE = new URL("../src/assets/site.css", import.meta.url);
export const FAVICON_SOURCE = new URL("../src/assets/favicon.svg", import.meta.url);

export default {
  stylesheet: `/${hashedPath("assets/site.css", readFileSync(STYLESHEET_SOURCE))}`,
  favicon: `/${hashedPath("assets/favicon.svg", readFileSync(FAVICON_SOURCE))}`,
};
