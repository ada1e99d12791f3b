import { describe, expect, it } from 'vitest';
import { toErrorData } from './errors';
import { systemErrorMessage } from './systemErrors';

const fsError = (code: string, path?: string) => Object.assign(new Error(`${code}: something, open '${path}'`), { code, path, syscall: 'open' });
const sqliteError = (code: string) => Object.assign(new Error('disk I/O error'), { code, name: 'SqliteError' });

describe('systemErrorMessage', () => {
  it('says what the disk or the system refused, naming the file, and what to do', () => {
    expect(systemErrorMessage(fsError('ENOSPC', '/data/ws/prompts/a.prompt'))).toBe(
      'The disk is full: /data/ws/prompts/a.prompt could not be written. Free some space and try again.',
    );
    expect(systemErrorMessage(fsError('EACCES', '/data/ws'))).toMatch(/^Permission denied for \/data\/ws\. Check that you may/);
    expect(systemErrorMessage(fsError('EROFS', '/mnt/cd/ws'))).toMatch(/read-only disk/);
    expect(systemErrorMessage(fsError('ENOSPC'))).toMatch(/^The disk is full: a file could not be written/);
  });

  it('explains SQLite refusing to write the workspace database', () => {
    expect(systemErrorMessage(sqliteError('SQLITE_IOERR_WRITE'))).toMatch(/could not be read or written: the disk reported an error\. Is it full/);
    expect(systemErrorMessage(sqliteError('SQLITE_FULL'))).toMatch(/^The disk is full/);
    expect(systemErrorMessage(sqliteError('SQLITE_READONLY_DBMOVED'))).toMatch(/is read-only/);
  });

  it('leaves other errors, locks and damage included, to others', () => {
    for (const error of [new Error('boom'), sqliteError('SQLITE_BUSY'), sqliteError('SQLITE_CORRUPT'), fsError('ENOENT', '/x'), 'text', null, { code: 5 }]) {
      expect(systemErrorMessage(error)).toBeNull();
    }
  });
});

describe('toErrorData', () => {
  it('reports what the environment refused as STORAGE_ERROR, not as an internal failure', () => {
    expect(toErrorData(fsError('ENOSPC', '/ws/prompts/a.prompt'))).toEqual({
      code: 'STORAGE_ERROR',
      message: 'The disk is full: /ws/prompts/a.prompt could not be written. Free some space and try again.',
    });
    expect(toErrorData(new Error('boom'))).toEqual({ code: 'INTERNAL', message: 'Something went wrong: boom' });
  });
});
