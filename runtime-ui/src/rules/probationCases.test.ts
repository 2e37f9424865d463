import fs from 'node:fs';
import path from 'node:path';
import type { RulesetView } from '@zjrj/engine/contract';
import { casePerson, caseRecords, probation2024Cases } from '@zjrj/engine/rules/cases';
import { describe, expect, it } from 'vitest';
import { EntityRules } from './EntityRules';
import { entryOf, groupEntryLayout, judgeEntry, problemCodes } from './groupEntry';

const definitions = path.resolve(import.meta.dirname, '../../../definitions');
const definition = (file: string) => JSON.parse(fs.readFileSync(path.join(definitions, file), 'utf8'));
const probation = definition('entities/probation.json') as { key: string; title: string; schema: { properties: object } };
const view: RulesetView = { key: 'probation-2024', version: 1, content: definition('rulesets/probation-2024.json') };
const rules = new EntityRules({ key: probation.key, title: probation.title, fields: Object.keys(probation.schema.properties) }, [view]);
const layout = groupEntryLayout(rules);

/**
 * The probation table of issue 4 through the browser-side evaluator, fed the way the probation
 * form feeds it: the case's segments as one entry `{personId, examYear, segments: […]}` with the
 * person looked up, every segment judged with the others. Same rule ids as the server's HTTP run.
 */
describe('probation 2024 table in the browser (the entry form\'s evaluator)', () => {
  it('lays the entry out as person and exam year over a list of segments', () => {
    expect(layout).toEqual({ shared: ['personId', 'examYear'], itemsField: 'segments' });
    expect(rules.years).toEqual([2024]);
  });

  it.each(probation2024Cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const entry = entryOf(layout, caseRecords(testCase, 'p1'));
    const person = casePerson(testCase);
    const problems = judgeEntry(rules, layout, entry, [], (field, id) => (field === 'personId' && id === 'p1' ? person : null));
    expect(problemCodes(problems)).toEqual([...testCase.expect].sort());
    for (const problem of problems) expect(problem.path).toMatch(/^\/(personId|segments\/\d+\/\w+)$/);
  });

  it('given the first segment stored and the second entered, then the stored one counts in the group', () => {
    const [first, second] = caseRecords(probation2024Cases.find((c) => c.name === '两段重叠一天')!, 'p1');
    const entry = entryOf(layout, [second!]);
    const problems = judgeEntry(rules, layout, entry, [first!], () => ({ employmentStatus: '1', nationality: 'CHN' }));
    expect(problems).toEqual([expect.objectContaining({ code: 'segmentsNotOverlapping', path: '/segments/0/startDate',
      message: expect.stringContaining('多段试用期的时间不能重叠') })]);
  });

  it('given a year without a rule set, then NO_RULESET is said at the exam year before saving', () => {
    const entry = { personId: 'p1', examYear: 2031, segments: [{ candidateType: 'fresh', startDate: '2030-06-01', endDate: '2031-05-31' }] };
    const problems = judgeEntry(rules, layout, entry, [], () => null);
    expect(problems).toEqual([expect.objectContaining({ code: 'NO_RULESET', path: '/examYear', message: expect.stringContaining('2031 年度') })]);
  });
});
