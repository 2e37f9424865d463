import { describe, expect, it } from 'vitest';
import { CompiledRuleset, type RulesetContent } from './index.js';

const content: RulesetContent = {
  kind: 'ruleset', key: 'material', title: '补充材料', appliesTo: { entity: 'probation', examYear: 2024 },
  lookups: { person: 'personId' }, group: { by: 'personId' },
  parameters: { mainlandNationality: { value: 'CHN' } },
  rules: [
    { id: 'material', scope: 'group', when: 'person != null and person.nationality != mainlandNationality',
      assert: 'some s in segments satisfies s.supplementaryMaterial != null', message: '须上传补充材料' },
    { id: 'always', assert: 'true', message: '-' },
  ],
};
const ruleset = new CompiledRuleset(content, ['personId', 'supplementaryMaterial']);

describe('whether a rule applies to a record (its `when`)', () => {
  it('judges the `when` alone, whatever the assertion says', () => {
    const record = { personId: 'p1' };
    const hongKong = { person: { nationality: 'HKG' } };
    expect(ruleset.applies('material', { record, lookups: hongKong })).toBe(true);
    expect(ruleset.applies('material', { record: { ...record, supplementaryMaterial: 'f1' }, lookups: hongKong })).toBe(true);
    expect(ruleset.applies('material', { record, lookups: { person: { nationality: 'CHN' } } })).toBe(false);
    expect(ruleset.applies('material', { record, lookups: { person: null } })).toBe(false);
  });

  it('applies a rule without `when` always, and no unknown rule', () => {
    expect(ruleset.applies('always', { record: {} })).toBe(true);
    expect(ruleset.applies('unknown', { record: {} })).toBe(false);
  });
});
