/**
 * Serves the built site the way a host will, to check a build before it is deployed:
 *
 *   npm run preview                                   as Netlify: at the root, pretty URLs, _headers
 *   npm run preview -- --host github-pages            as GitHub Pages: under the build's own base path
 *   npm run preview -- --host github-pages --prefix /newsroom/
 *                                                     the same, refused unless the build was made for /newsroom/
 *
 * A build links its 404 page from the path of its SITE_URL, so it is served only there; a build
 * for a prefix is made with e.g. SITE_URL=http://localhost:8080/newsroom/ npm run build.
 * Other options: --port (default 8080), --dir (default _site).
 */
import { stat } from "node:fs/promises";
import { previewHost, readBuiltSiteUrl, startStaticServer } from "../src/lib/hosts/static-server.ts";
import { commandOptions } from "./lib/command-options.ts";

function fail(message: string): never {
  console.error(`preview: ${message}`);
  process.exit(2);
}

const { values } = commandOptions(
  "preview",
  {
    options: {
      host: { type: "string", default: "netlify" },
      prefix: { type: "string" },
      port: { type: "string", default: "8080" },
      dir: { type: "string", default: "_site" },
    },
  },
  "--host netlify or --host github-pages, --prefix /<folder>/, --port N or --dir <built site>",
);

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port takes a port number (got ${values.port})`);
if (!(await stat(`${values.dir}/index.html`).catch(() => undefined))?.isFile()) {
  fail(`no built site in ${values.dir}/: run npm run build first`);
}
const plan = previewHost({ host: values.host, prefix: values.prefix, port, dir: values.dir }, await readBuiltSiteUrl(values.dir));
if ("problem" in plan) fail(plan.problem);

const site = await startStaticServer(values.dir, plan.host, port).catch((error: unknown) =>
  fail(`cannot listen on port ${port}: ${error instanceof Error ? error.message : String(error)}`),
);
console.log(`preview: ${values.dir}/ served as ${plan.host.name} would at ${site.base.replace("127.0.0.1", "localhost")} (Ctrl-C to stop)`);
