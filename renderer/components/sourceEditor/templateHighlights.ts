// A soft background behind every `{{…}}` in the body, so the template's moving parts stand out
// from its prose (the tokens inside are coloured by the language).
import { Decoration, MatchDecorator, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';

const tagMark = Decoration.mark({ class: 'cm-hb-tag' });
const markerMark = Decoration.mark({ class: 'cm-hb-marker' });

const matcher = new MatchDecorator({
  regexp: /\{\{~?!--[\s\S]*?--~?\}\}|\{\{\{[^}]*\}\}\}|\{\{[^}]*\}\}/g,
  decoration: (match, view, pos) => {
    if (/^\{\{~?!/.test(match[0])) return null;
    // Front matter has no mustaches worth marking.
    if (pos < frontMatterEnd(view)) return null;
    return /^\{\{~?\s*(role|history|section|media)\b/.test(match[0]) ? markerMark : tagMark;
  },
});

function frontMatterEnd(view: EditorView): number {
  const doc = view.state.doc;
  if (doc.lines < 2 || doc.line(1).text.trim() !== '---') return 0;
  for (let n = 2; n <= Math.min(doc.lines, 400); n += 1) if (doc.line(n).text.trim() === '---') return doc.line(n).to;
  return 0;
}

export const templateHighlights = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = matcher.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = matcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
