// When the core cannot open the workspace, main says why in a dialog, once, and quits: no window,
// no restart loop. Electron is replaced by test/support/fakeElectron.ts (see main.test.ts).
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../test/support/fakeElectron'));
const electron = await import('../../test/support/fakeElectron');
await import('./main');

describe('main, when the workspace cannot be opened', () => {
  it('shows the core’s reason and the folder, quits, and starts nothing else', async () => {
    await vi.waitFor(() => expect(electron.FakeUtilityProcess.forked).toHaveLength(1));
    const host = electron.FakeUtilityProcess.forked[0]!.process;
    const reason = 'The folder is not empty and is not a Prompt Workbench workspace. Choose an empty folder or an existing workspace.';
    host.emit('message', { kind: 'openFailed', workspaceDir: '/home/ada/Documents', error: { code: 'WORKSPACE_NOT_EMPTY', message: reason } });
    await vi.waitFor(() => expect(electron.app.quitCalls).toBe(1));
    expect(electron.dialog.errors).toEqual([{ title: 'Prompt Workbench could not open the workspace', content: `${reason}\n\nWorkspace: /home/ada/Documents` }]);
    expect(host.killed).toBe(true);
    host.emit('exit', 0);
    expect(electron.BrowserWindow.all).toHaveLength(0);
    expect(electron.FakeUtilityProcess.forked).toHaveLength(1);
  });
});
