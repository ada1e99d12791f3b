import { useState } from 'react';
import { Button } from '../../../components/Button';
import { CheckIcon, CopyIcon } from '../../../components/icons';

/** Copies the text to the clipboard and says so for a moment. */
export function CopyButton({ text, label = 'Copy', title }: { text: string; label?: string; title?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      // The clipboard can be refused (no focus, permissions); the text stays selectable by hand.
      setCopied(false);
    }
  }
  return (
    <Button variant="ghost" className="button--sm" onClick={() => void copy()} title={title} aria-live="polite">
      {copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
      {copied ? 'Copied' : label}
    </Button>
  );
}
