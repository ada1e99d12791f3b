// isomorphic-git, loaded on first use. It costs a process memory for as long as it lives, and much
// of the work here never touches git: a run of a draft, listing runs, rating, exporting.
import type isomorphicGit from 'isomorphic-git';

let loading: Promise<typeof isomorphicGit> | null = null;

export function loadGit(): Promise<typeof isomorphicGit> {
  loading ??= import('isomorphic-git').then((module) => module.default);
  return loading;
}
