import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askOnTerminal } from './terminalQuestion';

function ask(terminal: boolean, send: (input: PassThrough) => void): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  output.resume();
  setTimeout(() => send(input), 20);
  return askOnTerminal('Start it? [y/N] ', { input, output, terminal });
}

describe('askOnTerminal', () => {
  it('returns the line typed', async () => {
    expect(await ask(false, (input) => input.write('yes\n'))).toBe('yes');
  });

  it.each([
    ['Ctrl+C', '\x03'],
    ['Ctrl+D', '\x04'],
  ])('takes %s at the prompt as no answer, not as a failure', async (_name, key) => {
    expect(await ask(true, (input) => input.write(key))).toBe('');
  });

  it('takes a closed input as no answer instead of waiting for ever', async () => {
    expect(await ask(false, (input) => input.end())).toBe('');
  });
});
