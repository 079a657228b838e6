/**
 * Reads where an `astro build` spent its time from the build's own log:
 * Vite's "built in" lines, and for each route the files it generated and
 * the wall-clock time from its heading to the next one (Astro stamps log
 * lines to the second; the "(+Nms)" after each file overlap when pages are
 * built concurrently, so they are not summed). Used by bench:build to
 * compare the sites stage by stage, not only in total.
 */

export interface RouteTime {
  /** `src/pages/...` as Astro logs it. */
  route: string;
  files: number;
  /** Whole seconds by the log's timestamps. */
  seconds: number;
}

export interface BuildStages {
  /** Vite's bundling steps (server, then client when the site has scripts). */
  bundlingMilliseconds: number[];
  routes: RouteTime[];
}

const ansi = /\u001b\[[0-9;]*m/g;
const stamp = /^(\d{2}):(\d{2}):(\d{2}) /;
const viteBuilt = /\[vite\] ✓ built in ([\d.]+)(ms|s)\b/;
const routeHeading = /[▶λ] (src\/pages\/\S+)/;
const fileLine = /\(\+[\d.]+m?s\)\s*$/;
const generationDone = /✓ Completed in /;

export function readBuildLog(output: string): BuildStages {
  const bundlingMilliseconds: number[] = [];
  const routes = new Map<string, RouteTime>();
  let current: { route: RouteTime; started: number } | undefined;
  let lastStamp = 0;
  const close = (at: number) => {
    if (current) current.route.seconds += at - current.started;
    current = undefined;
  };
  for (const raw of output.split("\n")) {
    const line = raw.replace(ansi, "");
    const time = stamp.exec(line);
    // Astro's clock does not wrap at midnight (it prints 24:05:00), but be safe if it does.
    if (time) lastStamp = Math.max(lastStamp, Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3]));
    const built = viteBuilt.exec(line);
    if (built) {
      bundlingMilliseconds.push(Number(built[1]) * (built[2] === "s" ? 1000 : 1));
      continue;
    }
    const heading = routeHeading.exec(line);
    if (heading) {
      close(lastStamp);
      const route = routes.get(heading[1]!) ?? { route: heading[1]!, files: 0, seconds: 0 };
      routes.set(route.route, route);
      current = { route, started: lastStamp };
      continue;
    }
    if (generationDone.test(line)) close(lastStamp);
    else if (current && fileLine.test(line)) current.route.files += 1;
  }
  close(lastStamp);
  return { bundlingMilliseconds, routes: [...routes.values()] };
}
