import type { AccessPolicy, Actor } from '../access/index.js';
import { maskIdNumber, maskIdNumbersDeep } from '../audit/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import type { ScopedRecord } from './storedRecords.js';

type Data = Record<string, unknown>;

/** The referenced entities a record's label names (those with a `titleField`: the person a segment belongs to). */
export function labelRefs(registry: DefinitionRegistry, entityKey: string): Array<{ field: string; entity: string }> {
  const schema = registry.entity(entityKey)?.schema;
  return (schema?.refs ?? []).filter((r) => registry.entity(r.entity)?.definition.content.titleField).map((r) => ({ field: r.field, entity: r.entity }));
}

/**
 * A short human label of a stored record: its own title, or the referenced person's name with the
 * ID number masked (only for a caller who may read that entity), then its year and dates. Never a
 * full ID number: whatever looks like one is masked.
 */
export function recordLabeler(deps: { registry: DefinitionRegistry; access: AccessPolicy }, actor: Actor, entityKey: string,
  targets: ReadonlyMap<string, ScopedRecord>): (record: ScopedRecord) => string {
  const entity = deps.registry.entity(entityKey);
  const titleField = entity?.definition.content.titleField;
  const dates = (entity?.schema.fields ?? []).filter((f) => f.schema.format === 'date').map((f) => f.name);
  const refs = labelRefs(deps.registry, entityKey).filter((r) => deps.access.canRead(actor, r.entity));
  const nameOf = (ref: { entity: string }, target: Data): string => {
    const schema = deps.registry.entity(ref.entity)!;
    const name = String(target[schema.definition.content.titleField!] ?? '');
    const idNumber = schema.schema.sensitiveFields.map((f) => target[f]).find((v) => typeof v === 'string');
    return typeof idNumber === 'string' ? `${name}（${maskIdNumber(idNumber)}）` : name;
  };
  return (record) => {
    const parts: string[] = [];
    if (titleField && record.data[titleField] !== undefined) parts.push(String(record.data[titleField]));
    for (const ref of refs) {
      const target = targets.get(String(record.data[ref.field]));
      if (target && target.orgId === record.orgId) parts.push(nameOf(ref, target.data));
    }
    if (record.data.examYear !== undefined) parts.push(`${String(record.data.examYear)} 年度`);
    const period = dates.map((f) => record.data[f]).filter((v) => typeof v === 'string');
    if (period.length) parts.push(period.join(' 至 '));
    return String(maskIdNumbersDeep(parts.join('，') || `记录 ${record.id.slice(0, 8)}`));
  };
}
