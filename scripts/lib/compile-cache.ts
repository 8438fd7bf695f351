/**
 * Preloaded by the npm scripts that build (`node --import ./scripts/lib/compile-cache.ts ...`):
 * turns on Node's module compile cache before the command's modules load, so a build in a new
 * process finds their compiled code on disk rather than compiling some two hundred modules again
 * (a fifth of a second of every build). Node checks each cached module against its source, so
 * the cache changes no behaviour; it lives in the system's temporary folder, or wherever
 * NODE_COMPILE_CACHE says, and NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
import { enableCompileCache } from "node:module";

const { directory } = enableCompileCache();
// The check's worker threads inherit it through the environment.
if (directory !== undefined) process.env["NODE_COMPILE_CACHE"] = directory;
