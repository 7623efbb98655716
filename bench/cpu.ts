// Who else used the CPU while we measured? Linux /proc accounting: the machine's busy time minus
// the time of the benchmark's own processes (the runner and everything it started: the targets
// and the embedded PostgreSQL). On a machine shared with other work (a test suite, a browser)
// the figures are slower and noisier; the report says by how much the machine was shared.
import fs from 'node:fs';
import os from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface CpuSnapshot {
  at: number;
  /** busy ticks of the whole machine */
  busy: number;
  /** ticks of the runner and its descendants */
  own: number;
}

function readProcStat(pid: string): { comm: string; ppid: number; ticks: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // after "pid (comm) ": state ppid ... utime stime cutime cstime [0-based 11..14]; the children's
    // times count too (PostgreSQL backends that ended are added to the postmaster's cutime/cstime)
    return { comm: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

export function cpuSnapshot(root = process.pid): CpuSnapshot | null {
  if (process.platform !== 'linux') return null;
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = line;
    const busy = user + nice + system + irq + softirq + (steal ?? 0);
    const procs = new Map<number, { ppid: number; ticks: number }>();
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const s = readProcStat(pid);
      if (s) procs.set(Number(pid), s);
    }
    const mine = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 50; hops++) {
        if (p === root) return true;
        p = procs.get(p)?.ppid ?? 0;
      }
      return false;
    };
    let own = 0;
    for (const [pid, s] of procs) if (mine(pid)) own += s.ticks;
    return { at: Date.now(), busy, own };
  } catch {
    return null;
  }
}

/** Share of the whole machine (all cores) used by other processes between two snapshots, 0..1. */
export function foreignShare(a: CpuSnapshot | null, b: CpuSnapshot | null): number | null {
  if (!a || !b) return null;
  const capacity = ((b.at - a.at) / 1000) * TICKS_PER_SECOND * os.cpus().length;
  if (capacity <= 0) return null;
  return Math.max(0, Math.min(1, (b.busy - a.busy - (b.own - a.own)) / capacity));
}

/**
 * CPU time of every PostgreSQL process (the postmaster, its backends and what ended under it), in
 * ms: the database's share of a request, which the target's own process.cpuUsage does not see.
 */
export function postgresCpuMs(): number | null {
  if (process.platform !== 'linux') return null;
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readProcStat(pid); // null: the process ended meanwhile, its time is in its parent's
    if (stat?.comm === 'postgres') ticks += stat.ticks;
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
