// An ESLint rule for the renderer's layers (docs/architecture.md). A feature in
// renderer/features/<name>/ never imports another feature, nor the pages that compose features;
// and what features share (renderer/components/, renderer/lib/, renderer/api/) imports neither.
// Relative paths are resolved against the importing file, so `../x` from a nested folder is judged
// by where it really leads.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const renderer = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
const FEATURES = path.join(renderer, 'features');
const PAGES = path.join(renderer, 'pages');
const SHARED = ['components', 'lib', 'api'].map((folder) => path.join(renderer, folder));

const isInside = (file, folder) => file === folder || file.startsWith(folder + path.sep);

/** `<name>` for an absolute path inside renderer/features/<name>, else null. */
function featureOf(file) {
  if (!isInside(file, FEATURES) || file === FEATURES) return null;
  return path.relative(FEATURES, file).split(path.sep)[0] ?? null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'A renderer feature imports no other feature and no page; shared renderer code imports neither.' },
    messages: {
      otherFeature:
        'The "{{from}}" feature imports the "{{to}}" feature ({{source}}). A feature never imports another feature: move what both need to renderer/components/ (visual) or renderer/lib/, or compose the two in a page (renderer/pages/).',
      page: 'The "{{from}}" feature imports a page ({{source}}). Pages compose features, never the other way round.',
      sharedImportsFeature:
        'Shared renderer code imports {{what}} ({{source}}). renderer/components/, lib/ and api/ are what features build on; they import no feature and no page.',
    },
    schema: [],
  },
  create(context) {
    const file = path.resolve(context.filename);
    const from = featureOf(path.dirname(file));
    const shared = SHARED.some((folder) => isInside(file, folder));
    if (from === null && !shared) return {};

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const to = featureOf(target);
      const intoFeatures = isInside(target, FEATURES);
      const intoPages = isInside(target, PAGES);
      if (shared && (intoFeatures || intoPages)) {
        context.report({ node, messageId: 'sharedImportsFeature', data: { what: intoPages ? 'a page' : 'a feature', source } });
      } else if (from !== null && intoFeatures && to !== from) {
        context.report({ node, messageId: 'otherFeature', data: { from, to: to ?? '*', source } });
      } else if (from !== null && intoPages) {
        context.report({ node, messageId: 'page', data: { from, source } });
      }
    }

    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      // Lazy imports (`import('./x')`) and workers (`new URL('./x.worker.ts', import.meta.url)`) count too.
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      NewExpression(node) {
        const [first] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'URL' && first?.type === 'Literal') check(first, first.value);
      },
    };
  },
};
