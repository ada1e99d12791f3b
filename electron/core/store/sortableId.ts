// Run ids that sort by creation: a fixed-width base-36 millisecond clock, then random characters.
// Shorter than a UUID in URLs and file names, and `ORDER BY id` agrees with the order of creation.
import crypto from 'node:crypto';

let lastMs = 0;

/** 9 clock characters (good until the year 5188) + 8 random ones. */
export function sortableId(now: number = Date.now()): string {
  // Two ids in the same millisecond still sort in creation order: the clock never repeats here.
  const ms = Math.max(now, lastMs + 1);
  lastMs = ms;
  return ms.toString(36).padStart(9, '0') + crypto.randomBytes(5).readUIntBE(0, 5).toString(36).padStart(8, '0');
}
