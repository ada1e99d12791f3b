// Whether a process on this machine is running: a run's owner, the holder of a git lock, an
// approval cut short. A process id can be reused, so callers pair this with a time (a heartbeat, a
// lock's age) wherever a wrong "alive" would block work for good.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
