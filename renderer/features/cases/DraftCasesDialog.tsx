import { useId, useState } from 'react';
import { MAX_DRAFTED_CASES, type DraftedCases } from '../../../shared/caseDrafts';
import { ModelId } from '../../../shared/models';
import { useDraftCases } from '../../api/promptMutations';
import { useProviderChecks, useProviders } from '../../api/providerQueries';
import { useSettings } from '../../api/queries';
import { Button } from '../../components/Button';
import { Dialog, DialogError } from '../../components/Dialog';
import { errorMessage } from '../../components/ErrorState';

interface DraftCasesDialogProps {
  prompt: { name: string; model: string };
  caseCount: number;
  onClose(): void;
  onDrafted(result: DraftedCases): void;
}

const DEFAULT_COUNT = 5;

/** "Draft more cases": a model and how many; the answer lands as rows to keep or drop. */
export function DraftCasesDialog({ prompt, caseCount, onClose, onDrafted }: DraftCasesDialogProps) {
  const settings = useSettings().data;
  const [model, setModel] = useState<string | null>(null);
  const [count, setCount] = useState(String(DEFAULT_COUNT));
  const [formError, setFormError] = useState<string | null>(null);
  const draft = useDraftCases(prompt.name);
  const listId = useId();
  const providers = useProviders().data ?? [];
  const checks = useProviderChecks(providers.map((provider) => provider.id));
  const suggestions = checks.flatMap((check) => check.data?.models.map((entry) => entry.id) ?? []);
  const chosen = model ?? (prompt.model || settings?.defaultModel || '');

  function submit() {
    const parsedModel = ModelId.safeParse(chosen);
    if (!parsedModel.success) return setFormError(`${parsedModel.error.issues[0]?.message ?? 'Write the model as provider/model'}.`);
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > MAX_DRAFTED_CASES) return setFormError(`Ask for 1 to ${MAX_DRAFTED_CASES} cases.`);
    setFormError(null);
    draft.mutate({ model: parsedModel.data, count: n }, { onSuccess: onDrafted });
  }

  return (
    <Dialog
      open
      size="md"
      onClose={onClose}
      title="Draft more cases"
      description={
        <>
          A model writes new cases that fit the input schema, with {caseCount > 0 ? `your ${caseCount} cases as examples` : 'the template as its guide'}. They
          arrive as rows for you to keep or drop; nothing is saved until you keep them.
        </>
      }
      onSubmit={submit}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={draft.isPending}>
            {draft.isPending ? 'Drafting…' : 'Draft cases'}
          </Button>
        </>
      }
    >
      <div className="draft-cases__fields">
        <label className="field draft-cases__model">
          <span className="field__label">Model</span>
          <input
            className="input input--mono"
            list={listId}
            value={chosen}
            placeholder="provider/model"
            spellCheck={false}
            autoComplete="off"
            data-autofocus
            onChange={(event) => setModel(event.target.value)}
          />
          <datalist id={listId}>
            {[...new Set(suggestions)].map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        </label>
        <label className="field draft-cases__count">
          <span className="field__label">How many</span>
          <input className="input" type="number" min={1} max={MAX_DRAFTED_CASES} value={count} onChange={(event) => setCount(event.target.value)} />
        </label>
      </div>
      <p className="field__hint">One call to the model; its price is that of one sample with your cases in the prompt.</p>
      {formError && <DialogError>{formError}</DialogError>}
      {draft.error && <DialogError>{errorMessage(draft.error)}</DialogError>}
    </Dialog>
  );
}
