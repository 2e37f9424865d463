import type { AccessPolicy, Actor } from '../../access/index.js';
import { writeAudit } from '../../audit/index.js';
import { isoNow, type Clock } from '../../clock/index.js';
import type { Database } from '../../db/index.js';
import type { EntityVersion } from '../../definitions/index.js';
import type { RecordView } from '../types.js';
import { maskedData, revealedFields } from './masking.js';

export interface PresentDeps {
  db: Database;
  access: AccessPolicy;
  clock: Clock;
}

/** Whether the actor sees the entity's sensitive values in full: the menu's `reveal` action on the entity (查看完整证件号码). */
export const mayReveal = (access: AccessPolicy, actor: Actor, entity: string): boolean => access.can(actor, entity, 'reveal');

/**
 * Records as a response shows them: sensitive values masked for an actor without the reveal
 * permission; for one with it, in full, and — when `audit` — one `sensitive.reveal` audit row
 * (entity, record ids, field names, count; never the values) written before the response leaves.
 */
export async function presentRecords(deps: PresentDeps, actor: Actor, entity: EntityVersion, views: RecordView[],
  audit: boolean): Promise<RecordView[]> {
  const { schema } = entity;
  if (schema.sensitiveFields.length === 0) return views;
  if (!mayReveal(deps.access, actor, entity.definition.key)) {
    return views.map((view) => ({ ...view, data: maskedData(schema, view.data) }));
  }
  const fields = revealedFields(schema, views.map((v) => v.data));
  if (audit && fields.length > 0) {
    const ids = views.filter((v) => fields.some((f) => typeof v.data[f] === 'string')).map((v) => v.id);
    await writeAudit(deps.db.knex, actor, { action: 'sensitive.reveal', entity: entity.definition.key,
      ...(ids.length === 1 ? { recordId: ids[0] } : {}), details: { recordIds: ids, fields, count: ids.length } }, isoNow(deps.clock));
  }
  return views;
}
