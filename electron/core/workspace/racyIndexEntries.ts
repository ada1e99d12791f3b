// Keeps git's "racy git" safeguard when the app rewrites `.git/index` (Documentation/technical/
// racy-git.txt in git's sources). Git trusts an index entry's saved stat data (size, and mtime to
// the second) to mean "file unchanged", except for entries whose mtime is not older than the index
// file itself: a file changed again within the same second as it was staged looks unchanged by
// stat, so git re-reads those. isomorphic-git writes the index back with every entry as it read
// it, and the new index file is newer than them all, so that safeguard would silently go: a file
// someone edited in the second it was staged (by `git add`, a moment before the app committed a
// prompt) would look clean to git from then on, and its edit could never be committed. Git's own
// answer, which this applies, is to "smudge" such entries when writing: size 0, so the next git
// command re-reads the file.
import { createHash } from 'node:crypto';

const HEADER_BYTES = 12;
const CHECKSUM_BYTES = 20;
/** ctime, mtime (8 each), dev, ino, mode, uid, gid, size (4 each), object id, flags. */
const FIXED_ENTRY_BYTES = 62;
const MTIME_SECONDS_AT = 8;
const SIZE_AT = 36;
const FLAGS_AT = 60;
const EXTENDED_FLAG = 0x4000;
const NAME_LENGTH_MASK = 0xfff;

/**
 * `index` with every entry whose mtime is at or after `racyFromSeconds` (the second the index it
 * was read from was written) smudged. Only versions 2 and 3, which isomorphic-git writes; any other
 * content is returned as it is.
 */
export function smudgeRacyEntries(index: Buffer, racyFromSeconds: number): Buffer {
  if (index.length < HEADER_BYTES + CHECKSUM_BYTES || index.toString('latin1', 0, 4) !== 'DIRC') return index;
  const version = index.readUInt32BE(4);
  if (version !== 2 && version !== 3) return index;
  const out = Buffer.from(index);
  const count = out.readUInt32BE(8);
  let at = HEADER_BYTES;
  let smudged = 0;
  for (let i = 0; i < count; i++) {
    const flags = out.readUInt16BE(at + FLAGS_AT);
    const nameAt = at + FIXED_ENTRY_BYTES + (version === 3 && flags & EXTENDED_FLAG ? 2 : 0);
    const nameLength = (flags & NAME_LENGTH_MASK) < NAME_LENGTH_MASK ? flags & NAME_LENGTH_MASK : out.indexOf(0, nameAt) - nameAt;
    if (out.readUInt32BE(at + MTIME_SECONDS_AT) >= racyFromSeconds && out.readUInt32BE(at + SIZE_AT) !== 0) {
      out.writeUInt32BE(0, at + SIZE_AT);
      smudged++;
    }
    // Each entry is NUL-padded to a multiple of 8 bytes, with at least one NUL after the name.
    at += Math.floor((nameAt - at + nameLength + 8) / 8) * 8;
  }
  if (smudged === 0) return index;
  const bodyEnd = out.length - CHECKSUM_BYTES;
  createHash('sha1').update(out.subarray(0, bodyEnd)).digest().copy(out, bodyEnd);
  return out;
}
