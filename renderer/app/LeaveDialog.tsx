import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { leaveActions, useHeldNavigation } from './leaveGuard';

/** "Leave without saving?", when a navigation would drop edits that are not saved (see leaveGuard.ts). */
export function LeaveDialog() {
  const held = useHeldNavigation();
  return (
    <Dialog
      open={held !== null}
      onClose={leaveActions.stay}
      title="Leave without saving?"
      description={<p>{held && sentence(held.what)}</p>}
      onSubmit={leaveActions.stay}
      footer={
        <>
          <Button variant="danger" onClick={leaveActions.leave}>
            Leave without saving
          </Button>
          <Button type="submit" variant="primary" data-autofocus>
            Stay
          </Button>
        </>
      }
    />
  );
}

function sentence(what: readonly string[]): string {
  const list = what.length <= 1 ? (what[0] ?? 'some edits') : `${what.slice(0, -1).join(', ')} and ${what.at(-1)}`;
  return `You have not saved ${list}. If you leave now, they are lost. Stay to save them first.`;
}
