import type { CompiledRuleset } from '../CompiledRuleset.js';
import type { ProbationCase } from './probation2024.js';

export { probation2024Cases, type ProbationCase, type ProbationCaseSegment } from './probation2024.js';

type Data = Record<string, unknown>;

/** Stands for the id of an uploaded JPG in the pure and browser runs (the HTTP run uploads one). */
export const MATERIAL_PLACEHOLDER = 'material';

/** The person a case files for: the fields rules look at. */
export const casePerson = (testCase: ProbationCase) => ({
  employmentStatus: testCase.person?.employmentStatus ?? '1',
  nationality: testCase.person?.nationality ?? 'CHN',
});

/** The probation records of a case, as a client submits them (the person and material ids filled in). */
export function caseRecords(testCase: ProbationCase, personId: string, materialId = MATERIAL_PLACEHOLDER): Data[] {
  return testCase.segments.map((segment) => ({
    personId, candidateType: segment.candidateType, examYear: 2024, startDate: segment.startDate, endDate: segment.endDate,
    supervisor: '李四', supervisorCertificateCode: '110420100000001',
    ...(segment.material ? { supplementaryMaterial: materialId } : {}),
  }));
}

/** Each record of a batch judged with the others as its group, the way the server and the form do. */
export function judgeBatch(judge: (record: Data, others: Data[]) => Array<{ code: string }>, records: Data[]): string[] {
  const codes = records.flatMap((record, index) => judge(record, records.filter((_r, i) => i !== index)).map((v) => v.code));
  return [...new Set(codes)].sort();
}

/**
 * The verdict of a case under a compiled rule set, without a server: each record judged on its own
 * (`judge`, as the server does) and the group judged at once (`judgeGroup`, as forms and imports do).
 */
export function judgeCase(ruleset: CompiledRuleset, testCase: ProbationCase): { codes: string[]; groupCodes: string[] } {
  const person = casePerson(testCase);
  const records = caseRecords(testCase, 'person');
  return {
    codes: judgeBatch((record, others) => ruleset.judge({ record, lookups: { person }, others }), records),
    groupCodes: [...new Set(ruleset.judgeGroup(records, { person }).flat().map((v) => v.code))].sort(),
  };
}
