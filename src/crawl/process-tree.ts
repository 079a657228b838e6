import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from "node:fs";

/** The fields of /proc/<pid>/stat that place a process in the tree and tell it apart from a later process with its pid. */
export type ProcessStat = {
  pid: number;
  /** The command name as the kernel keeps it (at most 15 bytes); it may hold spaces and parentheses. */
  comm: string;
  state: string;
  ppid: number;
  pgid: number;
  sid: number;
  /** Clock ticks after boot when the process started; with the pid it names one process, even once the pid is reused. */
  startTime: number;
};

/** Every process, by pid: a snapshot of /proc. */
export type ProcessTable = ReadonlyMap<number, ProcessStat>;

/**
 * Parses one /proc/<pid>/stat line. The command name sits in parentheses and
 * may itself hold spaces and `)`, so the numeric fields are read after the
 * last `)`: state is field 3 of proc(5), ppid 4, pgrp 5, session 6, starttime 22.
 */
export function parseProcStat(line: string): ProcessStat | undefined {
  const open = line.indexOf(" (");
  const close = line.lastIndexOf(")");
  if (open < 1 || close < open) return undefined;
  const pid = Number(line.slice(0, open));
  const fields = line.slice(close + 2).split(" ");
  const [state, ppid, pgid, sid] = [fields[0], Number(fields[1]), Number(fields[2]), Number(fields[3])];
  const startTime = Number(fields[19]);
  if (!state || ![pid, ppid, pgid, sid, startTime].every(Number.isSafeInteger)) return undefined;
  return { pid, comm: line.slice(open + 2, close), state, ppid, pgid, sid, startTime };
}

/** True when `environ` (NUL-separated, as in /proc/<pid>/environ) holds exactly this NAME=VALUE entry. */
export function hasEnvironEntry(environ: Buffer, entry: string): boolean {
  const wanted = Buffer.from(entry);
  for (let at = environ.indexOf(wanted); at !== -1; at = environ.indexOf(wanted, at + 1)) {
    const end = at + wanted.length;
    if ((at === 0 || environ[at - 1] === 0) && (end === environ.length || environ[end] === 0)) return true;
  }
  return false;
}

/**
 * Grows a set of found processes to everything that belongs with them: their
 * descendants, and every member of a session or process group one of them is
 * in. A process enters a session only by being born in it (or by making a
 * new one), and a group only within its session, so the members of a found
 * process's session all descend from that session's leader, however they got
 * there (setsid, double forks whose middle parent exited). Ids in `spare`
 * (the crawler's own pid, group and session) are never followed.
 */
export function collectProcessTree(table: ProcessTable, found: Iterable<ProcessStat>, spare: ReadonlySet<number>): Map<number, ProcessStat> {
  const byParent = new Map<number, ProcessStat[]>();
  const byGroup = new Map<number, ProcessStat[]>();
  const bySession = new Map<number, ProcessStat[]>();
  const index = (map: Map<number, ProcessStat[]>, key: number, p: ProcessStat) => {
    const list = map.get(key);
    if (list) list.push(p);
    else map.set(key, [p]);
  };
  for (const p of table.values()) {
    index(byParent, p.ppid, p);
    index(byGroup, p.pgid, p);
    index(bySession, p.sid, p);
  }
  const tree = new Map<number, ProcessStat>();
  const queue: ProcessStat[] = [];
  const add = (p: ProcessStat) => {
    if (tree.has(p.pid) || spare.has(p.pid) || p.pid <= 1) return;
    tree.set(p.pid, p);
    queue.push(p);
  };
  for (const p of found) add(p);
  while (queue.length > 0) {
    const p = queue.pop()!;
    for (const child of byParent.get(p.pid) ?? []) add(child);
    if (!spare.has(p.pgid) && p.pgid > 1) for (const member of byGroup.get(p.pgid) ?? []) add(member);
    if (!spare.has(p.sid) && p.sid > 1) for (const member of bySession.get(p.sid) ?? []) add(member);
  }
  return tree;
}

/** The processes that still run as they are in `table`: same pid and same start time, so never a reused pid. */
export function stillRunning(table: ProcessTable, processes: Iterable<ProcessStat>): ProcessStat[] {
  const running: ProcessStat[] = [];
  for (const p of processes) {
    const now = table.get(p.pid);
    if (now && now.startTime === p.startTime) running.push(now);
  }
  return running;
}

const procAvailable = existsSync("/proc/self/stat");

/** Reads every process's stat line; undefined where there is no /proc (macOS, Windows). */
export function readProcessTable(): ProcessTable | undefined {
  if (!procAvailable) return undefined;
  const table = new Map<number, ProcessStat>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcessStat(Number(name));
    if (stat) table.set(stat.pid, stat);
  }
  return table;
}

