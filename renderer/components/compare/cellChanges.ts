// The "what changed in this cell" line of a side-by-side comparison, in words:
// new: “Paris is the…” 30% · gone: “The capital…” (was 40%) · “Paris.” 50% → 70%
import { SHARE_SHIFT_TO_TELL, type ClusterChanges } from '../../../shared/variance/clusterChanges';
import { snippet } from '../../lib/snippet';

export interface ChangeItem {
  kind: 'new' | 'gone' | 'shift';
  text: string;
}

/** Beyond this many items the line stops and counts the rest: it is read at a glance. */
const MAX_ITEMS = 4;

const percent = (share: number) => `${Math.round(share * 100)}%`;
const quoted = (text: string) => `“${snippet(text)}”`;

/** New answers first (largest first), then gone ones, then the largest share shifts. */
export function changeItems(changes: ClusterChanges): ChangeItem[] {
  const added: ChangeItem[] = [];
  const gone: ChangeItem[] = [];
  const shifts: { delta: number; item: ChangeItem }[] = [];
  for (const { a, b } of changes.pairs) {
    if (a === null && b !== null) added.push({ kind: 'new', text: `new: ${quoted(b.text)} ${percent(b.share)}` });
    else if (b === null && a !== null) gone.push({ kind: 'gone', text: `gone: ${quoted(a.text)} (was ${percent(a.share)})` });
    else if (a !== null && b !== null && Math.abs(b.share - a.share) >= SHARE_SHIFT_TO_TELL) {
      shifts.push({ delta: Math.abs(b.share - a.share), item: { kind: 'shift', text: `${quoted(b.text)} ${percent(a.share)} → ${percent(b.share)}` } });
    }
  }
  shifts.sort((x, y) => y.delta - x.delta);
  return [...added, ...gone, ...shifts.map((shift) => shift.item)];
}

/** The items to show, and how many more there are. */
export function changeLine(changes: ClusterChanges): { items: ChangeItem[]; more: number } {
  const items = changeItems(changes);
  return { items: items.slice(0, MAX_ITEMS), more: Math.max(0, items.length - MAX_ITEMS) };
}

/** The line as one sentence, for a title or a screen reader. */
export function changeSentence(changes: ClusterChanges): string {
  const { items, more } = changeLine(changes);
  if (items.length === 0) return 'Same answers in about the same shares.';
  return [...items.map((item) => item.text), ...(more > 0 ? [`${more} more`] : [])].join(' · ');
}
