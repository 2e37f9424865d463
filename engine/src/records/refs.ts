import type { DefinitionRegistry } from '../definitions/index.js';
import { ConflictError, type ErrorItem } from '../errors/index.js';
import type { RefField } from '../schema/index.js';
import type { RecordWriter, RefLink } from './store/index.js';
import type { RecordRow } from './types.js';

const MAX_TREE_DEPTH = 64;

/** Whether walking up from `startId` along `field` reaches `selfId` (a record becoming its own ancestor). */
async function formsCycle(writer: RecordWriter, field: string, startId: string, selfId: string): Promise<boolean> {
  let current: string | undefined = startId;
  for (let depth = 0; current && depth < MAX_TREE_DEPTH; depth += 1) {
    if (current === selfId) return true;
    const parent: RecordRow | undefined = await writer.findById(current);
    const next = parent?.data[field];
    current = typeof next === 'string' ? next : undefined;
  }
  return false;
}

/**
 * Each declared reference points at an existing record (or one written in the same batch, `pending`)
 * of the right entity in the same organisation, satisfying the reference's filter, and a tree reference forms no cycle.
 */
export async function checkRefs(writer: RecordWriter, row: RecordRow, refs: RefField[],
  pending: ReadonlyMap<string, RecordRow> = new Map()): Promise<{ errors: ErrorItem[]; links: RefLink[] }> {
  const errors: ErrorItem[] = [];
  const links: RefLink[] = [];
  for (const ref of refs) {
    const value = row.data[ref.field];
    if (typeof value !== 'string') continue;
    const path = `/${ref.field}`;
    const target = pending.get(value) ?? await writer.findById(value);
    if (!target || target.entity !== ref.entity || target.orgId !== row.orgId) {
      errors.push({ code: 'ref', path, message: `所选的「${ref.title}」不存在或已被删除，请重新选择。` });
    } else if (ref.filter && Object.entries(ref.filter).some(([k, v]) => target.data[k] !== v)) {
      errors.push({ code: 'refFilter', path, message: ref.filterMessage ?? `所选的「${ref.title}」不符合条件，请重新选择。` });
    } else if (ref.tree && await formsCycle(writer, ref.field, value, row.id)) {
      errors.push({ code: 'refCycle', path, message: `「${ref.title}」不能选择本身或其下级，请重新选择。` });
    } else {
      links.push({ field: ref.field, targetId: value });
    }
  }
  return { errors, links };
}

/** Refuses (409) to delete a record others still refer to, saying how many and what to do first. */
export async function assertNotReferenced(writer: RecordWriter, registry: DefinitionRegistry, target: RecordRow): Promise<void> {
  const referrers = await writer.referrers(target.id);
  if (referrers.length === 0) return;
  const errors = referrers.map(({ sourceEntity, field, count }): ErrorItem => {
    const source = registry.entity(sourceEntity);
    const ref = source?.schema.refs.find((r) => r.field === field);
    const template = ref?.deleteMessage ?? `还有 {count} 条「${source?.definition.content.title ?? sourceEntity}」引用了该记录，请先处理这些记录后再删除。`;
    return { code: 'REFERENCED', message: template.replace('{count}', String(count)), count, entity: sourceEntity };
  });
  throw new ConflictError(errors);
}
