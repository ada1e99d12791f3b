import { useState } from 'react';
import type { VersionWithApproval } from '../../../shared/approvals';
import type { PromptDetail } from '../../../shared/prompts';
import type { HistoryView } from '../../app/uiStore';
import { ApprovalEvidence } from '../../components/ApprovalEvidence';
import { Button } from '../../components/Button';
import { RestoreIcon } from '../../components/icons';
import { versionName } from '../../lib/approvalEvidence';
import { defaultCompareTarget } from './compareTarget';
import { DiffPanel } from './DiffPanel';
import { RestoreDialog } from './RestoreDialog';
import { currentApproval, newestApprovalNumber } from './currentApproval';
import { RollbackApprovalDialog } from './RollbackApprovalDialog';
import { RollbackDialog } from './RollbackDialog';
import { VersionHeading } from './VersionHeading';
import { WORKING } from './VersionList';
import { VersionRuns } from './VersionRuns';
import { VersionSource } from './VersionSource';
import { VersionToolbar } from './VersionToolbar';
import { VersionUsage } from './VersionUsage';

interface VersionPaneProps {
  prompt: PromptDetail;
  /** Every version, newest first (whatever the list shows). */
  versions: readonly VersionWithApproval[];
  selected: string;
  view: HistoryView;
}

/** Which dialog is open; the key changes on each opening (a fresh form) but not on closing (so it can close). */
type Dialog = { kind: 'restore' | 'rollback' | 'rollback-approval' | null; key: number };

/** The selected version: its evidence, its changes and runs against another side, or its files as they were. */
export function VersionPane({ prompt, versions, selected, view }: VersionPaneProps) {
  const [dialog, setDialog] = useState<Dialog>({ kind: null, key: 0 });
  const rank = (id: string) => (id === WORKING ? -1 : versions.findIndex((version) => version.oid === id));
  const index = rank(selected);
  const version = versions[index];
  const fallback = defaultCompareTarget(versions, index);
  const known = (id: string) => id !== selected && (id === WORKING || versions.some((entry) => entry.oid === id));
  const picked = view.compareWith !== null && known(view.compareWith) ? view.compareWith : null;
  const other = picked ?? fallback?.version.oid ?? null;
  // The older side is "from", so additions read as additions.
  const [from, to] = other === null ? [null, null] : rank(other) > index ? [other, selected] : [selected, other];
  const byId = (id: string) => versions.find((entry) => entry.oid === id);
  const name = (id: string) => {
    const entry = byId(id);
    return id === WORKING ? 'the draft' : entry ? versionName(entry) : id;
  };
  const open = (kind: NonNullable<Dialog['kind']>) => setDialog({ kind, key: Date.now() });
  // What `@approved` calls now, and whether this version is an earlier approval it can go back to.
  const approved = currentApproval(versions);
  const approvalHere = version ? newestApprovalNumber(version) : null;
  const canRollBackTo = approved !== null && approvalHere !== null && version !== undefined && approved.oid !== version.oid;
  const close = () => setDialog((current) => ({ ...current, kind: null }));

  return (
    <section className="history__pane card" aria-label={selected === WORKING ? 'Draft' : `Version ${version?.shortOid ?? ''}`}>
      <VersionHeading
        version={version}
        actions={
          version && (
            <div className="version-heading__actions">
              {canRollBackTo && (
                <Button onClick={() => open('rollback-approval')} title={`Approve v${approvalHere} again as the newest approval: @approved callers get it from their next call`}>
                  Roll back to v{approvalHere}…
                </Button>
              )}
              {index > 0 && (
                <Button onClick={() => open('rollback')} title="Commit this version’s files as the newest version; the history is kept">
                  Make current…
                </Button>
              )}
              <Button variant="ghost" onClick={() => open('restore')} title="Put this version’s files in the working files, without committing">
                <RestoreIcon size={14} />
                Restore as draft
              </Button>
            </div>
          )
        }
      />
      {version?.approval && (
        <div className="history__evidence">
          <ApprovalEvidence approval={version.approval} versionSummary={version.summary} earlier={(version.approvals ?? []).slice(1)} />
        </div>
      )}
      <div className="history__usage">
        <VersionUsage prompt={prompt.name} commit={version?.oid ?? null} current={version !== undefined && approved?.oid === version.oid} />
      </div>
      <VersionToolbar prompt={prompt.name} versions={versions} selected={selected} view={view} fallback={fallback} picked={picked} />
      <div className="history__content">
        {view.mode === 'source' ? (
          <VersionSource prompt={prompt} selected={selected} />
        ) : from === null || to === null ? (
          <p className="history__note">
            {selected === WORKING
              ? 'This prompt has not been committed yet, so there is no earlier version to compare the draft with. Commit it to start its history.'
              : 'This is the first version of the prompt: there is nothing before it. Compare it with another version or the draft, or read its source.'}
          </p>
        ) : (
          <div className="history__compare-body">
            <DiffPanel name={prompt.name} from={from} to={to} fromLabel={name(from)} toLabel={name(to)} layout={view.layout} />
            <VersionRuns prompt={prompt} older={{ id: from, label: name(from) }} newer={{ id: to, label: name(to) }} />
          </div>
        )}
      </div>
      {version && (
        <>
          <RestoreDialog key={`restore-${dialog.key}`} open={dialog.kind === 'restore'} prompt={prompt} version={version} onClose={close} />
          <RollbackDialog key={`rollback-${dialog.key}`} open={dialog.kind === 'rollback'} prompt={prompt} version={version} onClose={close} />
          {canRollBackTo && (
            <RollbackApprovalDialog
              key={`rollback-approval-${dialog.key}`}
              open={dialog.kind === 'rollback-approval'}
              prompt={prompt.name}
              version={version}
              approval={approvalHere}
              current={approved.number}
              onClose={close}
            />
          )}
        </>
      )}
    </section>
  );
}
