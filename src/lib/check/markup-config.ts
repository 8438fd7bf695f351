/** Where the project's html-validate configuration is: the committed .htmlvalidate.json. */
import { fileURLToPath } from "node:url";

export const HTMLVALIDATE_CONFIG = fileURLToPath(new URL("../../../.htmlvalidate.json", import.meta.url));
