import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CompiledRuleset } from '../CompiledRuleset.js';
import type { RulesetContent } from '../types.js';
import { judgeCase, probation2024Cases } from './index.js';

const content = JSON.parse(fs.readFileSync(new URL('../../../../definitions/rulesets/probation-2024.json', import.meta.url), 'utf8')) as RulesetContent;
const fields = ['personId', 'candidateType', 'examYear', 'startDate', 'endDate', 'duration', 'supervisor',
  'supervisorCertificateCode', 'remarks', 'supplementaryMaterial'];

describe('probation 2024 table (pure evaluator)', () => {
  const ruleset = new CompiledRuleset(content, fields);
  it('has at least 40 cases', () => expect(probation2024Cases.length).toBeGreaterThanOrEqual(40));
  it.each(probation2024Cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const verdict = judgeCase(ruleset, testCase);
    expect(verdict.codes).toEqual([...testCase.expect].sort());
    expect(verdict.groupCodes).toEqual(verdict.codes);
  });
});
