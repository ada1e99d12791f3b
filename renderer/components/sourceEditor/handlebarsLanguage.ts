// Highlighting for Dotprompt files: YAML front matter (lang-yaml) over a Handlebars body. The body
// tokenizer only colours `{{…}}`; it does not evaluate anything.
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { StreamLanguage, type LanguageSupport, type StringStream } from '@codemirror/language';

interface HandlebarsState {
  /** Inside what, if anything, the previous line ended. */
  inside: null | 'tag' | 'comment' | 'longComment';
  /** The next word is the first in its tag: a helper, a block keyword, or a variable. */
  firstWord: boolean;
  block: boolean;
}

const DOTPROMPT_MARKERS = new Set(['role', 'history', 'section', 'media']);

function tokenInTag(stream: StringStream, state: HandlebarsState): string | null {
  if (stream.eatSpace()) return null;
  if (stream.match(/^~?\}\}\}?/)) {
    state.inside = null;
    return 'brace';
  }
  if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'(?:[^'\\]|\\.)*'?/)) return 'string';
  if (stream.match(/^-?\d+(?:\.\d+)?/)) return 'number';
  if (stream.match(/^(?:true|false|null|undefined)\b/)) return 'bool';
  if (state.firstWord && stream.match(/^[#/^]/)) {
    state.block = true;
    return 'keyword';
  }
  if (stream.match(/^[\w@.$-]+(?==)/)) return 'attributeName';
  if (stream.match(/^[\w@.$/[\]-]+/)) {
    const word = stream.current();
    const first = state.firstWord;
    state.firstWord = false;
    if (first && (state.block || word === 'else')) return 'keyword';
    if (first && DOTPROMPT_MARKERS.has(word)) return 'macroName';
    return 'variableName';
  }
  stream.next();
  return stream.current() === '=' ? 'operator' : 'punctuation';
}

function skipComment(stream: StringStream, state: HandlebarsState, end: string): string {
  if (stream.skipTo(end)) {
    stream.match(end);
    state.inside = null;
  } else {
    stream.skipToEnd();
  }
  return 'comment';
}

export const handlebarsLanguage = StreamLanguage.define<HandlebarsState>({
  name: 'handlebars',
  startState: () => ({ inside: null, firstWord: false, block: false }),
  copyState: (state) => ({ ...state }),
  token(stream, state) {
    if (state.inside === 'longComment') return skipComment(stream, state, '--}}');
    if (state.inside === 'comment') return skipComment(stream, state, '}}');
    if (state.inside === 'tag') return tokenInTag(stream, state);
    if (stream.match(/^\{\{~?!--/)) {
      state.inside = 'longComment';
      return skipComment(stream, state, '--}}');
    }
    if (stream.match(/^\{\{~?!/)) {
      state.inside = 'comment';
      return skipComment(stream, state, '}}');
    }
    if (stream.match(/^\{\{\{?~?/)) {
      state.inside = 'tag';
      state.firstWord = true;
      state.block = false;
      return 'brace';
    }
    // Plain text up to the next mustache.
    if (!stream.skipTo('{{')) stream.skipToEnd();
    if (stream.pos === stream.start) stream.next();
    return null;
  },
  languageData: { commentTokens: { block: { open: '{{!--', close: '--}}' } } },
});

/** A `.prompt` file: optional `---` YAML front matter, then the Handlebars template. */
export function dotpromptLanguage(): LanguageSupport {
  return yamlFrontmatter({ content: handlebarsLanguage });
}
