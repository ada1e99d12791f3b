import './components.css';

/**
 * A model id such as `ollama/llama3.2`, with the provider de-emphasised so the model reads first.
 * No id: a prompt that names no model, which runs on the workspace's default model.
 */
export function ModelChip({ model, size = 'md' }: { model: string; size?: 'sm' | 'md' }) {
  if (!model) {
    return (
      <span className={`chip chip--${size} chip--empty`} title="This prompt names no model: a run starts from the default model set in Settings.">
        default model
      </span>
    );
  }
  const slash = model.indexOf('/');
  const provider = slash > 0 ? model.slice(0, slash + 1) : '';
  const name = slash > 0 ? model.slice(slash + 1) : model;
  return (
    <span className={`chip chip--${size} chip--model`} title={model}>
      {provider && <span className="chip__provider">{provider}</span>}
      <span className="chip__name">{name}</span>
    </span>
  );
}
