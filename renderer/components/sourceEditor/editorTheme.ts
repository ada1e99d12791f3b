// The editor's look, in the app's tokens. CodeMirror injects these rules itself (style-mod); the
// editor lives in a shadow root, where style-mod uses adopted stylesheets, which the strict CSP
// allows (a <style> element would be refused). CSS custom properties inherit into the shadow root,
// so the light and dark themes apply unchanged.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

const mono = 'var(--font-mono)';

export const editorTheme = EditorView.theme({
  '&': {
    height: '100%',
    color: 'var(--color-text)',
    backgroundColor: 'var(--color-bg-code)',
    fontSize: 'var(--text-sm)',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: mono, lineHeight: '1.65', scrollbarWidth: 'thin', scrollbarColor: 'var(--color-border-strong) transparent' },
  '.cm-content': { padding: '12px 0 48px', caretColor: 'var(--color-accent)' },
  '.cm-line': { padding: '0 16px 0 8px' },
  '.cm-gutters': { backgroundColor: 'var(--color-bg-code)', color: 'var(--color-text-faint)', border: 'none' },
  '.cm-lineNumbers .cm-gutterElement': { minWidth: '4ch', padding: '0 4px 0 12px', opacity: '0.75' },
  '.cm-activeLine': { backgroundColor: 'light-dark(rgb(0 0 0 / 0.028), rgb(255 255 255 / 0.03))' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--color-text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'light-dark(#d7d9fb, #3a3c6e) !important',
  },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-accent)', borderLeftWidth: '2px' },
  '.cm-matchingBracket': { backgroundColor: 'var(--color-accent-soft)', outline: 'none' },
  '.cm-tooltip': {
    border: '1px solid var(--color-border)',
    borderRadius: 'var(--radius-md)',
    backgroundColor: 'var(--color-bg-raised)',
    color: 'var(--color-text)',
    boxShadow: 'var(--shadow-overlay)',
    overflow: 'hidden',
  },
  '.cm-tooltip-autocomplete > ul': { fontFamily: mono, maxHeight: '14em' },
  '.cm-tooltip-autocomplete > ul > li': { padding: '2px 10px !important' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--color-bg-selected)',
    color: 'var(--color-text)',
  },
  '.cm-completionDetail': { color: 'var(--color-text-faint)', fontStyle: 'normal', marginLeft: '1em' },
  '.cm-diagnostic': { padding: '6px 10px', fontFamily: 'var(--font-ui)', fontSize: 'var(--text-sm)' },
  '.cm-diagnostic-error': { borderLeft: '3px solid var(--color-danger)' },
  '.cm-lintRange-error': { backgroundColor: 'var(--color-danger-soft)' },
  '.cm-gutter-lint': { width: '14px' },
  '.cm-lint-marker': { width: '10px', height: '10px' },
  '.cm-panels': { backgroundColor: 'var(--color-bg-subtle)', color: 'var(--color-text)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--color-border)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--color-border)' },
  '.cm-search': { fontFamily: 'var(--font-ui)', fontSize: 'var(--text-sm)' },
  '.cm-textfield, .cm-button': {
    font: 'inherit',
    color: 'var(--color-text)',
    backgroundColor: 'var(--color-bg-raised)',
    backgroundImage: 'none',
    border: '1px solid var(--color-border-strong)',
    borderRadius: 'var(--radius-sm)',
  },
  '.cm-searchMatch': { backgroundColor: 'light-dark(#fdf0c4, #4a3f1c)' },
  '.cm-searchMatch-selected': { backgroundColor: 'light-dark(#f7d97c, #6b5620)' },
  '.cm-hb-tag': { borderRadius: '3px', backgroundColor: 'var(--color-code-variable-bg)' },
  '.cm-hb-marker': { borderRadius: '3px', backgroundColor: 'var(--color-code-role-bg)' },
});

const highlightStyle = HighlightStyle.define([
  // Front matter (YAML)
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--color-code-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'light-dark(#15803d, #86d6a4)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--color-code-type)' },
  { tag: [tags.meta, tags.processingInstruction, tags.documentMeta], color: 'var(--color-text-faint)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--color-code-comment)', fontStyle: 'italic' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--color-text-faint)' },
  // Template (Handlebars)
  { tag: tags.keyword, color: 'var(--color-code-block)', fontWeight: '500' },
  { tag: tags.macroName, color: 'var(--color-code-role)', fontWeight: '600' },
  { tag: tags.variableName, color: 'var(--color-code-variable)' },
  { tag: tags.attributeName, color: 'var(--color-code-type)' },
  { tag: tags.operator, color: 'var(--color-text-faint)' },
]);

export const editorHighlighting = syntaxHighlighting(highlightStyle);
