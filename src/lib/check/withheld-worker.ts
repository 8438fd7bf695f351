/** A worker of `projectChecks`: reads the stories withheld from the project at the folder it is sent. */
import { parentPort } from "node:worker_threads";
import { withheldStories } from "./withheld-stories.ts";

parentPort?.on("message", async (projectDir: string) => {
  parentPort?.postMessage(await withheldStories(projectDir));
});
