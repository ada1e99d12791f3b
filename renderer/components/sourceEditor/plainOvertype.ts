// Typing over a selection is applied by CodeMirror itself rather than by the browser. Chromium's
// native editing, when it deletes a selection spanning highlighted tokens, tries to keep their look
// by writing style="" attributes, which the strict CSP (style-src 'self') blocks and reports as a
// console error on every overtype. The text comes out the same either way; this keeps it quiet.
import { EditorView } from '@codemirror/view';

export const plainOvertype = EditorView.domEventHandlers({
  beforeinput(event, view) {
    if (event.inputType !== 'insertText' || event.data === null || view.state.selection.ranges.every((range) => range.empty)) {
      return false;
    }
    if (view.state.readOnly || view.composing) return false;
    event.preventDefault();
    view.dispatch(view.state.update(view.state.replaceSelection(event.data), { userEvent: 'input.type', scrollIntoView: true }));
    return true;
  },
});
