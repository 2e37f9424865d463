import { evaluate, isFunction, parseExpression, SyntaxError as FeelSyntaxError, type FeelFunction } from 'feelin';
import { compileFeel, FALLBACK, Untranslatable } from './compile/index.js';
import { plainHelpers } from './helpers.js';

/** feelin binds named arguments from own keys: flatten variables that inherit from a prototype. */
function ownCopy(variables: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const name in variables) copy[name] = variables[name];
  return copy;
}

/** The JavaScript translation of an expression, or undefined when feelin must interpret it. */
function translate(source: string): ((variables: Record<string, unknown>) => unknown) | undefined {
  try {
    return compileFeel(source, plainHelpers);
  } catch (error) {
    if (error instanceof Untranslatable) return undefined;
    throw error;
  }
}

/** A FEEL expression parsed once into a function of named variables, invoked per record. */
export interface CompiledExpression {
  source: string;
  /** Whether the expression runs as JavaScript closures (else feelin interprets every run). */
  translated: boolean;
  /** `interpret`: run through feelin even when translated (to check the two agree). */
  run(variables: Record<string, unknown>, options?: { interpret?: boolean }): { value: unknown; warnings: string[] };
}

export class FeelProblem extends Error {
  constructor(message: string, readonly position?: number) { super(message); }
}

/** Names that name things other than free variables: FEEL's built-in functions and keywords. */
const BOUND_BY_FEEL = new Set(['item', 'date', 'time', 'duration', 'not', 'today', 'now']);

/**
 * The free variables of an expression (names it reads from its context), from feelin's own parse
 * tree: variables bound by `for`/`some`/`every`, filter `item`s and function callees do not count.
 */
export function freeVariables(source: string): Array<{ name: string; position: number }> {
  const tree = parseExpression(source, {}, undefined);
  const bound = new Set<string>();
  const found: Array<{ name: string; position: number }> = [];
  const callees = new Set<number>();
  tree.iterate({
    enter(node) {
      const text = source.slice(node.from, node.to);
      if (node.name === 'FunctionInvocation') callees.add(node.node.firstChild?.from ?? -1);
      if (node.name === 'InExpression') bound.add(source.slice(node.node.firstChild?.from ?? 0, node.node.firstChild?.to ?? 0));
      if (node.name === 'VariableName' && !callees.has(node.from)) found.push({ name: text, position: node.from });
    },
  });
  return found.filter((v) => !bound.has(v.name) && !BOUND_BY_FEEL.has(v.name));
}

/**
 * Parses `source` once as the body of `function(<names>)`. feelin has no public compile API, but
 * a FEEL function value is exactly a pre-built execution tree; its warnings land in the array the
 * defining evaluate returned, which we read and clear per run (it would grow for ever otherwise).
 */
export function compileExpression(source: string, names: readonly string[]): CompiledExpression {
  let defined: { value: unknown; warnings: Array<{ message: string }> };
  try {
    defined = evaluate(`function(${names.join(', ')}) ${source}`, {});
  } catch (error) {
    if (error instanceof FeelSyntaxError) {
      const offset = `function(${names.join(', ')}) `.length;
      throw new FeelProblem(`FEEL 语法错误：${error.message}`, Math.max(0, error.position.from - offset));
    }
    // feelin refuses some malformed expressions (e.g. `a <= = b`) while building, without a position.
    throw new FeelProblem(`FEEL 表达式无法解析：${(error as Error).message}`);
  }
  if (!isFunction(defined.value)) throw new FeelProblem('不是有效的 FEEL 表达式');
  const fn = defined.value as FeelFunction;
  const warnings = defined.warnings;
  const interpret = (variables: Record<string, unknown>) => {
    warnings.length = 0;
    const value = fn.invoke(ownCopy(variables));
    return { value, warnings: warnings.map((w) => w.message) };
  };
  const fast = translate(source);
  return {
    source,
    translated: fast !== undefined,
    run(variables, options) {
      if (!fast || options?.interpret) return interpret(variables);
      try {
        return { value: fast(variables), warnings: [] };
      } catch (error) {
        if (error === FALLBACK) return interpret(variables);
        throw error;
      }
    },
  };
}
