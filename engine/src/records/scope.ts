import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';

/**
 * Org scope of every record query (deny by default): an institution sees its own records; a
 * bureau (or the system level) sees the records of every organisation in its subtree.
 */
export function applyReadScope(query: Knex.QueryBuilder, actor: Actor, column = 'records.org_id'): Knex.QueryBuilder {
  if (actor.orgLevel === 'institution') return query.where(column, actor.orgId);
  return query.whereIn(column, (sub) => {
    void sub.select('id').from('orgs').where('path', 'like', `${actor.orgPath}%`);
  });
}
