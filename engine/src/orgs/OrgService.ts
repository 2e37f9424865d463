import { newId } from '../ids/index.js';
import type { Knex } from 'knex';
import type { Models, OrgLevel, OrgModel } from '../db/index.js';

export type { OrgLevel };

/** The organisation tree: province → city → district → institutions. */
export class OrgService {
  constructor(private readonly models: Models) {}

  async get(id: string, trx?: Knex.Transaction): Promise<OrgModel | undefined> {
    return this.models.Org.query(trx).findById(id);
  }

  async create(input: { name: string; level: OrgLevel; parentId?: string; code?: string; now: string },
    trx?: Knex.Transaction): Promise<OrgModel> {
    const id = newId();
    const parent = input.parentId ? await this.get(input.parentId, trx) : undefined;
    if (input.parentId && !parent) throw new Error(`Parent organisation ${input.parentId} does not exist`);
    return this.models.Org.query(trx).insertAndFetch({
      id, parentId: input.parentId ?? null, name: input.name, level: input.level,
      path: `${parent?.path ?? '/'}${id}/`, code: input.code ?? null, createdAt: input.now,
    });
  }
}
