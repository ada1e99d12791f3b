// Reads a Handlebars template's structure (with the parser Dotprompt itself uses) to find what a
// person should hear about before running it: syntax errors, unknown helpers, roles no model API
// takes, and the variables the template reads from its input.
import Handlebars from 'handlebars';
import { MESSAGE_ROLES } from '../../../shared/prompts';

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
  /** `{{role "…"}}` with a name Dotprompt does not make a message of (it keeps only lowercase names, and APIs take four). */
  badRoles: TemplateIssue[];
  /** Root names read from the input, with where each is first read. */
  variables: Map<string, { line: number; column: number }>;
}

export function analyzeTemplate(template: string): TemplateFacts {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(template);
  } catch (error) {
    return { syntaxError: syntaxIssue(error, template), unknownHelpers: [], badRoles: [], variables: new Map() };
  }
  const facts: TemplateFacts = { unknownHelpers: [], badRoles: [], variables: new Map() };
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
    const role = name === 'role' ? node.params[0] : undefined;
    if (role?.type === 'StringLiteral') {
      const message = roleProblem((role as hbs.AST.StringLiteral).value);
      if (message) facts.badRoles.push({ line: node.loc.start.line, column: node.loc.start.column + 1, message });
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

/** Why a role name cannot make a message, or undefined when it can. */
export function roleProblem(role: string): string | undefined {
  if ((MESSAGE_ROLES as readonly string[]).includes(role)) return undefined;
  const lower = role.toLowerCase();
  if ((MESSAGE_ROLES as readonly string[]).includes(lower)) return `The role "${role}" is written in capitals: Dotprompt takes only lowercase role names, so write "${lower}".`;
  return `The role "${role}" is not one of Dotprompt's roles: system, user, model or tool (the model's own turns are "model").`;
}

function pathName(expression: Expression): string | undefined {
  return expression.type === 'PathExpression' ? (expression as hbs.AST.PathExpression).original : undefined;
}

function syntaxIssue(error: unknown, template: string): TemplateIssue {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  const reason = lines.find((l) => l.startsWith('Expecting')) ?? (lines[0] ?? message).replace(/ - \d+:\d+\s*$/, '');
  // "… - line:column" (block name mismatches) carries an exact position.
  const exact = /- (\d+):(\d+)\s*$/.exec(message);
  if (exact) return { line: Number(exact[1]), column: Number(exact[2]) + 1, message: `Template syntax error: ${reason}` };
  if (/got 'EOF'/.test(message)) {
    const open = unclosedBlock(template);
    if (open) return { ...open, message: `Template syntax error: {{#${open.name}}} is never closed; add {{/${open.name}}}.` };
  }
  const line = Number(/on line (\d+)/.exec(message)?.[1] ?? 1);
  const lineText = template.split('\n')[line - 1] ?? '';
  const caret = (lines[2] ?? '').indexOf('^');
  const column = caret >= 0 ? columnFromExcerpt(lineText, lines[1] ?? '', caret) : 1;
  // Handlebars lists every token it would have accepted; a person needs the spot and the likely fix.
  const got = /got '(\w+)'/.exec(reason)?.[1];
  const snippet = lineText.slice(column - 1, column + 15).trim();
  const friendly = got && snippet ? `unexpected ${got.toLowerCase()} at "${snippet}". Check the {{ }} braces and the helper's arguments.` : reason;
  return { line, column, message: `Template syntax error: ${friendly}` };
}

/**
 * Handlebars shows where it stopped as an excerpt (the last characters read, newlines removed,
 * then the next ones) with a caret between; find that spot in the real line.
 */
function columnFromExcerpt(lineText: string, excerpt: string, caret: number): number {
  const before = excerpt.slice(0, caret).replace(/^\.\.\./, '');
  const after = excerpt.slice(caret).replace(/\.\.\.$/, '').slice(0, 12);
  let best = { column: 1, overlap: -1 };
  for (let i = 0; i <= lineText.length; i++) {
    if (after && !lineText.startsWith(after, i)) continue;
    let overlap = 0;
    while (overlap < i && overlap < before.length && lineText[i - 1 - overlap] === before[before.length - 1 - overlap]) overlap++;
    if (overlap > best.overlap) best = { column: i + 1, overlap };
  }
  return best.column;
}

/** The innermost `{{#block}}` without its `{{/block}}`, for "unexpected end of template" errors. */
function unclosedBlock(template: string): { name: string; line: number; column: number } | undefined {
  const stack: { name: string; index: number }[] = [];
  for (const match of template.matchAll(/\{\{~?\s*([#/])\s*([^\s}~]+)/g)) {
    if (match[1] === '#') stack.push({ name: match[2] ?? '', index: match.index });
    else stack.pop();
  }
  const open = stack.at(-1);
  if (!open) return undefined;
  const before = template.slice(0, open.index).split('\n');
  return { name: open.name, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
