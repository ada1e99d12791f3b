// Another program holding the workspace database's write lock: a separate Node process that opens
// the file with better-sqlite3, starts a write transaction (BEGIN IMMEDIATE) and keeps it open until
// told to let go, as a second app window, a stuck `workbench` or a sqlite3 shell would.
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './workbenchCli';

export interface LockHolder {
  readonly pid: number;
  /** Ends the transaction (nothing it wrote is kept) and waits for the process to exit. */
  release(): Promise<void>;
}

const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { fileMustExist: true });
db.pragma('busy_timeout = 10000');
db.prepare('BEGIN IMMEDIATE').run();
// A real write, so the lock is the one a writer holds, not only a reservation.
db.prepare("INSERT INTO settings (key, value) VALUES ('lock-holder', '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
process.stdout.write('locked\\n');
process.stdin.on('data', () => {});
process.stdin.on('end', () => {
  db.prepare('ROLLBACK').run();
  db.close();
  process.exit(0);
});
`;

/** Resolves once the other process holds the lock. */
export function holdWriteLock(databaseFile: string): Promise<LockHolder> {
  const child: ChildProcess = spawn(process.execPath, ['-e', HOLDER, databaseFile], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const fail = (why: string) => {
      child.kill('SIGKILL');
      reject(new Error(`The lock holder did not take the lock: ${why}\n${output}`));
    };
    const timer = setTimeout(() => fail('timed out'), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!output.includes('locked')) fail(`exited with ${code}`);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('locked')) return;
      clearTimeout(timer);
      resolve({
        pid: child.pid as number,
        release: async () => {
          child.stdin?.end();
          await exited;
        },
      });
    });
  });
}
