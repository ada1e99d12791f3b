// Reads commits and trees for walks over long histories, each object once (cached by id).
//
// Why not git.readCommit/readTree: isomorphic-git checks every loose object's SHA-1 through
// WebCrypto (async, a thread-pool round trip) and inflates it with pako, for each of the three
// objects per commit of a long history. Loose objects are read here with node:zlib and hashed with
// node:crypto, synchronously and natively, with the same checks (header, size, SHA-1). Packed
// objects (after `git gc`) are still read by isomorphic-git, whose pack reader is fast once `cache`
// holds the pack index.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { CommitObject, TreeEntry } from 'isomorphic-git';
import { gitFs } from './gitFs';
import { loadGit } from './isomorphicGit';

export interface RawObject {
  type: string;
  body: Buffer;
}

export class GitObjectReader {
  private readonly commits = new Map<string, CommitObject>();
  private readonly trees = new Map<string, TreeEntry[]>();
  private readonly objectsDir: string;

  constructor(
    private readonly dir: string,
    /** isomorphic-git's cache: keeps pack indexes loaded between reads. */
    private readonly cache: object = {},
  ) {
    this.objectsDir = path.join(dir, '.git', 'objects');
  }

  async readCommit(oid: string): Promise<CommitObject> {
    let commit = this.commits.get(oid);
    if (!commit) {
      commit = parseCommit(await this.readTyped(oid, 'commit'));
      this.commits.set(oid, commit);
    }
    return commit;
  }

  async readTree(oid: string): Promise<TreeEntry[]> {
    let tree = this.trees.get(oid);
    if (!tree) {
      tree = parseTree(await this.readTyped(oid, 'tree'));
      this.trees.set(oid, tree);
    }
    return tree;
  }

  async readRaw(oid: string): Promise<RawObject> {
    const file = path.join(this.objectsDir, oid.slice(0, 2), oid.slice(2));
    let stored: Buffer;
    try {
      stored = fs.readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const git = await loadGit();
      const packed = await git.readObject({ fs: gitFs, dir: this.dir, oid, format: 'content', cache: this.cache });
      return { type: packed.type, body: Buffer.from(packed.object as Uint8Array) };
    }
    const corrupt = (why: string) => new Error(`the object ${file} is corrupt: ${why}`);
    let wrapped: Buffer;
    try {
      wrapped = inflateSync(stored);
    } catch (error) {
      throw corrupt(error instanceof Error ? error.message : String(error));
    }
    if (createHash('sha1').update(wrapped).digest('hex') !== oid) throw corrupt('its content does not match its id');
    const nul = wrapped.indexOf(0);
    const [type = '', size = ''] = wrapped.subarray(0, Math.max(nul, 0)).toString('latin1').split(' ');
    const body = wrapped.subarray(nul + 1);
    if (nul < 0 || Number(size) !== body.length) throw corrupt('its header is wrong');
    return { type, body };
  }

  async readBlob(oid: string): Promise<Buffer> {
    return this.readTyped(oid, 'blob');
  }

  private async readTyped(oid: string, type: 'commit' | 'tree' | 'blob'): Promise<Buffer> {
    const raw = await this.readRaw(oid);
    if (raw.type !== type) throw new Error(`object ${oid} is a ${raw.type}, expected a ${type}`);
    return raw.body;
  }
}

const PERSON = /^(.*?) ?<([^>]*)> (\d+) ([+-])(\d\d)(\d\d)$/;

/** The commit format: header lines (`tree`, `parent`…, `author`, `committer`, …), a blank line, the message. */
export function parseCommit(body: Buffer): CommitObject {
  const text = body.toString('utf8');
  const split = text.indexOf('\n\n');
  const headers = split < 0 ? text : text.slice(0, split);
  const commit: CommitObject = {
    message: split < 0 ? '' : text.slice(split + 2),
    tree: '',
    parent: [],
    author: { name: '', email: '', timestamp: 0, timezoneOffset: 0 },
    committer: { name: '', email: '', timestamp: 0, timezoneOffset: 0 },
  };
  for (const line of headers.split('\n')) {
    // Continuation lines (a signature's body) start with a space.
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') commit.tree = value;
    else if (key === 'parent') commit.parent.push(value);
    else if (key === 'author') commit.author = parsePerson(value);
    else if (key === 'committer') commit.committer = parsePerson(value);
  }
  if (!/^[0-9a-f]{40}$/.test(commit.tree)) throw new Error('a commit object has no tree');
  return commit;
}

function parsePerson(value: string): CommitObject['author'] {
  const match = PERSON.exec(value);
  if (!match) return { name: value, email: '', timestamp: 0, timezoneOffset: 0 };
  const [, name = '', email = '', timestamp = '0', sign, hours = '0', minutes = '0'] = match;
  const offset = Number(hours) * 60 + Number(minutes);
  // isomorphic-git's convention (JavaScript's): minutes to add to local time to get UTC.
  return { name, email, timestamp: Number(timestamp), timezoneOffset: offset === 0 ? 0 : sign === '+' ? -offset : offset };
}

/** The tree format: entries of `<octal mode> <name>\0<20-byte id>`. */
export function parseTree(body: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const nul = body.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 21 > body.length) throw new Error('a tree object is truncated');
    const rawMode = body.subarray(at, space).toString('latin1');
    const mode = rawMode.padStart(6, '0');
    const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    entries.push({ mode, path: body.subarray(space + 1, nul).toString('utf8'), oid: body.subarray(nul + 1, nul + 21).toString('hex'), type });
    at = nul + 21;
  }
  return entries;
}
