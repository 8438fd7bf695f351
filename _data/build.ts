import { readBuildSettings } from "../src/lib/model/publishing.ts";

/** The build moment and mode, read once per build (see src/lib/model/publishing.ts). */
export default readBuildSettings(process.env);
