/**
 * Serves the built site the way a host will, to check a build before it is deployed:
 *
 *   npm run preview                                   as Netlify: at the root, pretty URLs, _headers
 *   npm run preview -- --host github-pages            as GitHub Pages: under /newsroom/
 *   npm run preview -- --host github-pages --prefix /my-repo/
 *
 * Other options: --port (default 8080), --dir (default _site).
 */
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { HOST_NAMES, startStaticServer, type Host } from "./lib/static-server.ts";

function fail(message: string): never {
  console.error(`preview: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    host: { type: "string", default: "netlify" },
    prefix: { type: "string", default: "/newsroom/" },
    port: { type: "string", default: "8080" },
    dir: { type: "string", default: "_site" },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port takes a port number (got ${values.port})`);
// "newsroom", "/newsroom" and "/newsroom/" all mean the folder /newsroom/.
const prefix = `/${values.prefix.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
let host: Host;
if (values.host === "netlify") host = { name: "netlify" };
else if (values.host === "github-pages") host = { name: "github-pages", prefix };
else fail(`--host takes ${HOST_NAMES.join(" or ")} (got ${values.host})`);
if (!(await stat(`${values.dir}/index.html`).catch(() => undefined))?.isFile()) {
  fail(`no built site in ${values.dir}/: run npm run build first`);
}

const site = await startStaticServer(values.dir, host, port).catch((error: unknown) =>
  fail(`cannot listen on port ${port}: ${error instanceof Error ? error.message : String(error)}`),
);
console.log(`preview: ${values.dir}/ served as ${host.name} would at ${site.base.replace("127.0.0.1", "localhost")} (Ctrl-C to stop)`);
