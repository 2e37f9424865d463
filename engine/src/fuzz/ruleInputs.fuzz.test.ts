import fs from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompiledRuleset, type RulesetContent } from '../rules/index.js';
import { boundMemory, MEMORY_BOUND_MIB } from './memory.js';
import { POLLUTING_KEYS, prototypeSnapshot } from './prototype.js';

const content = JSON.parse(fs.readFileSync(new URL('../../../definitions/rulesets/probation-2024.json', import.meta.url), 'utf8')) as RulesetContent;
const fields = ['personId', 'candidateType', 'examYear', 'startDate', 'endDate', 'duration', 'supervisor',
  'supervisorCertificateCode', 'remarks', 'supplementaryMaterial'];
const ruleIds = new Set(content.rules.map((r) => r.id));
/**
 * A verdict of one of the rule set's rules, or the typed `RULE_ERROR` naming the rule that could
 * not judge (values of the wrong type: on the server the schema refuses those before any rule runs).
 */
const isOwnVerdict = (v: { code: string; rule?: string; message: string }) =>
  typeof v.message === 'string' && /[\u4e00-\u9fff]/.test(v.message)
  && (ruleIds.has(v.code) || (v.code === 'RULE_ERROR' && ruleIds.has(v.rule ?? '')));

/** A field value as a form, an import or a hostile client could send it. */
const value = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 30 }),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('fresh', 'nonFresh', '2024', 'CHN', 'HKG', '1'), fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }));
const key = fc.oneof(fc.constantFrom(...fields, ...POLLUTING_KEYS), fc.string({ maxLength: 12 }));
/** Records parsed from JSON, as the HTTP body would be (JSON.parse makes `__proto__` an own key). */
const record = fc.dictionary(key, value, { maxKeys: 12 }).map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);
const person = fc.option(fc.dictionary(fc.oneof(fc.constantFrom('employmentStatus', 'nationality', '__proto__'), fc.string({ maxLength: 10 })),
  value, { maxKeys: 4 }).map((p) => JSON.parse(JSON.stringify(p)) as Record<string, unknown>), { nil: null });

/** Property-based: whatever a record holds, judging it gives verdicts of the rule set's own rules, and nothing else. */
const sampleMemory = boundMemory({ beforeEach, afterEach },
  (peak) => expect(peak, 'memory growth over the run, MiB').toBeLessThan(MEMORY_BOUND_MIB));

describe('FEEL rule sets under arbitrary record values', () => {
  const ruleset = new CompiledRuleset(content, fields);

  it('judge one record with arbitrary fields and lookups: only the rule set\'s own verdicts come back', () => {
    const before = prototypeSnapshot();
    fc.assert(fc.property(record, person, fc.array(record, { maxLength: 3 }), (data, lookup, others) => {
      const violations = ruleset.judge({ record: data, lookups: { person: lookup }, others });
      for (const v of violations) expect(isOwnVerdict(v), JSON.stringify(v)).toBe(true);
      sampleMemory();
    }), { numRuns: 1500 });
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('judge groups of arbitrary records the same way', () => {
    fc.assert(fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), person, (records, lookup) => {
      const verdicts = ruleset.judgeGroup(records, { person: lookup });
      expect(verdicts).toHaveLength(records.length);
      for (const v of verdicts.flat()) expect(isOwnVerdict(v), JSON.stringify(v)).toBe(true);
      sampleMemory();
    }), { numRuns: 500 });
  });
});
