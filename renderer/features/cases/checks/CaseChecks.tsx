import { CHECK_KINDS, type CheckKind } from '../../../../shared/checks/checkTypes';
import { CheckEditor } from './CheckEditor';
import { KIND_DESCRIPTIONS, newCheck } from './checkForm';
import { moveCheck, replaceCheck } from './checkList';

interface CaseChecksProps {
  checks: readonly unknown[];
  /** The case's name as shown. */
  owner: string;
  /** Paths the output schema promises, offered for json-path checks. */
  paths: readonly string[];
  onChange(checks: unknown[]): void;
  /** Deleting goes through the Cases tab, which offers to undo it. */
  onRemove(index: number): void;
}

/** A case's own checks (`expect:` in the cases file): each editable, plus one to add by kind. */
export function CaseChecks({ checks, owner, paths, onChange, onRemove }: CaseChecksProps) {
  const add = (kind: CheckKind) => {
    onChange([...checks, newCheck(kind)]);
    // The new check's first field, once it has rendered.
    requestAnimationFrame(() => {
      const items = document.querySelectorAll<HTMLElement>(`[data-case-checks="${CSS.escape(owner)}"] .check-editor`);
      items[items.length - 1]?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    });
  };

  return (
    <div className="case-checks" data-case-checks={owner}>
      {checks.length === 0 ? (
        <p className="case-checks__empty">No checks for this case yet. Every sample of it will be held to the checks you add here.</p>
      ) : (
        <ol className="case-checks__list" aria-label={`Checks of “${owner}”`}>
          {checks.map((raw, index) => (
            <CheckEditor
              // Checks have no identity of their own; a field resets from its value when the check under it changes.
              key={index}
              raw={raw}
              index={index}
              count={checks.length}
              owner={owner}
              paths={paths}
              onChange={(next) => onChange(replaceCheck(checks, index, next))}
              onMove={(delta) => onChange(moveCheck(checks, index, delta))}
              onRemove={() => onRemove(index)}
            />
          ))}
        </ol>
      )}
      <select
        className="case-checks__add"
        aria-label={`Add a check to “${owner}”`}
        value=""
        onChange={(event) => {
          const kind = event.target.value as CheckKind;
          if ((CHECK_KINDS as readonly string[]).includes(kind)) add(kind);
        }}
      >
        <option value="" disabled>
          + Add check…
        </option>
        {CHECK_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kind} — {KIND_DESCRIPTIONS[kind]}
          </option>
        ))}
      </select>
    </div>
  );
}
