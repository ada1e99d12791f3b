import { LogoMark } from '../components/LogoMark';
import { PlusIcon, SidebarIcon } from '../components/icons';
import { modShortcut } from '../components/platform';
import { uiActions } from './uiStore';

/** The prompt library folded away: a narrow rail that brings it back (`[` too) and still makes a new prompt. */
export function SidebarRail() {
  return (
    <nav className="sidebar-rail" aria-label="Prompt library (collapsed)">
      <LogoMark size={22} />
      <button type="button" className="sidebar-rail__button" aria-label="Show the prompt library" aria-expanded={false} title="Show the prompt library ([)" onClick={uiActions.toggleSidebar}>
        <SidebarIcon size={15} />
      </button>
      <button type="button" className="sidebar-rail__button" aria-label="New prompt" title={`New prompt (${modShortcut('N')})`} onClick={uiActions.openNewPrompt}>
        <PlusIcon size={15} />
      </button>
    </nav>
  );
}
