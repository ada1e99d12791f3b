// CPU time the hypervisor gave to other guests while this machine wanted it ("steal", the eighth
// field of /proc/stat's cpu line). This machine is a virtual one: when its host is busy, a run
// slows down for reasons that are not the code's, and the share says how much that happened.
import fs from 'node:fs';

interface CpuTicks {
  steal: number;
  total: number;
}

function readTicks(): CpuTicks | null {
  try {
    const fields = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    return { steal: fields[7] ?? 0, total: fields.reduce((sum, value) => sum + value, 0) };
  } catch {
    return null; // not Linux
  }
}

/** Starts watching; `stop()` gives the share of CPU time stolen since (0–1), or NaN where unknown. */
export function watchSteal(): { stop(): number } {
  const before = readTicks();
  return {
    stop() {
      const after = readTicks();
      if (!before || !after || after.total === before.total) return Number.NaN;
      return (after.steal - before.steal) / (after.total - before.total);
    },
  };
}
