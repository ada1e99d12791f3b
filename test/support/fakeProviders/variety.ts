// Seeded, temperature-dependent answers. Sampling tests need outputs that behave like a model's:
// identical at temperature 0, a few recurring variants (skewed towards the first) at moderate
// temperature, and many distinct, slightly reworded answers at high temperature. Everything is
// derived from a hash of (model, prompt, temperature, seed or counter), so runs are reproducible.

export interface Sampling {
  model: string;
  /** Text of the last user message (what the answer is "about"). */
  prompt: string;
  temperature: number;
  /** Caller-provided seed (openai `seed`, ollama `options.seed`): same seed, same output. */
  seed?: number;
  /** Per-server request counter, used when there is no seed so repeated calls vary. */
  counter: number;
  /** Index of the choice when one request asks for several (openai `n`). */
  choice?: number;
}

export type Rng = () => number;

/** FNV-1a over UTF-16 code units: cheap and good enough to spread keys. */
export function hashString(text: string, hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2)), 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** mulberry32: a tiny, fast, well-distributed PRNG. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

export interface Draw {
  /** Which of the k variants this call produced (0 is the most likely). */
  variant: number;
  /** Number of variants reachable at this temperature. */
  variants: number;
  /** Builds the variant itself: depends only on (model, prompt, variant). */
  base: Rng;
  /** Per-call randomness for word-level changes; constant at temperature 0. */
  noise: Rng;
  temperature: number;
}

export function draw(s: Sampling): Draw {
  const temperature = Math.min(2, Math.max(0, Number.isFinite(s.temperature) ? s.temperature : 1));
  const variants = 1 + Math.round(temperature * 4);
  const promptHash = hashString(s.prompt, hashString(s.model));
  let noise: Rng;
  let variant = 0;
  if (temperature === 0) {
    noise = mulberry32(promptHash);
  } else {
    const key = s.seed !== undefined ? hashString(`s${s.seed}`) : hashString(`c${s.counter}`);
    noise = mulberry32(mix(mix(mix(promptHash, key), Math.round(temperature * 1000)), s.choice ?? 0));
    const r = noise();
    variant = Math.floor(variants * r * r); // r² skews towards the first variant
  }
  return { variant, variants, base: mulberry32(mix(promptHash, variant + 1)), noise, temperature };
}

const STOP_WORDS = new Set(
  'the and for are but not you your with what which when where who why how this that these those from into about have has had was were will would could should can does did its it\'s our their them they there here then than also just please give tell write list name explain describe answer question'.split(' '),
);

/** Content words of the prompt (original case, de-duplicated ignoring case): the answer reuses them. */
export function topicWords(prompt: string): string[] {
  const found = prompt.match(/\p{L}[\p{L}\p{N}'-]{2,}/gu);
  const out: string[] = [];
  const seen = new Set<string>();
  if (found) {
    for (const word of found) {
      const lower = word.toLowerCase();
      if (STOP_WORDS.has(lower) || seen.has(lower)) continue;
      seen.add(lower);
      out.push(word);
      if (out.length === 24) break;
    }
  }
  return out.length > 0 ? out : ['the topic', 'the context', 'the details'];
}

const OPENERS = ['', '', 'Sure.', 'In short,', 'Briefly,', 'Put simply,', 'Here is the gist:', 'Good question.'];
const TEMPLATES = [
  '{A} is closely related to {B}.',
  'The key point about {A} is {B}.',
  '{A} usually depends on {B} and {C}.',
  'Most people describe {A} as {ADJ}.',
  'A good answer mentions {A}, {B} and {C}.',
  'Consider {A} first, then {B}.',
  'It is {ADJ} to think of {A} in terms of {B}.',
  '{A} and {B} tend to go together.',
  'In practice, {A} matters more than {B}.',
  'The short version: {A} leads to {B}.',
];
const ADJECTIVES = ['useful', 'simple', 'important', 'subtle', 'practical', 'common', 'reasonable', 'clear'];
const ADVERBS = ['really', 'often', 'perhaps', 'mostly', 'clearly', 'quite', 'generally', 'arguably', 'usually'];
export const MIN_WORDS = 5;
export const MAX_WORDS = 60;

function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The text of one variant: a few template sentences about the prompt's words. */
function composeAnswer(base: Rng, words: readonly string[]): string[] {
  const target = MIN_WORDS + Math.floor(base() * base() * (MAX_WORDS - MIN_WORDS + 1));
  const out: string[] = [];
  const opener = pick(base, OPENERS);
  if (opener) out.push(...opener.split(' '));
  while (out.length < target) {
    // Slots within one sentence take different words while the prompt has enough of them.
    let pool = words.slice();
    const sentence = pick(base, TEMPLATES).replace(/\{(A|B|C|ADJ)\}/g, (_m, slot: string) => {
      if (slot === 'ADJ') return pick(base, ADJECTIVES);
      if (pool.length === 0) pool = words.slice();
      return pool.splice(Math.floor(base() * pool.length), 1)[0]!;
    });
    const continues = out.length > 0 && /[,:]$/.test(out[out.length - 1]!);
    out.push(...(continues ? sentence : capitalize(sentence)).split(' '));
  }
  return out.length > MAX_WORDS ? out.slice(0, MAX_WORDS) : out;
}

/** Above temperature 0.8 some words gain an adverb, so nearly every call differs a little. */
function perturb(words: string[], draw: Draw): string[] {
  const chance = (draw.temperature - 0.8) * 0.25;
  if (chance <= 0) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && draw.noise() < chance) out.push(pick(draw.noise, ADVERBS));
    out.push(words[i]!);
  }
  return out.length > MAX_WORDS ? out.slice(0, MAX_WORDS) : out;
}

/** A plausible short answer (5–60 words) for this sampling. */
export function generateText(s: Sampling): string {
  const d = draw(s);
  return perturb(composeAnswer(d.base, topicWords(s.prompt)), d).join(' ');
}

/** A few words from the prompt's vocabulary, for JSON string values. */
export function phrase(rng: Rng, words: readonly string[], count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(pick(rng, words));
  return out.join(' ');
}

/** Approximate tokens: one per whitespace-separated word (0 for empty text). */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** Approximate tokens of machine text (JSON): about four characters each. */
export function countJsonTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export interface Limited {
  text: string;
  tokens: number;
  /** True when max tokens cut the output short (finish reason "length" / "max_tokens"). */
  truncated: boolean;
}

/** Applies a max-tokens limit the way a model would: stop mid-answer (even mid-JSON). */
export function limitOutput(text: string, json: boolean, maxTokens: number | undefined): Limited {
  const tokens = json ? countJsonTokens(text) : countWords(text);
  if (maxTokens === undefined || !(maxTokens >= 0) || tokens <= maxTokens) return { text, tokens, truncated: false };
  const max = Math.floor(maxTokens);
  const cut = json ? text.slice(0, max * 4) : text.split(' ').slice(0, max).join(' ');
  return { text: cut, tokens: max, truncated: true };
}

/** Pieces for streaming: groups of three words for prose, 16-character slices for JSON. */
export function streamPieces(text: string, json: boolean): string[] {
  if (text === '') return [''];
  const pieces: string[] = [];
  if (json) {
    for (let i = 0; i < text.length; i += 16) pieces.push(text.slice(i, i + 16));
    return pieces;
  }
  const words = text.split(' ');
  for (let i = 0; i < words.length; i += 3) {
    const group = words.slice(i, i + 3).join(' ');
    pieces.push(i === 0 ? group : ` ${group}`);
  }
  return pieces;
}
