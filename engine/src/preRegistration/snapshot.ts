import type { Database } from '../db/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import type { RecordRow } from '../records/index.js';
import type { CandidateSnapshot } from './SubmissionRepository.js';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The label of a field's dictionary code as defined now (the code itself when unknown). */
function label(registry: DefinitionRegistry, entity: string, field: string, code: unknown): string | null {
  if (code === undefined || code === null || code === '') return null;
  const key = registry.entity(entity)?.schema.field(field)?.schema['x-dictionary'];
  const item = typeof key === 'string' ? registry.dictionary(key)?.byCode.get(String(code)) : undefined;
  return item?.label ?? String(code);
}

/** What the person looked like when submitted, labels resolved (the accepted lists and their export show it as it was). */
export async function snapshotsOf(db: Database, registry: DefinitionRegistry, persons: readonly RecordRow[],
  segments: readonly RecordRow[]): Promise<Map<string, CandidateSnapshot>> {
  const departmentIds = [...new Set(persons.map((p) => p.data.departmentId).filter((id): id is string => typeof id === 'string'))];
  const departments = new Map<string, string>();
  if (departmentIds.length > 0) {
    const rows = await db.reader('records').whereIn('id', departmentIds).select('id', 'data') as Array<{ id: string; data: unknown }>;
    for (const row of rows) departments.set(row.id, String((db.dialect.parseJson(row.data) as Record<string, unknown>).name ?? ''));
  }
  return new Map(persons.map((person) => {
    const own = segments.filter((s) => s.data.personId === person.id);
    const d = person.data;
    return [person.id, {
      name: String(d.name ?? ''), sex: label(registry, 'person', 'sex', d.sex), documentType: label(registry, 'person', 'documentType', d.documentType),
      idNumber: String(d.idNumber ?? ''), birthDate: text(d.birthDate), mobile: text(d.mobile),
      department: typeof d.departmentId === 'string' ? departments.get(d.departmentId) ?? null : null,
      candidateType: label(registry, 'probation', 'candidateType', own[0]?.data.candidateType),
      probation: own.map((s) => `${String(s.data.startDate)} 至 ${String(s.data.endDate)}`),
    }];
  }));
}
