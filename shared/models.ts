// Model ids are `provider/model`. These providers are built in; OpenAI-compatible endpoints are
// added by name in settings (a later issue) and join this list at run time.
export const BUILT_IN_PROVIDERS = ['ollama', 'openai', 'anthropic'] as const;

export function splitModelId(id: string): { provider: string; model: string } | null {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return null;
  return { provider: id.slice(0, slash), model: id.slice(slash + 1) };
}
