import { Button } from '../../components/Button';
import { PlayIcon, WarningIcon } from '../../components/icons';
import type { ApprovalGuard, GuardKind } from './approvalGuards';

export interface GuardActions {
  /** Opens the run dialog on the prompt as it is now. */
  runCurrent(): void;
  /** Resumes the run (its pending and cancelled samples). */
  resume(): void;
  /** Runs the failed samples again. */
  retryFailed(): void;
}

interface ApprovalGuardsProps {
  guards: readonly ApprovalGuard[];
  actions: GuardActions;
  /** Whether the person has said they approve despite the warnings. */
  acknowledged: boolean;
  onAcknowledge(acknowledged: boolean): void;
  /** A run action is on its way (the buttons wait for it). */
  busy: boolean;
}

/**
 * What stands between this run and its approval, before the click: blocks say why it cannot be
 * approved and what to do instead; warnings say what the evidence lacks, and are acknowledged with
 * one checkbox before the approve button works.
 */
export function ApprovalGuards({ guards, actions, acknowledged, onAcknowledge, busy }: ApprovalGuardsProps) {
  if (guards.length === 0) return null;
  const blocked = guards.some((guard) => guard.severity === 'block');
  return (
    <section className="approval-guards" aria-label={blocked ? 'Why this run can’t be approved' : 'Before you approve'}>
      {guards.map((guard) => (
        <div key={guard.kind} className={`approval-guard approval-guard--${guard.severity}`} data-guard={guard.kind}>
          <WarningIcon size={15} className="approval-guard__icon" />
          <div className="approval-guard__body">
            <p className="approval-guard__title">{guard.title}</p>
            <p className="approval-guard__detail">{guard.detail}</p>
            <GuardAction kind={guard.kind} actions={actions} busy={busy} />
          </div>
        </div>
      ))}
      {!blocked && (
        <label className="approval-guards__ack">
          <input type="checkbox" checked={acknowledged} onChange={(event) => onAcknowledge(event.target.checked)} />
          Approve with this evidence anyway
        </label>
      )}
    </section>
  );
}

function GuardAction({ kind, actions, busy }: { kind: GuardKind; actions: GuardActions; busy: boolean }) {
  switch (kind) {
    case 'promptChanged':
    case 'casesChanged':
      return (
        <Button className="button--sm" onClick={actions.runCurrent}>
          <PlayIcon size={12} />
          Run the current prompt…
        </Button>
      );
    case 'incomplete':
      return (
        <Button className="button--sm" disabled={busy} onClick={actions.resume}>
          <PlayIcon size={12} />
          Resume the run
        </Button>
      );
    case 'failed':
      return (
        <Button className="button--sm" disabled={busy} onClick={actions.retryFailed}>
          Retry failed samples
        </Button>
      );
    case 'unrated':
    case 'lowCoverage':
    case 'lowPassRate':
      return null;
  }
}
