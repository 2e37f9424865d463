import { describe, expect, it } from 'vitest';
import { compileExpression } from '../feel.js';
import { feelHelpers } from '../helpers.js';

/**
 * The translation to JavaScript must give exactly what feelin gives: every expression below runs
 * on every input both ways. (Values feelin would treat differently fall back to feelin at run time.)
 */
const expressions = [
  'a = b', 'a != b', 'a < b', 'a <= b', 'a > b', 'a >= b', 'a + b', 'a - b', 'a * b', 'a / b', '-a',
  'a = null', 'null = a', 'a != null', 'a and b', 'a or b', 'not(a)', 'a < b and b < c', 'a = b or c',
  'if a then b else c', 'if a < b then "x" else null', 'count(list)', 'count(distinct values(list))',
  'list[1]', 'list[-1]', 'list[0]', 'list[5]', 'list[a]', 'list[item > 2]', 'list[item != null]', 'list[true]', 'list[false]',
  'people[age >= 18].name', 'people.name', 'people[1].name', 'for x in list return x * 2', 'for i in 1..3 return i', 'for i in 3..1 return i',
  'every x in list satisfies x > 0', 'some x in list satisfies x = b', 'every i in 2..count(list) satisfies list[i] > list[i - 1]',
  '(for i in 1..count(list) return if list[i] > 2 then i else null)[item != null][1]', '[a, b, c]', '[a, b][2]',
  'addDays(d, 1)', 'addMonths(d, a)', 'd <= addDays(e, 1)', 'latest(people.born)', 'monthsAndDays(d, e)', '"文字" + s', 's = "文字"',
];

const inputs: Array<Record<string, unknown>> = [
  { a: 1, b: 2, c: 3 }, { a: 2, b: 2, c: null }, { a: null, b: 1, c: true }, { a: 'x', b: 'y', c: 'z' }, { a: 'b', b: 'a', c: false },
  { a: true, b: false, c: true }, { a: null, b: null, c: null }, { a: 0, b: 0, c: 0 }, { a: 1.5, b: -2, c: 10 },
].flatMap((base) => [
  { ...base, list: [1, 2, 3], people: [{ name: '甲', age: 20, born: '2000-02-29' }, { name: '乙', age: 17, born: '1999-12-31' }],
    d: '2024-01-31', e: '2024-02-29', s: '文字' },
  { ...base, list: [3, null, 1, 3], people: [], d: null, e: '2023-12-31', s: null },
  { ...base, list: [], people: [{ name: null, age: null, born: null }], d: '2023-06-15', e: null, s: '' },
]);

const names = ['a', 'b', 'c', 'list', 'people', 'd', 'e', 's', ...Object.keys(feelHelpers)];

describe('FEEL translated to JavaScript agrees with feelin', () => {
  it.each(expressions)('%s', (source) => {
    const expression = compileExpression(source, names);
    expect(expression.translated).toBe(true);
    for (const input of inputs) {
      const variables = { ...feelHelpers, ...input };
      const outcome = (interpret: boolean) => {
        try { return { value: expression.run(variables, { interpret }).value }; } catch (error) { return { error: (error as Error).message }; }
      };
      expect(outcome(false), JSON.stringify(input)).toEqual(outcome(true));
    }
  });

  it('leaves what it does not translate to feelin', () => {
    for (const source of ['a in [1, 2]', 'a between 1 and 2', '{x: a}.x', 'date("2024-01-01")', 'string length(s)', 'f(x: 1)']) {
      expect(compileExpression(source, names).translated, source).toBe(false);
    }
  });
});
