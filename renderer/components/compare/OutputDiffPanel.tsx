import { Button } from '../Button';
import { Kbd } from '../Kbd';
import { WordDiffView } from '../WordDiffView';

export interface PickedOutput {
  /** The representative sample the output is from. */
  sampleId: string;
  text: string;
  /** Where it is from, in words: "Other run · T 0.7 · capital". */
  where: string;
}

interface OutputDiffPanelProps {
  a: PickedOutput | null;
  b: PickedOutput | null;
  onSwap(): void;
  onClear(): void;
}

/** The two picked outputs word by word, kept in view at the foot of the comparison. */
export function OutputDiffPanel({ a, b, onSwap, onClear }: OutputDiffPanelProps) {
  return (
    // Only once an output is picked does the panel stay in view: until then it is a hint at the end.
    <section className={`output-diff${a || b ? ' output-diff--picking' : ''}`} aria-label="Word diff of two outputs">
      <header className="output-diff__head">
        <h4 className="output-diff__title">Word diff</h4>
        <span className="output-diff__side">
          <span className="output-diff__slot">A</span>
          {a ? a.where : <span className="output-diff__empty">pick an output’s A</span>}
        </span>
        <span className="output-diff__side">
          <span className="output-diff__slot">B</span>
          {b ? b.where : <span className="output-diff__empty">pick an output’s B</span>}
        </span>
        {(a || b) && (
          <span className="output-diff__actions">
            <Button variant="ghost" onClick={onSwap} disabled={!a || !b}>
              Swap
            </Button>
            <Button variant="ghost" onClick={onClear} title="Clear both (Esc)">
              Clear <Kbd>Esc</Kbd>
            </Button>
          </span>
        )}
      </header>
      {a && b ? (
        <WordDiffView from={a.text} to={b.text} against="A" testId="output-word-diff" />
      ) : (
        <p className="output-diff__hint">Choose A on one output and B on another, from either run or the same cell, to see which words differ.</p>
      )}
    </section>
  );
}
