// Reads `--workspace DIR` (or `--workspace=DIR`) from the command line Electron was started with.
// Chromium and Electron add switches of their own, so only this flag is looked at.
export function workspaceFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--workspace') {
      const value = argv[i + 1];
      return value !== undefined && !value.startsWith('--') ? value : undefined;
    }
    if (arg?.startsWith('--workspace=')) return arg.slice('--workspace='.length) || undefined;
  }
  return undefined;
}
