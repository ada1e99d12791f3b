// CodeMirror is most of the app's weight; it loads the first time an editor is shown.
import { lazy, Suspense, type ComponentProps } from 'react';
import type { SourceEditor as EagerSourceEditor } from './SourceEditor';
import './editor.css';

const Editor = lazy(() => import('./SourceEditor').then((module) => ({ default: module.SourceEditor })));

export function SourceEditor(props: ComponentProps<typeof EagerSourceEditor>) {
  return (
    <Suspense fallback={<div className="source-editor source-editor--loading" role="status" aria-label="Loading the editor" />}>
      <Editor {...props} />
    </Suspense>
  );
}