/** A stat line is a few hundred bytes; one read into a reused buffer costs half of readFileSync's calls. */
const statBuffer = Buffer.alloc(4096);

export function readProcessStat(pid: number): ProcessStat | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(`/proc/${pid}/stat`, "r");
    const length = readSync(fd, statBuffer, 0, statBuffer.length, 0);
    // latin1 keeps a command name's bytes one to one; the fields that matter are ASCII.
    return parseProcStat(statBuffer.toString("latin1", 0, length));
  } catch {
    return undefined; // it exited meanwhile
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Finds and kills everything a server started, on Linux from /proc: its
 * descendants and their sessions and groups (including the ones made with
 * setsid), the processes remembered when closing began (their parent may be
 * gone since), and processes whose environment holds the crawl's marker
 * entry (orphans of a server that exited by itself). Every kill is checked
 * against the process's start time, so a reused pid is never hit. Where there
 * is no /proc, the server's process group is killed as before.
 */
export class ProcessTreeKiller {
  private readonly server: ProcessStat | undefined;
  private readonly remembered = new Map<number, ProcessStat>();
  private readonly spare: ReadonlySet<number>;

  /** `marker` is the NAME=VALUE entry put in the server's environment. */
  constructor(
    private readonly serverPid: number,
    private readonly marker: string,
  ) {
    this.server = readProcessStat(serverPid);
    const self = readProcessStat(process.pid);
    this.spare = new Set([process.pid, ...(self ? [self.pgid, self.sid, self.ppid] : [])]);
  }

  /** Notes the tree as it is now, before the server is asked to stop and its children lose their parent. */
  remember(): void {
    const table = readProcessTable();
    if (!table) return;
    for (const p of this.collect(table, false).values()) this.remembered.set(p.pid, p);
  }

  /** Kills the whole tree with SIGKILL: a process that ignores SIGTERM dies all the same. */
  killAll(): void {
    let table = readProcessTable();
    if (!table) {
      signalGroup(this.serverPid, "SIGKILL");
      return;
    }
    let tree = this.collect(table, true);
    // Stop the tree, then look again: a stopped process cannot fork or setsid, so the second look is complete.
    for (let round = 0; round < 8 && tree.size > 0; round++) {
      signalTree(tree, "SIGSTOP", this.spare);
      table = readProcessTable()!;
      const again = this.collect(table, true, tree.values());
      const grew = [...again.keys()].some((pid) => !tree.has(pid));
      tree = again;
      if (!grew) break;
    }
    signalTree(tree, "SIGKILL", this.spare);
  }

  private collect(table: ProcessTable, withMarker: boolean, more: Iterable<ProcessStat> = []): Map<number, ProcessStat> {
    const found = stillRunning(table, [...(this.server ? [this.server] : []), ...this.remembered.values(), ...more]);
    const server = this.server;
    if (server && !table.has(server.pid)) {
      // The server has exited: what is left of its session and group started after it.
      // (Only pids wrapping around within the crawl could make that a stranger's session.)
      for (const p of table.values()) {
        if ((p.sid === server.pid || p.pgid === server.pid) && p.startTime >= server.startTime) found.push(p);
      }
    }
    if (withMarker) found.push(...this.marked(table));
    return collectProcessTree(table, found, this.spare);
  }

  /** Own-user processes started no earlier than the server whose environment holds the marker. */
  private marked(table: ProcessTable): ProcessStat[] {
    const since = this.server?.startTime ?? 0;
    const uid = process.getuid?.();
    const marked: ProcessStat[] = [];
    for (const p of table.values()) {
      if (p.startTime < since || this.spare.has(p.pid)) continue;
      try {
        if (uid !== undefined && statSync(`/proc/${p.pid}`).uid !== uid) continue;
        if (hasEnvironEntry(readFileSync(`/proc/${p.pid}/environ`), this.marker)) marked.push(p);
      } catch {
        // Exited, or not ours to read.
      }
    }
    return marked;
  }
}

/**
 * Signals every group of the tree, then every process in it; a group signal
 * also reaches members forked since the snapshot. The snapshot was just read
 * and a group id stays taken while a member lives, so no id here is reused.
 */
function signalTree(tree: ReadonlyMap<number, ProcessStat>, signal: NodeJS.Signals, spare: ReadonlySet<number>): void {
  for (const pgid of new Set([...tree.values()].map((p) => p.pgid))) if (!spare.has(pgid) && pgid > 1) signalGroup(pgid, signal);
  for (const pid of tree.keys()) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}
