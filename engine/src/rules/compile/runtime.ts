/**
 * The FEEL semantics the compiled closures implement, mirroring feelin 8 for the values rules see
 * (null, booleans, numbers, strings, lists, plain objects). Anything else — mixed types, temporal
 * values, ranges — throws FALLBACK, and that one evaluation is left to feelin itself.
 */
export const FALLBACK: unique symbol = Symbol('feel-fallback');
export const fallback = (): never => { throw FALLBACK; };

export type Env = Record<string, unknown>;
type Scalar = string | number | boolean;

const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** FEEL `=`: null only with null; same-type scalars by value; different scalar types: null. */
export function equals(a: unknown, b: unknown): boolean | null {
  if (a === null || b === null) return a === b;
  if (!isScalar(a) || !isScalar(b)) return fallback();
  return typeof a === typeof b ? a === b : null;
}

/** FEEL `<`, `<=`, `>`, `>=` between two numbers or two strings; null when either is null. */
export function compare(a: unknown, b: unknown, op: (x: number | string, y: number | string) => boolean): boolean | null {
  if (b === null) return null;
  if (a === null) return typeof b === 'number' || typeof b === 'string' ? null : fallback();
  if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) return op(a, b);
  return fallback();
}

/** Three-valued logic: anything but a boolean counts as null. */
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
export function and(a: unknown, b: unknown): boolean | null {
  const [x, y] = [bool(a), bool(b)];
  return x === false || y === false ? false : x === true && y === true ? true : null;
}
export function or(a: unknown, b: unknown): boolean | null {
  const [x, y] = [bool(a), bool(b)];
  return x === true || y === true ? true : x === false && y === false ? false : null;
}

export const isTruthy = (v: unknown): boolean => v !== false && v !== null;

/** Arithmetic on two numbers (or `+` on two strings); null operands give null; division by 0 gives null. */
export function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return b === 0 ? null : a / b;
      default: return a ** b;
    }
  }
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if ((a === null || isScalar(a)) && (b === null || isScalar(b)) && (a === null || b === null)) return null;
  return fallback();
}

/** `target.name`: projected over a list; a missing key is left to feelin (it warns). */
export function path(target: unknown, name: string): unknown {
  if (!Array.isArray(target)) return entry(target, name);
  const values = new Array<unknown>(target.length);
  for (let i = 0; i < target.length; i += 1) values[i] = entry(target[i], name);
  return values;
}

function entry(value: unknown, name: string): unknown {
  return isPlainObject(value) && Object.hasOwn(value, name) ? value[name] ?? null : fallback();
}

/** `list[n]`: 1-based, negative from the end; a boolean keeps all or nothing; anything else: []. */
export function index(target: unknown, at: unknown): unknown {
  if (target === null) return null;
  const list = Array.isArray(target) ? target : [target];
  if (typeof at === 'boolean') return at ? target : [];
  if (typeof at !== 'number') return [];
  const value = list[at < 0 ? list.length + at : at - 1];
  return value === undefined ? null : value;
}

/** `list[condition]`: the items for which the condition, evaluated with `item` and the item's keys, is true. */
export function select(target: unknown, env: Env, test: (env: Env) => unknown): unknown {
  if (target === null) return null;
  const list = Array.isArray(target) ? target : [target];
  return list.filter((item) => {
    const scope: Env = Object.create(env) as Env;
    scope.item = item;
    if (isPlainObject(item)) Object.assign(scope, item);
    const result = test(scope);
    // feelin keeps the item itself for a true test, and drops a null or false item as it would a false test.
    if (result === true) return isTruthy(item);
    return result === false || result === null ? false : fallback();
  });
}

/** What `name in <expr>` iterates: a list as is, `a..b` of integers either way; anything else is feelin's. */
export function iteration(value: unknown): unknown[] {
  return Array.isArray(value) ? value : fallback();
}
export function numberRange(a: unknown, b: unknown): unknown[] {
  // feelin makes a range only when the end is truthy (`a..0` iterates `a` itself): leave that to feelin.
  if (!b || typeof a !== 'number' || typeof b !== 'number' || !Number.isInteger(a) || !Number.isInteger(b)) return fallback();
  const step = a > b ? -1 : 1;
  const values: number[] = [];
  for (let i = a; ; i += step) {
    values.push(i);
    if (i === b) break;
  }
  return values;
}

/** The built-in functions compiled directly (arity checked by the caller). */
export const builtins: Record<string, { arity: number; call: (...args: unknown[]) => unknown }> = {
  count: { arity: 1, call: (list) => (Array.isArray(list) ? list.length : fallback()) },
  not: { arity: 1, call: (value) => (typeof value === 'boolean' ? !value : null) },
  'distinct values': {
    arity: 1,
    call: (list) => (Array.isArray(list) && list.every(isScalar) ? [...new Set(list)] : fallback()),
  },
};
