// A commit as the UI and the CLI show it: ids, first line, whole message, author and date.
import type { CommitObject } from 'isomorphic-git';
import type { Version } from '../../../shared/versions';

export const SHORT_OID_LENGTH = 7;

export function toVersion(oid: string, commit: CommitObject): Version {
  const message = commit.message.trim();
  return {
    oid,
    shortOid: oid.slice(0, SHORT_OID_LENGTH),
    summary: message.split('\n', 1)[0]?.trim() ?? '',
    message,
    author: { name: commit.author.name, email: commit.author.email },
    date: isoDate(commit.author.timestamp, commit.author.timezoneOffset),
  };
}

/**
 * ISO 8601 in the author's own time zone, as `git log --format=%aI` prints it.
 * isomorphic-git gives the offset in minutes with JavaScript's sign (UTC+2 is -120).
 */
export function isoDate(timestamp: number, timezoneOffset: number): string {
  const offsetMinutes = -timezoneOffset;
  const local = new Date((timestamp + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
