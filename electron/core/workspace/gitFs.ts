// The file system isomorphic-git works through. It reads every git object with its own file
// calls; with node:fs/promises each small read costs several thread-pool round trips, paid again
// for every object of a long history. Git objects are small local files: synchronous calls behind
// promises read one at once, and the event loop is held only that long at a time.
import fs from 'node:fs';

function promised<A extends unknown[], R>(call: (...args: A) => R): (...args: A) => Promise<R> {
  return async (...args) => call(...args);
}

export const gitFs = {
  readFile: promised(fs.readFileSync),
  writeFile: promised(fs.writeFileSync),
  mkdir: promised(fs.mkdirSync),
  rmdir: promised(fs.rmdirSync),
  rm: promised(fs.rmSync),
  unlink: promised(fs.unlinkSync),
  stat: promised(fs.statSync),
  lstat: promised(fs.lstatSync),
  readdir: promised(fs.readdirSync),
  readlink: promised(fs.readlinkSync),
  symlink: promised(fs.symlinkSync),
};
