import { parseExpression } from 'feelin';
import * as rt from './runtime.js';

type SyntaxNode = NonNullable<ReturnType<ReturnType<typeof parseExpression>['topNode']['getChild']>>;
type Evaluate = (env: rt.Env) => unknown;
/** The static type feelin tags a node with; a filter's meaning depends on it (index vs condition). */
type Tag = 'test' | 'number' | 'boolean' | 'string' | 'nil' | 'any' | 'none';
interface Compiled { run: Evaluate; tag: Tag }

/** A construct the compiler does not translate: the whole expression stays with feelin. */
export class Untranslatable extends Error {}

const untranslatable = (node: SyntaxNode): never => { throw new Untranslatable(node.name); };
const children = (node: SyntaxNode): SyntaxNode[] => {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) list.push(child);
  return list;
};
/** Children that carry meaning (not punctuation or keywords). */
const PUNCTUATION = new Set(['(', ')', '[', ']', ',', '.', '..', 'if', 'then', 'else', 'for', 'in', 'return', 'every', 'some', 'satisfies', 'and', 'or']);
const operands = (node: SyntaxNode) => children(node).filter((c) => !PUNCTUATION.has(c.name));

/** What node compilers share: the source text, the helper functions' names, and recursion. */
interface Translation {
  source: string;
  helpers: Readonly<Record<string, (...args: unknown[]) => unknown>>;
  compile(node: SyntaxNode): Compiled;
  text(node: SyntaxNode): string;
}
type NodeCompiler = (node: SyntaxNode, t: Translation) => Compiled;

const COMPARE: Record<string, (a: unknown, b: unknown) => boolean | null> = {
  '=': rt.equals,
  '!=': (a, b) => { const r = rt.equals(a, b); return r === null ? null : !r; },
  '<': (a, b) => rt.compare(a, b, (x, y) => x < y),
  '<=': (a, b) => rt.compare(a, b, (x, y) => x <= y),
  '>': (a, b) => rt.compare(a, b, (x, y) => x > y),
  '>=': (a, b) => rt.compare(a, b, (x, y) => x >= y),
};

function lookup(name: string): Evaluate {
  return (env) => {
    const value = env[name];
    return value !== undefined ? value : name in env ? null : rt.fallback();
  };
}

/** `name in <list or a..b>` of a for or quantified expression (one iteration variable only). */
function iteration(node: SyntaxNode, t: Translation): { name: string; values: (env: rt.Env) => unknown[] } {
  const inExpressions = children(node).find((c) => c.name === 'InExpressions') ?? untranslatable(node);
  const list = children(inExpressions).filter((c) => c.name === 'InExpression');
  if (list.length !== 1) untranslatable(node);
  const [nameNode, , contextNode] = children(list[0]!);
  const name = t.text(nameNode!).trim();
  if (!/^[A-Za-z_]\w*$/.test(name) || contextNode?.name !== 'IterationContext') untranslatable(node);
  const parts = operands(contextNode!).map((c) => t.compile(c).run);
  const values: (env: rt.Env) => unknown[] = parts.length === 1 ? (env) => rt.iteration(parts[0]!(env))
    : parts.length === 2 ? (env) => rt.numberRange(parts[0]!(env), parts[1]!(env)) : untranslatable(contextNode!);
  return { name, values };
}

const bodyOf = (node: SyntaxNode, t: Translation) => t.compile(children(node).at(-1)!).run;

function callOf(node: SyntaxNode, t: Translation): Compiled {
  const { helpers } = t;
  const [callee, , params] = children(node);
  const name = t.text(callee!).replace(/\s+/g, ' ');
  if (callee?.name !== 'VariableName' || params?.name !== 'PositionalParameters') untranslatable(node);
  const args = operands(params!).map((c) => t.compile(c).run);
  const builtin = rt.builtins[name];
  const helper = Object.hasOwn(helpers, name) ? helpers[name] : undefined;
  if (builtin && !helper) {
    if (args.length !== builtin.arity) untranslatable(node);
    return { tag: 'any', run: (env) => (name in env ? rt.fallback() : builtin.call(...args.map((a) => a(env)))) };
  }
  if (!helper || helper.length !== args.length) untranslatable(node);
  return { tag: 'any', run: (env) => helper!(...args.map((a) => a(env))) };
}

