import { useMemo, useState } from 'react';
import { WorkbenchError } from '../../../shared/errors';
import type { PromptDetail } from '../../../shared/prompts';
import { useProviders } from '../../api/providerQueries';
import { useSettings } from '../../api/queries';
import { useRunEstimate, useStartRun } from '../../api/runQueries';
import { navigate, runRoute } from '../../app/router';
import { uiActions, useUiState, type RunDialogState } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { Dialog, DialogError } from '../../components/Dialog';
import { errorMessage } from '../../components/ErrorState';
import { PlayIcon } from '../../components/icons';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { formatCost } from '../../lib/runFormat';
import { ModelPicker } from './ModelPicker';
import { RunCasesField } from './RunCasesField';
import { RunEstimatePanel } from './RunEstimatePanel';
import { buildRunRequest, initialRunForm, type RunForm } from './runForm';
import { RunOptionsFields } from './RunOptionsFields';
import { RunVersionField } from './RunVersionField';
import { SamplesField } from './SamplesField';
import { TemperatureField } from './TemperatureField';
import './runDialog.css';

/** The "Run" button and `r` open this for the prompt on screen; each opening starts from the file's sweep (or the run repeated). */
export function RunDialog({ prompt }: { prompt: PromptDetail }) {
  const state = useUiState((ui) => ui.runDialog);
  const open = state !== null && state.prompt === prompt.name;
  return <RunDialogForm key={open ? state.openedAt : 'closed'} open={open} state={open ? state : null} prompt={prompt} />;
}

function RunDialogForm({ open, state, prompt }: { open: boolean; state: RunDialogState | null; prompt: PromptDetail }) {
  const defaultModel = useSettings().data?.defaultModel ?? null;
  const [form, setForm] = useState<RunForm>(() => initialRunForm(prompt, state?.preset ?? undefined, defaultModel));
  const [confirming, setConfirming] = useState(false);
  const providers = useProviders(open);
  const built = useMemo(() => buildRunRequest(form, prompt, providers.data), [form, prompt, providers.data]);
  // Ask for an estimate once typing pauses; the request is memoised, so an unchanged form asks nothing new.
  const settled = useDebouncedValue(open ? built.request : null, 350);
  const estimate = useRunEstimate(settled);
  const start = useStartRun();

  const update = (patch: Partial<RunForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setConfirming(false);
    start.reset();
  };

  // The estimate on screen may be for the form as it was a moment ago: shown dimmed, and not started from.
  const fresh = settled !== null && settled === built.request && !estimate.isPlaceholderData && !estimate.isFetching;
  const current = fresh ? estimate.data : undefined;
  const shown = built.request !== null ? estimate.data : undefined;
  const problems = [...built.problems, ...(current?.problems ?? [])];
  const estimateFailed = estimate.isError && settled === built.request;
  const ready = built.request !== null && current !== undefined && problems.length === 0 && !estimateFailed;
  const needsConfirmation = confirming || current?.needsConfirmation === true;

  function submit() {
    if (!ready || !built.request || start.isPending) return;
    if (needsConfirmation && !confirming) {
      setConfirming(true);
      return;
    }
    start.mutate(
      { ...built.request, confirmed: confirming },
      {
        onSuccess: (summary) => {
          uiActions.closeRunDialog();
          navigate(runRoute(prompt.name, summary.runId));
        },
        // The core's own check (prices may have changed since the estimate): ask, then send it confirmed.
        onError: (error) => {
          if (error instanceof WorkbenchError && error.code === 'CONFIRMATION_REQUIRED') {
            setConfirming(true);
            start.reset();
          }
        },
      },
    );
  }

  const cost = current ? formatCost(current.costUsd) : null;
  return (
    <Dialog
      open={open}
      onClose={uiActions.closeRunDialog}
      size="lg"
      title={`Run “${prompt.name}”`}
      description="Samples the prompt for every model × temperature × case, as many times as you ask, and records each call."
      onSubmit={submit}
      footer={
        <>
          <span className="dialog__footer-hint run-dialog__summary" aria-live="polite">
            {current && `${current.calls.toLocaleString()} calls · ${cost}`}
          </span>
          <Button onClick={uiActions.closeRunDialog}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!ready || start.isPending}>
            <PlayIcon size={13} />
            {start.isPending ? 'Starting…' : confirming ? `Start anyway (${cost})` : 'Start run'}
          </Button>
        </>
      }
    >
      <div className="run-dialog">
        <RunVersionField prompt={prompt} value={form.ref} onChange={(ref) => update({ ref })} />
        <ModelPicker value={form.models} providers={providers} onChange={(models) => update({ models })} />
        <div className="run-dialog__row">
          <TemperatureField value={form.temperatures} onChange={(temperatures) => update({ temperatures })} />
          <SamplesField value={form.samples} onChange={(samples) => update({ samples })} />
        </div>
        <RunCasesField prompt={prompt} value={form.cases} onChange={(cases) => update({ cases })} />
        <RunOptionsFields form={form} onChange={update} />
        <RunEstimatePanel
          estimate={shown}
          stale={!fresh}
          problems={problems}
          error={estimateFailed ? estimate.error : null}
        />
        {confirming && current && (
          <p className="dialog__note" role="alert">
            This run is estimated at <strong>{cost}</strong>, above your {formatCost(current.thresholdUsd)} threshold (set in
            Settings). Start it anyway?
          </p>
        )}
        {start.isError && <DialogError>{errorMessage(start.error)}</DialogError>}
      </div>
    </Dialog>
  );
}
