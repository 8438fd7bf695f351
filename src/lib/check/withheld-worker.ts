/** A worker of `projectChecks`: reads the stories withheld from the project at the folder it is sent, with the settings sent along. */
import { parentPort } from "node:worker_threads";
import { withheldStories, type StorySettings } from "./withheld-stories.ts";

parentPort?.on("message", async ({ projectDir, settings }: { projectDir: string; settings: StorySettings }) => {
  parentPort?.postMessage(await withheldStories(projectDir, settings));
});
