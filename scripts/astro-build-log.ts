/**
 * Reads where an `astro build` spent its time from the build's own log:
 * Vite's "built in" lines, and the "(+Nms)" Astro prints after each file
 * it generates, grouped under the route that generated it. Used by
 * bench:build to compare the sites stage by stage, not only in total.
 */

export interface RouteTime {
  /** `src/pages/...` as Astro logs it. */
  route: string;
  files: number;
  milliseconds: number;
}

export interface BuildStages {
  /** Vite's bundling steps (server, then client when the site has scripts). */
  bundlingMilliseconds: number[];
  routes: RouteTime[];
}

const ansi = /\u001b\[[0-9;]*m/g;
const viteBuilt = /\[vite\] ✓ built in ([\d.]+)(ms|s)\b/;
const routeHeading = /[▶λ] (src\/pages\/\S+)/;
const fileTime = /\(\+([\d.]+)(ms|s)\)\s*$/;

const milliseconds = (value: string, unit: string) => Number(value) * (unit === "s" ? 1000 : 1);

export function readBuildLog(output: string): BuildStages {
  const bundlingMilliseconds: number[] = [];
  const routes = new Map<string, RouteTime>();
  let current: RouteTime | undefined;
  for (const raw of output.split("\n")) {
    const line = raw.replace(ansi, "");
    const built = viteBuilt.exec(line);
    if (built) {
      bundlingMilliseconds.push(milliseconds(built[1]!, built[2]!));
      continue;
    }
    const heading = routeHeading.exec(line);
    if (heading) {
      const route = heading[1]!;
      current = routes.get(route) ?? { route, files: 0, milliseconds: 0 };
      routes.set(route, current);
      continue;
    }
    const file = fileTime.exec(line);
    if (file && current) {
      current.files += 1;
      current.milliseconds += milliseconds(file[1]!, file[2]!);
    }
  }
  return { bundlingMilliseconds, routes: [...routes.values()] };
}
