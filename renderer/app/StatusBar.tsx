import { usePrompts, useWorkspace } from '../api/queries';
import { errorMessage } from '../components/ErrorState';
import { FolderIcon, GitBranchIcon, GitCommitIcon, KeyboardIcon, SettingsIcon, WarningIcon } from '../components/icons';
import { modShortcut } from '../components/platform';
import { ThemeSwitcher } from '../features/settings/ThemeSwitcher';
import { plural } from '../lib/labels';
import { ConnectionIndicator } from './ConnectionIndicator';
import { CoreStatusIndicator } from './CoreStatusIndicator';
import { hrefFor } from './router';
import { uiActions } from './uiStore';
import './statusBar.css';

/** A quiet line of facts at the bottom: where, which version, how many, and whether we're connected. */
export function StatusBar() {
  const workspace = useWorkspace();
  const prompts = usePrompts();
  const info = workspace.data;

  return (
    <footer className="status-bar" aria-label="Status">
      <div className="status-bar__group status-bar__group--grow">
        {workspace.isError ? (
          <span className="status-bar__item status-bar__item--error" title={errorMessage(workspace.error)}>
            <WarningIcon size={12} />
            Workspace unavailable
          </span>
        ) : (
          <span className="status-bar__item status-bar__path" title={info?.path}>
            <FolderIcon size={12} />
            <span className="status-bar__truncate selectable">{info?.path ?? 'Opening workspace…'}</span>
          </span>
        )}
        {info && (
          <span className="status-bar__item" title={info.branch ? `Branch ${info.branch}` : 'Detached HEAD or no branch'}>
            <GitBranchIcon size={12} />
            {info.branch ?? 'no branch'}
          </span>
        )}
        {info && (
          <span className="status-bar__item status-bar__commit" title={info.head ? `${info.head.oid}\n${info.head.message}` : undefined}>
            <GitCommitIcon size={12} />
            {info.head ? (
              <>
                <code className="status-bar__oid">{info.head.oid.slice(0, 7)}</code>
                <span className="status-bar__truncate">{firstLine(info.head.message)}</span>
              </>
            ) : (
              'No commits yet'
            )}
          </span>
        )}
      </div>
      <div className="status-bar__group">
        {prompts.data && <span className="status-bar__item">{plural(prompts.data.length, 'prompt')}</span>}
        <ConnectionIndicator />
        <CoreStatusIndicator />
        <a className="status-bar__button" href={hrefFor({ page: 'settings' })} title={`Settings: providers, keys, prices (${modShortcut(',')})`} aria-label="Settings">
          <SettingsIcon size={13} />
        </a>
        <button
          type="button"
          className="status-bar__button"
          onClick={uiActions.openShortcuts}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          <KeyboardIcon size={13} />
        </button>
        <ThemeSwitcher />
      </div>
    </footer>
  );
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]?.trim() ?? '';
}
