// Outputs that are the same answer once whitespace is ignored. Everything downstream (distinct
// counts, clusters, mean similarity) works on these groups rather than on single outputs, so a
// cell where a model said the same thing 900 times costs one comparison, not 900.
import { normaliseOutput } from '../cellStats';

export interface IdenticalGroup {
  /** Positions in the input list, ascending; the first one is where the answer first appeared. */
  members: number[];
  /** The normalised text every member shares. */
  text: string;
}

/**
 * Groups the texts by their normalised form. Largest group first; equal sizes keep the order in
 * which their answer first appeared, so the result never depends on anything but the input.
 */
export function groupIdentical(texts: readonly string[]): IdenticalGroup[] {
  const byText = new Map<string, IdenticalGroup>();
  texts.forEach((raw, position) => {
    const text = normaliseOutput(raw);
    const group = byText.get(text);
    if (group) group.members.push(position);
    else byText.set(text, { members: [position], text });
  });
  // Map iteration follows insertion, i.e. first appearance, and Array.prototype.sort is stable.
  return [...byText.values()].sort((a, b) => b.members.length - a.members.length);
}
