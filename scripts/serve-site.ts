/**
 * Serves the built site: a small static file server for `dist` (or `--dir`),
 * bound to 127.0.0.1. Directory URLs get their index.html, unknown paths the
 * site's 404 page.
 *
 *   npm run serve [-- --dir dist --port 4321]
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".yaml": "application/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".ico": "image/x-icon",
  ".png": "image/png",
};

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

/** Starts the server; port 0 picks a free one. Resolves with its base URL. */
export async function serveDirectory(dir: string, port = 4321, host = "127.0.0.1"): Promise<{ server: Server; url: string }> {
  const root = path.resolve(dir);
  const server = createServer(async (request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end("bad request");
      return;
    }
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      response.writeHead(403).end("forbidden");
      return;
    }
    if (pathname.endsWith("/")) file = path.join(file, "index.html");
    else if (!(await isFile(file)) && (await isFile(path.join(file, "index.html")))) {
      response.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    let status = 200;
    if (!(await isFile(file))) {
      status = 404;
      file = path.join(root, "404.html");
      if (!(await isFile(file))) {
        response.writeHead(404).end("not found");
        return;
      }
    }
    response.writeHead(status, { "content-type": types[path.extname(file)] ?? "application/octet-stream", "x-content-type-options": "nosniff" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://${host}:${address.port}` };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const { url } = await serveDirectory(arg("dir") ?? "dist", Number(arg("port") ?? 4321), arg("host") ?? "127.0.0.1");
  console.log(`Serving ${arg("dir") ?? "dist"} on ${url.replace("127.0.0.1", "localhost")}`);
}
