// Counted nouns, said the way a person would say them.

export function casesLabel(count: number): string {
  if (count === 0) return 'No cases';
  return count === 1 ? '1 case' : `${count} cases`;
}

export function problemsLabel(count: number): string {
  return count === 1 ? '1 problem' : `${count} problems`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
