import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../components/ErrorState';
import { AlertCircleIcon, RefreshIcon } from '../components/icons';
import './shell.css';

interface State {
  error: unknown;
}

/**
 * The last line of defence: a rendering bug shows a clear page instead of a blank window.
 * The prompts are files on disk, so reloading the window loses nothing.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('Unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Prompt Workbench crashed while rendering', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <div className="crash__panel">
          <AlertCircleIcon size={24} className="crash__icon" />
          <h1 className="crash__title">Prompt Workbench ran into a problem</h1>
          <p className="crash__text">
            The window hit an error it could not recover from. Your prompts are files in the workspace and nothing has been
            lost; reloading the window usually helps.
          </p>
          <pre className="crash__message selectable">{errorMessage(this.state.error)}</pre>
          <button type="button" className="button button--default" onClick={() => window.location.reload()}>
            <RefreshIcon size={14} />
            Reload window
          </button>
        </div>
      </div>
    );
  }
}
