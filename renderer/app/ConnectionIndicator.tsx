import { useConnectionState } from '../api/useConnectionState';

const LABELS = {
  connecting: { text: 'Connecting…', title: 'Opening the live connection to the Prompt Workbench server' },
  connected: { text: 'Connected', title: 'Live updates from the Prompt Workbench server' },
  reconnecting: {
    text: 'Reconnecting…',
    title: 'Lost the live connection to the server; retrying. Is `workbench serve` still running?',
  },
} as const;

/** Browser mode only: the state of the live event connection. Electron has nothing to show. */
export function ConnectionIndicator() {
  const state = useConnectionState();
  if (state === null) return null;
  const label = LABELS[state];
  return (
    <span className={`status-bar__item connection connection--${state}`} title={label.title} role="status">
      <span className="connection__dot" aria-hidden="true" />
      {label.text}
    </span>
  );
}
