/** Runs a command to completion and measures it: wall time, CPU time and peak memory. */
import { spawn } from "node:child_process";

/**
 * Loaded into each measured command: reports its peak resident memory and the CPU time it used as
 * it exits. CPU time barely changes when other work shares the machine; wall time does.
 */
const REPORT_USAGE =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write(`usage=${u.maxRSS},${u.userCPUTime+u.systemCPUTime}\\n`)})';
export interface Run {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  output: string;
}

/** Runs `node args` in `cwd` to completion; fails loudly, since a failed build measures nothing. */
export function measure(cwd: string, args: string[]): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", REPORT_USAGE, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const [, peakKb = NaN, cpuMicroseconds = NaN] = /usage=(\d+),(\d+)/.exec(output)?.map(Number) ?? [];
      if (code === 0) resolve({ seconds, cpuSeconds: cpuMicroseconds / 1e6, peakRssMb: peakKb / 1024, output });
      else reject(new Error(`node ${args.join(" ")} failed in ${cwd}:\n${output}`));
    });
  });
}

