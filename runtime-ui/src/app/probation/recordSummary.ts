import type { EntityDefinition, RecordItem, RefAnnotation } from '../../lib';

/** An ID number with its middle hidden: `4201**********123X` (enough to tell two 张伟 apart, not to read it out). */
export function maskId(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  if (text.length >= 8) return `${text.slice(0, 4)}${'*'.repeat(text.length - 8)}${text.slice(-4)}`;
  return text.length > 2 ? `${text[0]}${'*'.repeat(text.length - 2)}${text.at(-1)}` : text;
}

/** The listed reference fields of an entity (e.g. a person's 所在部门), which help tell records apart. */
export function listedRefs(definition: EntityDefinition): Array<{ field: string; entity: string }> {
  return Object.entries(definition.schema.properties ?? {})
    .filter(([, node]) => node['x-list'] === true && typeof node['x-ref'] === 'object')
    .map(([field, node]) => ({ field, entity: (node['x-ref'] as RefAnnotation).entity }));
}

export interface RecordSummary {
  title: string;
  /** The identity document number, masked. */
  idNumber: string;
  /** Names of the listed references (e.g. the department). */
  refs: string[];
}

/**
 * How a record shows in a picker: its title, its masked ID number (`x-idDocument.number`) and the
 * names of its listed references, from `labels` (entity → id → name).
 */
export function summarize(definition: EntityDefinition, record: RecordItem,
  labels: ReadonlyMap<string, ReadonlyMap<string, string>>): RecordSummary {
  const title = definition.titleField ? record.data[definition.titleField] : undefined;
  const idField = (definition.schema['x-idDocument'] as { number?: string } | undefined)?.number;
  return {
    title: title === undefined || title === null || title === '' ? record.id : String(title),
    idNumber: idField ? maskId(record.data[idField]) : '',
    refs: listedRefs(definition).flatMap(({ field, entity }) => {
      const id = record.data[field];
      const name = typeof id === 'string' ? labels.get(entity)?.get(id) : undefined;
      return name ? [name] : [];
    }),
  };
}
