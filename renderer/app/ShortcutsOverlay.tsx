import { Fragment } from 'react';
import { Kbd } from '../components/Kbd';
import { Dialog } from '../components/Dialog';
import { useRoute } from './router';
import { REVIEW_GROUP, SHORTCUT_GROUPS } from './shortcuts';
import { uiActions, useUiState } from './uiStore';
import './overlay.css';

/** The list of shortcuts, in the app's one modal dialog (focus trap, Esc, focus restored). */
export function ShortcutsOverlay() {
  const open = useUiState((state) => state.shortcutsOpen);
  const reviewing = useRoute().page === 'review';
  // In a review, its keys are what you came for: they go first.
  const groups = reviewing ? [...SHORTCUT_GROUPS].sort((a, b) => Number(b.title === REVIEW_GROUP) - Number(a.title === REVIEW_GROUP)) : SHORTCUT_GROUPS;
  return (
    <Dialog open={open} onClose={uiActions.closeShortcuts} title="Keyboard shortcuts">
      {groups.map((group) => (
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
