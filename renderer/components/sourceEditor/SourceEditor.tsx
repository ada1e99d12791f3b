import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Annotation, Compartment, EditorState, Transaction } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import type { Problem } from '../../../shared/prompts';
import { toDiagnostics } from './diagnostics';
import { editorHighlighting, editorTheme } from './editorTheme';
import { plainOvertype } from './plainOvertype';
import { dotpromptLanguage } from './handlebarsLanguage';
import { templateCompletions } from './templateCompletions';
import { templateHighlights } from './templateHighlights';

export interface SourceEditorHandle {
  /** Puts the cursor at a 1-based line and column and focuses the editor. */
  focusAt(line: number, column?: number): void;
  focus(): void;
}

interface SourceEditorProps {
  value: string;
  onChange?(value: string): void;
  readOnly?: boolean;
  /** Problems with this file, shown as diagnostics where they are. */
  problems?: readonly Problem[];
  /** Input variables offered after `{{`. */
  variables?: readonly string[];
  /** The accessible name of the text box. */
  label: string;
  /** `.prompt` (front matter + template, the default) or plain YAML (a cases file). */
  language?: 'prompt' | 'yaml';
  ref?: Ref<SourceEditorHandle>;
}

/** Marks changes that came from outside (a reload), so they are not reported back as typing. */
const fromOutside = Annotation.define<boolean>();

/**
 * A CodeMirror 6 editor for `.prompt` files. It is mounted in a shadow root: CodeMirror's own styles
 * then go into an adopted stylesheet, which `style-src 'self'` allows, instead of a <style> element.
 */
export function SourceEditor({ value, onChange, readOnly = false, problems, variables, label, language = 'prompt', ref }: SourceEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const initialValue = useRef(value);
  const initialLanguage = useRef(language);
  const onChangeRef = useRef(onChange);
  const variablesRef = useRef<readonly string[]>(variables ?? []);
  const editable = useRef(new Compartment());

  useLayoutEffect(() => {
    onChangeRef.current = onChange;
    variablesRef.current = variables ?? [];
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      root,
      parent: root,
      state: EditorState.create({
        doc: initialValue.current,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightSelectionMatches(),
          autocompletion({ override: [templateCompletions(() => variablesRef.current)], icons: false }),
          lintGutter(),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...searchKeymap, ...completionKeymap, indentWithTab]),
          ...(initialLanguage.current === 'yaml' ? [yaml()] : [dotpromptLanguage(), templateHighlights]),
          editorHighlighting,
          editorTheme,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          plainOvertype,
          editable.current.of(editableExtensions(readOnly)),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            if (update.transactions.some((transaction) => transaction.annotation(fromOutside))) return;
            onChangeRef.current?.(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Created once (give it a new key for another language); value, problems and read-only follow below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: editable.current.reconfigure(editableExtensions(readOnly)) });
  }, [readOnly]);

  // A new value from outside (reload from disk, restore, another version) replaces the text.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    const head = Math.min(editor.state.selection.main.head, value.length);
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: value },
      selection: { anchor: head },
      annotations: [fromOutside.of(true), Transaction.addToHistory.of(false)],
    });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(setDiagnostics(editor.state, toDiagnostics(editor.state.doc, problems ?? [])));
  }, [problems]);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => view.current?.focus(),
      focusAt(line, column = 1) {
        const editor = view.current;
        if (!editor) return;
        const target = editor.state.doc.line(Math.min(Math.max(line, 1), editor.state.doc.lines));
        const anchor = Math.min(target.from + Math.max(column - 1, 0), target.to);
        editor.dispatch({ selection: { anchor }, scrollIntoView: true });
        editor.focus();
      },
    }),
    [],
  );

  return <div ref={host} className={`source-editor${readOnly ? ' source-editor--readonly' : ''}`} />;
}

/** Read-only text stays focusable and selectable, so it can be searched and copied. */
function editableExtensions(readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.contentAttributes.of({ 'aria-readonly': String(readOnly) })];
}
