import { useEffect, useEffectEvent, useState } from 'react';
import type { PromptDetail } from '../../../../shared/prompts';
import { splitModelId } from '../../../../shared/models';
import { useSettings } from '../../../api/queries';
import { useTryOnceCall } from '../../../api/useTryOnceCall';
import { Button } from '../../../components/Button';
import { PlayIcon, StopIcon } from '../../../components/icons';
import { Kbd } from '../../../components/Kbd';
import { modShortcut } from '../../../components/platform';
import { normaliseModelId } from '../../../lib/modelId';
import { TextWithCode } from '../../../components/TextWithCode';
import { defaultModel, defaultTemperature, parseTemperature } from './tryOnceDefaults';
import { TryOnceAnswerFacts } from './TryOnceAnswerFacts';
import { TryOnceModelField } from './TryOnceModelField';
import '../../../components/dialog.css';
import './tryOnce.css';

interface TryOncePanelProps {
  prompt: PromptDetail;
  /** The editor's text, saved or not: what is sent. */
  source: string;
  /** The preview's case; undefined when the prompt has no cases (its input defaults are used). */
  caseName: string | undefined;
  /** The editor's text as last rendered, for its temperature. */
  renderedConfig: Record<string, unknown> | undefined;
}

/** One call of the editor's text to one model at one temperature, its answer streaming in: a look before a sweep. */
export function TryOncePanel({ prompt, source, caseName, renderedConfig }: TryOncePanelProps) {
  const settings = useSettings();
  const [typedModel, setTypedModel] = useState<string | null>(null);
  const [typedTemperature, setTypedTemperature] = useState<string | null>(null);
  const model = typedModel ?? defaultModel(prompt, settings.data?.defaultModel ?? null);
  const temperatureText = typedTemperature ?? String(defaultTemperature(renderedConfig, prompt));
  const temperature = parseTemperature(temperatureText);
  const { state, start, stop } = useTryOnceCall();
  const running = state.status === 'running';
  const typedId = normaliseModelId(model);
  const modelId = splitModelId(typedId) ? typedId : null;
  const blocked = temperature.error ?? (modelId ? null : 'Choose a model as provider/model, e.g. ollama/llama3.2.');

  const go = () => {
    if (blocked !== null || temperature.value === null || modelId === null) return;
    start({ name: prompt.name, source, case: caseName, model: modelId, temperature: temperature.value });
  };
  const onShortcut = useEffectEvent(go);
  const onEscape = useEffectEvent((event: KeyboardEvent) => {
    if (!running || state.stopping) return;
    event.preventDefault();
    stop();
  });

  // Ctrl/Cmd+Enter anywhere in the Edit tab, the code editor included (caught before it inserts a line).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (document.querySelector('dialog[open]')) return; // the commit dialog's own Ctrl+Enter
      event.preventDefault();
      event.stopPropagation();
      onShortcut();
    }
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);

  // Esc stops a call while it streams, unless something else took the key first (the editor
  // closing its completions, a dialog closing).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      onEscape(event);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <section className="try-once" aria-label="Try once">
      <div className="pane-toolbar">
        <span className="pane-toolbar__title">Try once</span>
        {running ? (
          <Button variant="danger" className="button--sm" onClick={stop} disabled={state.stopping} title="Stop (Esc)">
            <StopIcon size={12} />
            {state.stopping ? 'Stopping…' : 'Stop'}
          </Button>
        ) : (
          <Button variant="primary" className="button--sm" onClick={go} disabled={blocked !== null} title={blocked ?? `Try once (${modShortcut('Enter')})`}>
            <PlayIcon size={12} />
            Try once
          </Button>
        )}
      </div>
      <div className="try-once__controls">
        <TryOnceModelField value={model} onChange={setTypedModel} />
        <label className="try-once__field try-once__field--temperature">
          <span className="try-once__label">Temperature</span>
          <input
            className="input input--mono"
            inputMode="decimal"
            value={temperatureText}
            aria-label="Temperature to try"
            aria-invalid={temperature.error !== null}
            onChange={(event) => setTypedTemperature(event.target.value)}
          />
        </label>
      </div>
      {temperature.error && <p className="field__error try-once__field-error">{temperature.error}</p>}
      <div className="try-once__body" role="region" aria-label="Answer" aria-busy={running}>
        {state.status === 'idle' && (
          <p className="try-once__empty">
            Sends the text in the editor as it is now, saved or not, for {caseName ? `the case “${caseName}”` : 'the input defaults'}: one call, nothing stored.
            Press <Kbd>{modShortcut('Enter')}</Kbd> to try.
          </p>
        )}
        {state.status !== 'idle' && (state.text !== '' || running) && (
          <pre className={`try-once__answer selectable${running ? ' is-streaming' : ''}`} aria-label="Answer text">
            {state.text}
          </pre>
        )}
        {state.status === 'failed' && (
          <p className={`card try-once__failure${state.reason === 'cancelled' ? ' is-stopped' : ''}`} role={state.reason === 'cancelled' ? 'status' : 'alert'}>
            <TextWithCode text={state.message} />
          </p>
        )}
      </div>
      <div className="try-once__facts" role="status" aria-live="polite">
        {running && (state.text === '' ? `Waiting for ${modelId ?? 'the model'}…` : 'Streaming…')}
        {state.status === 'done' && <TryOnceAnswerFacts answer={state.answer} />}
      </div>
    </section>
  );
}
