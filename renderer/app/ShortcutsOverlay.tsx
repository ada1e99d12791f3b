import { Fragment, useEffect, useRef } from 'react';
import { Kbd } from '../components/Kbd';
import { CloseIcon } from '../components/icons';
import { SHORTCUT_GROUPS } from './shortcuts';
import { uiActions, useUiState } from './uiStore';
import './overlay.css';

/** A modal list of shortcuts. The native <dialog> traps focus, closes on Esc and restores focus. */
export function ShortcutsOverlay() {
  const open = useUiState((state) => state.shortcutsOpen);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="overlay"
      aria-labelledby="shortcuts-title"
      onClose={uiActions.closeShortcuts}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(event) => {
        if (event.target === event.currentTarget) uiActions.closeShortcuts();
      }}
    >
      <div className="overlay__panel">
        <header className="overlay__header">
          <h2 id="shortcuts-title" className="overlay__title">
            Keyboard shortcuts
          </h2>
          <button type="button" className="overlay__close" aria-label="Close" onClick={uiActions.closeShortcuts}>
            <CloseIcon size={14} />
          </button>
        </header>
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
      </div>
    </dialog>
  );
}
