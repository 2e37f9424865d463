import type { Clock } from '../../clock/index.js';
import type { DatabaseConfig, JobsConfig } from '../../config/index.js';
import type { Logger } from '../../log/index.js';
import type { JobRepository } from '../JobRepository.js';
import { PgBossDelivery } from './PgBossDelivery.js';
import { TableDelivery } from './TableDelivery.js';
import type { JobDelivery } from './types.js';

export { PgBossDelivery, type PgBossDeliveryDeps } from './PgBossDelivery.js';
export { TableDelivery, type TableDeliveryDeps } from './TableDelivery.js';
export type { DeliveryHost, JobDelivery, RunEnd } from './types.js';

export interface DeliveryContext { repository: JobRepository; clock: Clock; logger: Logger; config: JobsConfig; database: DatabaseConfig }

/** pg-boss's schema: `pgboss`, or beside the engine's own schema when it runs in one (tests, shared databases). */
export const queueSchemaOf = (database: Extract<DatabaseConfig, { client: 'postgres' }>): string =>
  database.searchPath ? `${database.searchPath}_jobs` : 'pgboss';

const deliveries: Record<JobDelivery['name'], (ctx: DeliveryContext) => JobDelivery> = {
  table: (ctx) => new TableDelivery(ctx),
  'pg-boss': (ctx) => {
    if (ctx.database.client !== 'postgres') throw new Error('JOB_QUEUE=pg-boss needs PostgreSQL (DATABASE_URL=postgres://…)');
    return new PgBossDelivery({ ...ctx, url: ctx.database.url, schema: queueSchemaOf(ctx.database) });
  },
};

/** The delivery `JOB_QUEUE` names; `auto` is pg-boss on PostgreSQL and the table on SQLite (one process per file). */
export function createDelivery(ctx: DeliveryContext): JobDelivery {
  const { queue } = ctx.config;
  const name = queue === 'auto' ? (ctx.database.client === 'postgres' ? 'pg-boss' : 'table') : queue;
  return deliveries[name](ctx);
}
