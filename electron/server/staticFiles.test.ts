import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../../test/support/tempDir';
import { contentTypeOf, resolveStaticFile } from './staticFiles';

describe('resolveStaticFile', () => {
  let root: string;
  let app: string;
  beforeAll(() => {
    root = makeTempDir();
    app = path.join(root, 'app');
    fs.mkdirSync(path.join(app, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(app, 'index.html'), 'index');
    fs.writeFileSync(path.join(app, 'assets', 'a.js'), 'js');
    fs.writeFileSync(path.join(root, 'secret'), 'secret');
    fs.mkdirSync(path.join(root, 'app-evil'));
    fs.writeFileSync(path.join(root, 'app-evil', 'x.js'), 'evil');
  });
  afterAll(() => removeDir(root));

  it('maps / and client routes to index.html and assets to their files', () => {
    expect(resolveStaticFile(app, '/')).toBe(path.join(app, 'index.html'));
    expect(resolveStaticFile(app, '/runs/123')).toBe(path.join(app, 'index.html'));
    expect(resolveStaticFile(app, '/assets/a.js')).toBe(path.join(app, 'assets', 'a.js'));
    expect(resolveStaticFile(app, '/assets/missing.js')).toBeNull();
  });

  it.each(['/../secret', '/%2e%2e/secret', '/assets/%2e%2e%2f%2e%2e%2fsecret', '/../app-evil/x.js', '/%00', '/%E0%A4%A'])(
    'never leaves the folder for %s',
    (attempt) => {
      const resolved = resolveStaticFile(app, attempt);
      if (resolved !== null) expect(resolved.startsWith(app + path.sep)).toBe(true);
      expect(resolved === null || !resolved.includes('secret')).toBe(true);
    },
  );

  it('knows the content types the renderer uses', () => {
    expect(contentTypeOf('x.js')).toMatch(/javascript/);
    expect(contentTypeOf('x.css')).toMatch(/text\/css/);
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
  });
});
