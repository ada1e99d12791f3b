import { uiActions } from '../app/uiStore';
import './preview.css';

interface CasePickerProps {
  prompt: string;
  caseNames: readonly string[];
  value: string | undefined;
}

/** Which case the previews render; remembered per prompt for this window. */
export function CasePicker({ prompt, caseNames, value }: CasePickerProps) {
  if (caseNames.length === 0) return <span className="preview-picker__none">Input defaults</span>;
  return (
    <label className="preview-picker">
      <span className="visually-hidden">Case to preview</span>
      <select value={value} onChange={(event) => uiActions.setPreviewCase(prompt, event.target.value)} aria-label="Case to preview">
        {caseNames.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
