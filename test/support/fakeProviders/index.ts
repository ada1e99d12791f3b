// Entry point: `import { startFakeProvider } from '../support/fakeProviders'`.
export * from './fakeServer';
export { ANTHROPIC_DEFAULT_MODELS } from './anthropicWire';
export { OLLAMA_DEFAULT_MODELS } from './ollamaWire';
export { OPENAI_DEFAULT_MODELS } from './openaiWire';
export { EMBEDDING_DIMENSIONS, OLLAMA_EMBEDDING_MODELS, OPENAI_EMBEDDING_MODELS, embedText } from './embeddings';
