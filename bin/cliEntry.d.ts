// Types for cliEntry.js, which stays plain JavaScript so bin/workbench.js runs without a compiler.
export function newestSourceMtime(root: string): number;
export function currentBundle(root: string): string | null;