/** Node compilers by lezer node name: a registry, so a new construct is one entry. */
const compilers: Record<string, NodeCompiler> = {
  Expression: (node, t) => t.compile(node.firstChild ?? untranslatable(node)),
  ParenthesizedExpression: (node, t) => t.compile(operands(node)[0] ?? untranslatable(node)),
  NumericLiteral: (node, t) => {
    const value = Number(t.text(node).replace(/\s+/g, ''));
    return Number.isFinite(value) ? { tag: 'number', run: () => value } : untranslatable(node);
  },
  StringLiteral: (node, t) => {
    const text = t.text(node);
    if (text.includes('\\')) untranslatable(node);
    const value = text.slice(1, -1);
    return { tag: 'string', run: () => value };
  },
  BooleanLiteral: (node, t) => { const value = t.text(node) === 'true'; return { tag: 'boolean', run: () => value }; },
  null: () => ({ tag: 'nil', run: () => null }),
  VariableName: (node, t) => {
    const name = t.text(node);
    if (!/^[A-Za-z_]\w*$/.test(name)) untranslatable(node);
    return { tag: 'any', run: lookup(name) };
  },
  List: (node, t) => {
    const items = operands(node).map((c) => t.compile(c).run);
    return { tag: 'none', run: (env) => items.map((item) => item(env)) };
  },
  PathExpression: (node, t) => {
    const [target, , pathName] = children(node);
    const name = t.text(pathName!);
    if (pathName?.name !== 'PathName' || !/^[A-Za-z_]\w*$/.test(name)) untranslatable(node);
    const of = t.compile(target!).run;
    return { tag: 'any', run: (env) => rt.path(of(env), name) };
  },
  FilterExpression: (node, t) => {
    const [target, filter] = operands(node).map((c) => t.compile(c));
    const of = target!.run;
    const by = filter!.run;
    switch (filter!.tag) {
      case 'test': return { tag: 'any', run: (env) => rt.select(of(env), env, by) };
      case 'number': case 'boolean': case 'any': return { tag: 'any', run: (env) => rt.index(of(env), by(env)) };
      case 'string': return { tag: 'any', run: (env) => {
        const target = of(env);
        if (target === null) return null;
        const value = by(env);
        return (Array.isArray(target) ? target : [target]).filter((el) => el === value);
      } };
      default: return { tag: 'any', run: (env) => (of(env) === null ? null : null) };
    }
  },
  Comparison: (node, t) => {
    const [left, op, right] = children(node);
    const compareOp = op?.name === 'CompareOp' ? COMPARE[t.text(op)] : undefined;
    if (!compareOp || !right) untranslatable(node);
    const [a, b] = [t.compile(left!).run, t.compile(right!).run];
    return { tag: 'test', run: (env) => { const x = a(env); return compareOp!(x, b(env)); } };
  },
  Conjunction: (node, t) => {
    const [a, b] = operands(node).map((c) => t.compile(c).run);
    return { tag: 'test', run: (env) => rt.and(a!(env), b!(env)) };
  },
  Disjunction: (node, t) => {
    const [a, b] = operands(node).map((c) => t.compile(c).run);
    return { tag: 'test', run: (env) => rt.or(a!(env), b!(env)) };
  },
  ArithmeticExpression: (node, t) => {
    const parts = children(node);
    if (parts.length === 2 && parts[0]!.name === 'ArithOp' && t.text(parts[0]!) === '-') {
      const value = t.compile(parts[1]!);
      return { tag: value.tag, run: (env) => rt.arithmetic('-', 0, value.run(env)) };
    }
    const [left, op, right] = parts;
    if (parts.length !== 3 || op?.name !== 'ArithOp') untranslatable(node);
    const symbol = t.text(op!);
    if (!['+', '-', '*', '/', '**'].includes(symbol)) untranslatable(node);
    const [a, b] = [t.compile(left!), t.compile(right!)];
    return { tag: a.tag === b.tag ? a.tag : 'any', run: (env) => rt.arithmetic(symbol, a.run(env), b.run(env)) };
  },
  IfExpression: (node, t) => {
    const [condition, then, otherwise] = operands(node).map((c) => t.compile(c));
    const tag = !otherwise || then!.tag === otherwise.tag ? then!.tag : 'any';
    return { tag, run: (env) => (rt.isTruthy(condition!.run(env)) ? then!.run(env) : otherwise ? otherwise.run(env) : null) };
  },
  ForExpression: (node, t) => {
    const { name, values } = iteration(node, t);
    const body = bodyOf(node, t);
    return { tag: 'none', run: (env) => {
      const partial: unknown[] = [];
      // One scope per evaluation, its variable reassigned per item: the body is evaluated at once, never kept.
      const scope = Object.create(env) as rt.Env;
      scope.partial = partial;
      for (const value of values(env)) {
        scope[name] = value;
        partial.push(body(scope));
      }
      return partial;
    } };
  },
  QuantifiedExpression: (node, t) => {
    const every = node.firstChild?.name === 'every';
    const { name, values } = iteration(node, t);
    const body = bodyOf(node, t);
    return { tag: 'test', run: (env) => {
      const scope = Object.create(env) as rt.Env;
      for (const value of values(env)) {
        scope[name] = value;
        if (rt.isTruthy(body(scope)) !== every) return !every;
      }
      return every;
    } };
  },
  FunctionInvocation: callOf,
};

/**
 * Translates a FEEL expression into a tree of JavaScript closures — feelin's own parser, our
 * evaluation — for the constructs rule sets use. Throws Untranslatable for anything else; the
 * closures throw FALLBACK for values whose semantics they do not model (see runtime.ts).
 */
export function compileFeel(source: string, helpers: Translation['helpers']): Evaluate {
  const tree = parseExpression(source, {}, undefined);
  let broken = false;
  tree.iterate({ enter: (n) => { if (n.type.isError) broken = true; } });
  if (broken) throw new Untranslatable('syntax error');
  const translation: Translation = {
    source, helpers,
    text: (node) => source.slice(node.from, node.to),
    compile: (node) => (compilers[node.name] ?? untranslatable)(node, translation),
  };
  return translation.compile(tree.topNode).run;
}
