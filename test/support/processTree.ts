// Which processes a process started, read from Linux's /proc: `workbench serve` runs its core in a
// child process, and tests that kill it or check who owns a run need that child's pid.
import fs from 'node:fs';

/** The pids whose parent is `pid`. */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (in parentheses) may hold spaces; the fields after it are fixed.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // It ended while we looked.
    }
  }
  return children;
}

/** The core host process of a `workbench serve` (its only child), waiting up to `timeoutMs` for it. */
export async function coreHostPid(servePid: number, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [child, ...others] = childPids(servePid);
    if (child !== undefined && others.length === 0) return child;
    if (Date.now() > deadline) throw new Error(`workbench serve (pid ${servePid}) has ${others.length + (child === undefined ? 0 : 1)} child processes, expected its core host alone`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
