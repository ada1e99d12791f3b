// Peak resident memory and CPU time of a child process, read from Linux's /proc while it runs.
// VmHWM is the kernel's own high-water mark of the process's RSS, so polling only has to catch
// its last value before the exit; what happens after the last poll (the final summary) is missed.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessPeaks {
  rssMb: number;
  cpuSeconds: number;
}

export function processPeaks(child: ChildProcess, everyMs = 5): { stop(): ProcessPeaks } {
  const peaks: ProcessPeaks = { rssMb: Number.NaN, cpuSeconds: Number.NaN };
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peaks.rssMb = Number(hwm[1]) / 1024;
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      const ticks = Number(fields[11]) + Number(fields[12]);
      if (Number.isFinite(ticks)) peaks.cpuSeconds = ticks / 100;
    } catch {
      // The process has exited (or this is not Linux): keep the last figures read.
    }
  };
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peaks;
    },
  };
}

/** The process's resident memory now (VmRSS), or NaN when it cannot be read. */
export function residentMb(pid: number | undefined): number {
  try {
    const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return rss ? Number(rss[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
