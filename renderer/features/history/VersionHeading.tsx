import type { ReactNode } from 'react';
import type { VersionWithApproval } from '../../../shared/approvals';
import { messageBody } from '../../lib/approvalEvidence';
import { exactTime, shortTime } from '../../lib/relativeTime';

/** What is selected: a version's message, author, date and id (or the draft), and its actions. */
export function VersionHeading({ version, actions }: { version: VersionWithApproval | undefined; actions?: ReactNode }) {
  if (!version) {
    return (
      <header className="version-heading">
        <div className="version-heading__text">
          <h2 className="version-heading__title">Draft</h2>
          <p className="version-heading__meta">The working files, with changes not committed yet</p>
        </div>
      </header>
    );
  }
  // An approval's trailers are shown laid out below the heading, not as raw lines here.
  const body = messageBody(version);
  return (
    <header className="version-heading">
      <div className="version-heading__text">
        <h2 className="version-heading__title selectable">{version.summary}</h2>
        <p className="version-heading__meta">
          <span title={version.author.email}>{version.author.name}</span>
          <span aria-hidden="true">·</span>
          <time dateTime={version.date} title={exactTime(version.date)}>
            {shortTime(version.date)}
          </time>
          <span aria-hidden="true">·</span>
          <code className="selectable" title={version.oid}>
            {version.shortOid}
          </code>
        </p>
        {version.renamedFrom ? (
          <p className="version-heading__name">Renamed from {version.renamedFrom}</p>
        ) : (
          version.promptName && <p className="version-heading__name">Made as {version.promptName}, before a rename</p>
        )}
        {body && <p className="version-heading__body selectable">{body}</p>}
      </div>
      {actions}
    </header>
  );
}
