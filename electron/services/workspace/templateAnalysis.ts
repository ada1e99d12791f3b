// Reads a Handlebars template's structure (with the parser Dotprompt itself uses) to find what a
// person should hear about before running it: syntax errors, unknown helpers, and the variables
// the template reads from its input.
import Handlebars from 'handlebars';

type Expression = hbs.AST.Expression;

/** Dotprompt's helpers plus Handlebars' built-in ones: the only helpers a template may call. */
export const KNOWN_HELPERS = new Set(['json', 'role', 'history', 'section', 'media', 'ifEquals', 'unlessEquals', 'if', 'unless', 'each', 'with', 'lookup', 'log']);
/** Blocks whose body reads from a new context, so bare names inside are not input variables. */
const CONTEXT_BLOCKS = new Set(['each', 'with']);

export interface TemplateIssue {
  message: string;
  /** 1-based, within the template body. */
  line: number;
  column: number;
}

export interface TemplateFacts {
  syntaxError?: TemplateIssue;
  unknownHelpers: (TemplateIssue & { name: string })[];
  /** Root names read from the input, with where each is first read. */
  variables: Map<string, { line: number; column: number }>;
}

export function analyzeTemplate(template: string): TemplateFacts {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(template);
  } catch (error) {
    return { syntaxError: syntaxIssue(error), unknownHelpers: [], variables: new Map() };
  }
  const facts: TemplateFacts = { unknownHelpers: [], variables: new Map() };
  walkStatements(program.body, facts, false);
  return facts;
}

function walkStatements(body: hbs.AST.Statement[], facts: TemplateFacts, inContext: boolean): void {
  for (const node of body) {
    if (node.type === 'MustacheStatement' || node.type === 'SubExpression') {
      visitCall(node as hbs.AST.MustacheStatement, facts, inContext);
    } else if (node.type === 'BlockStatement') {
      const block = node as hbs.AST.BlockStatement;
      visitCall(block, facts, inContext);
      const name = pathName(block.path);
      const nested = inContext || (name !== undefined && CONTEXT_BLOCKS.has(name));
      if (block.program) walkStatements(block.program.body, facts, nested);
      if (block.inverse) walkStatements(block.inverse.body, facts, inContext);
    }
  }
}

function visitCall(node: { type: string; path: Expression; params: Expression[]; hash?: hbs.AST.Hash; loc: hbs.AST.SourceLocation }, facts: TemplateFacts, inContext: boolean): void {
  const name = pathName(node.path);
  const isCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || node.type === 'BlockStatement';
  if (isCall && name !== undefined) {
    if (!KNOWN_HELPERS.has(name)) {
      facts.unknownHelpers.push({ name, line: node.loc.start.line, column: node.loc.start.column + 1, message: `Unknown helper "${name}"` });
    }
  } else {
    visitValue(node.path, facts, inContext);
  }
  for (const param of node.params) visitValue(param, facts, inContext);
  for (const pair of node.hash?.pairs ?? []) visitValue(pair.value, facts, inContext);
}

function visitValue(expression: Expression, facts: TemplateFacts, inContext: boolean): void {
  if (expression.type === 'SubExpression') return visitCall(expression as hbs.AST.SubExpression, facts, inContext);
  if (expression.type !== 'PathExpression') return;
  const path = expression as hbs.AST.PathExpression;
  const original = path.original;
  let root: string | undefined;
  if (original.startsWith('@root.')) root = original.slice('@root.'.length).split(/[.[/]/)[0];
  else if (!path.data && !inContext && path.depth === 0 && original !== 'this' && !original.startsWith('this.')) root = path.parts[0];
  if (root && !facts.variables.has(root)) facts.variables.set(root, { line: path.loc.start.line, column: path.loc.start.column + 1 });
}

function pathName(expression: Expression): string | undefined {
  return expression.type === 'PathExpression' ? (expression as hbs.AST.PathExpression).original : undefined;
}

function syntaxIssue(error: unknown): TemplateIssue {
  const message = error instanceof Error ? error.message : String(error);
  // Handlebars says "Parse error on line N" or ends with " - line:column"; it gives no column for
  // the first kind (its caret points into a flattened excerpt), so the line is what we can trust.
  const atLineColumn = /- (\d+):(\d+)\s*$/.exec(message);
  const line = Number(atLineColumn?.[1] ?? /on line (\d+)/.exec(message)?.[1] ?? 1);
  const column = atLineColumn ? Number(atLineColumn[2]) + 1 : 1;
  const lines = message.split('\n');
  const reason = lines.find((l) => l.startsWith('Expecting')) ?? (lines[0] ?? message).replace(/ - \d+:\d+\s*$/, '');
  return { line, column, message: `Template syntax error: ${reason}` };
}
