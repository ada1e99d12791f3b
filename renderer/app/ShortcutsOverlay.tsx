import { Fragment } from 'react';
import { Kbd } from '../components/Kbd';
import { Dialog } from '../components/Dialog';
import { SHORTCUT_GROUPS } from './shortcuts';
import { uiActions, useUiState } from './uiStore';
import './overlay.css';

/** The list of shortcuts, in the app's one modal dialog (focus trap, Esc, focus restored). */
export function ShortcutsOverlay() {
  const open = useUiState((state) => state.shortcutsOpen);
  return (
    <Dialog open={open} onClose={uiActions.closeShortcuts} title="Keyboard shortcuts">
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} className="overlay__group">
          <h3 className="overlay__group-title">{group.title}</h3>
          <dl className="shortcut-list">
            {group.shortcuts.map((shortcut) => (
              <div className="shortcut-list__row" key={shortcut.description}>
                <dt>{shortcut.description}</dt>
                <dd>
                  {shortcut.keys.map((sequence, index) => (
                    <Fragment key={sequence.join()}>
                      {index > 0 && <span className="shortcut-list__or">or</span>}
                      {sequence.map((key) => (
                        <Kbd key={key}>{key}</Kbd>
                      ))}
                    </Fragment>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
