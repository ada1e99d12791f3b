// A question on the terminal (start this costly run? approve without ratings?). Ctrl+C or Ctrl+D at
// the prompt, or the terminal going away, is an answer: no. It is not a failure.
import readline from 'node:readline/promises';

export interface QuestionStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Whether to read keys as a terminal does (Ctrl+C, Ctrl+D); default: whether `output` is one. */
  terminal?: boolean;
}

/** Resolves with the answer line, or '' when the question was abandoned. */
export async function askOnTerminal(question: string, streams: QuestionStreams = { input: process.stdin, output: process.stderr }): Promise<string> {
  const rl = readline.createInterface({ input: streams.input, output: streams.output, terminal: streams.terminal });
  // A closed input leaves a pending question unanswered for ever; this settles it.
  const closed = new AbortController();
  rl.once('close', () => closed.abort());
  try {
    return await rl.question(question, { signal: closed.signal });
  } catch (error) {
    if ((error as Error | null)?.name !== 'AbortError') throw error;
    streams.output.write('\n');
    return '';
  } finally {
    rl.close();
  }
}
