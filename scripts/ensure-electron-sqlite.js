#!/usr/bin/env node
// Makes sure native/electron-<version>/better_sqlite3.node exists: better-sqlite3 built for
// Electron's ABI, which electron/nativeBinding.ts hands to the database at startup.
//
// node_modules/better-sqlite3/build is left alone on purpose: it is the Node build that the tests
// and the CLI load, and rebuilding it for Electron (what electron-rebuild does) would break them.
// So the package is copied to a temporary folder and built there:
//   1. prebuild-install --runtime electron  (downloads a prebuilt binary from GitHub releases)
//   2. node-gyp rebuild --runtime=electron  (compiles; needs Electron's headers and a C++ toolchain)
// Offline escape hatches: WORKBENCH_ELECTRON_SQLITE=<file.node> copies a binary you built elsewhere;
// ELECTRON_HEADERS_DIR=<dir> compiles against Electron headers you already have.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const STEP_TIMEOUT_MS = 10 * 60 * 1000;

function log(message) {
  console.log(`[electron-sqlite] ${message}`);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function binPath(packageName, fromDir) {
  const manifestPath = require.resolve(`${packageName}/package.json`, { paths: [fromDir, root] });
  const { bin } = readJson(manifestPath);
  const relative = typeof bin === 'string' ? bin : bin[packageName];
  return path.join(path.dirname(manifestPath), relative);
}

/**
 * The environment for the build tools, minus npm's `nodedir`: under `npm run` it points node-gyp
 * at Node's headers, which would silently produce a Node-ABI binary with an Electron label.
 */
function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  }
  return env;
}

function run(label, args, cwd) {
  const shown = args.map((arg) => (path.isAbsolute(arg) ? path.relative(root, arg) : arg));
  log(`${label}: node ${shown.join(' ')}`);
  const result = spawnSync(process.execPath, args, { cwd, env: buildEnv(), stdio: 'inherit', timeout: STEP_TIMEOUT_MS });
  if (result.error) log(`${label} could not run: ${result.error.message}`);
  return result.status === 0;
}

function main() {
  const electronManifest = path.join(root, 'node_modules', 'electron', 'package.json');
  const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
  if (!existsSync(electronManifest) || !existsSync(sqliteDir)) {
    console.error('[electron-sqlite] electron or better-sqlite3 is not installed. Run `npm install` first.');
    return 1;
  }
  const electronVersion = readJson(electronManifest).version;
  const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  const arch = process.env.ELECTRON_ARCH || process.arch;
  // Keep in step with electron/nativeBinding.ts (electronSqliteRelativePath).
  const targetDir = path.join(root, 'native', `electron-${electronVersion}`);
  const target = path.join(targetDir, 'better_sqlite3.node');

  if (existsSync(target)) {
    log(`Found ${path.relative(root, target)}; nothing to do.`);
    return 0;
  }

  const supplied = process.env.WORKBENCH_ELECTRON_SQLITE;
  if (supplied) {
    if (!existsSync(supplied)) {
      console.error(`[electron-sqlite] WORKBENCH_ELECTRON_SQLITE points at ${supplied}, which does not exist.`);
      return 1;
    }
    mkdirSync(targetDir, { recursive: true });
    copyFileSync(supplied, target);
    log(`Copied ${supplied} to ${path.relative(root, target)}.`);
    return 0;
  }

  log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch}).`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'workbench-electron-sqlite-'));
  const pkgDir = path.join(work, 'better-sqlite3');
  try {
    // Copy everything but the existing (Node) build, so nothing mistakes it for the result.
    cpSync(sqliteDir, pkgDir, {
      recursive: true,
      filter: (source) => path.relative(sqliteDir, source).split(path.sep)[0] !== 'build',
    });
    const built = path.join(pkgDir, 'build', 'Release', 'better_sqlite3.node');

    const prebuilt = run(
      'Step 1/2, prebuilt download',
      [binPath('prebuild-install', sqliteDir), '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--verbose'],
      pkgDir,
    );
    if (!prebuilt || !existsSync(built)) {
      log('No prebuilt binary; compiling from source instead.');
      const headers = process.env.ELECTRON_HEADERS_DIR;
      const gypArgs = [
        binPath('node-gyp', sqliteDir),
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        headers ? `--nodedir=${headers}` : '--dist-url=https://electronjs.org/headers',
      ];
      run('Step 2/2, node-gyp', gypArgs, pkgDir);
    }

    if (!existsSync(built)) return failure(electronVersion, target);
    mkdirSync(targetDir, { recursive: true });
    copyFileSync(built, target);
    log(`Wrote ${path.relative(root, target)}.`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function failure(electronVersion, target) {
  console.error(`
[electron-sqlite] Could not get better-sqlite3 built for Electron ${electronVersion}.
Both the prebuilt download (github.com) and the source build (Electron headers from
electronjs.org, plus Python and a C++ compiler) failed; the output above says why.

The desktop app cannot open its database without this file:
  ${target}

What you can do:
  - On a machine with internet access, run \`node scripts/ensure-electron-sqlite.js\` there and copy
    the resulting file to the path above (same Electron version, OS and architecture).
  - Or point WORKBENCH_ELECTRON_SQLITE at such a file:
      WORKBENCH_ELECTRON_SQLITE=/path/to/better_sqlite3.node node scripts/ensure-electron-sqlite.js
  - Or, with Electron ${electronVersion} headers already on disk:
      ELECTRON_HEADERS_DIR=/path/to/electron-headers node scripts/ensure-electron-sqlite.js
  - Or use browser mode, which needs none of this: \`npm run serve\`.
`);
  return 1;
}

process.exitCode = main();
