// The ordinary git command, to check that the embedded repository stays readable by it.
import { execFileSync } from 'node:child_process';

export function gitCli(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
