import { readBuildSettings } from "../src/lib/publishing.ts";

/** The build moment and mode, read once per build (see src/lib/publishing.ts). */
export default readBuildSettings(process.env);
