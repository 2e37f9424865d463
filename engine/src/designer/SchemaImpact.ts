import type { Actor } from '../access/index.js';
import { maskIdNumbersDeep } from '../audit/index.js';
import type { SchemaImpact } from '../contract/index.js';
import type { DefinitionRegistry, EntityContent } from '../definitions/index.js';
import { BadRequestError, ValidationError } from '../errors/index.js';
import { createEntityAjv, EntitySchema } from '../schema/index.js';
import { kindOf } from './DesignerCatalog.js';
import { contentOf } from './DesignerDrafts.js';
import { requireEditable } from './kindPolicy.js';
import { RECORD_CAP, type StoredRecords } from './storedRecords.js';

const MAX_EXAMPLES = 20;

/** An entity draft's schema compiled as the engine would compile it once published (422 when it does not compile). */
function compileDraftSchema(content: EntityContent, registry: DefinitionRegistry): EntitySchema {
  if (typeof content.schema !== 'object' || content.schema === null) {
    throw new BadRequestError('实体定义缺少 schema（字段定义）。', 'BAD_REQUEST', '/content/schema');
  }
  try {
    return new EntitySchema(content.schema, createEntityAjv(registry), registry, content.uiSchema);
  } catch (error) {
    throw new ValidationError([{ code: 'DEFINITION', path: '/schema', message: `字段定义无法编译：${(error as Error).message}` }]);
  }
}

/**
 * Impact of an entity draft (issue 7): the stored records (in the caller's scope) the draft schema
 * would reject — a new required field, a narrowed list of values — counted, with examples.
 */
export class SchemaImpactCheck {
  constructor(private readonly deps: { registry: DefinitionRegistry; records: StoredRecords }) {}

  async check(actor: Actor, kindText: string, key: string, body: unknown): Promise<SchemaImpact> {
    const kind = kindOf(kindText);
    requireEditable(actor, kind);
    const content = contentOf(body) as EntityContent;
    if (kind !== 'entity' || content.kind !== 'entity' || content.key !== key) {
      throw new BadRequestError('影响评估只适用于实体表单，且草稿的 kind/key 应与地址一致。', 'BAD_REQUEST', '/content/key');
    }
    const schema = compileDraftSchema(content, this.deps.registry);
    const { rows, capped } = await this.deps.records.read(actor, key);
    let invalid = 0;
    const examples: SchemaImpact['examples'] = [];
    for (const row of rows) {
      const errors = schema.validate(row.data);
      if (errors.length === 0) continue;
      invalid += 1;
      if (examples.length < MAX_EXAMPLES) {
        examples.push({ recordId: row.id, orgName: row.orgName, messages: maskIdNumbersDeep(errors.map((e) => e.message)) as string[] });
      }
    }
    return { total: rows.length, invalid, examples, ...(capped ? { notice: `记录超过 ${RECORD_CAP} 条，只检查了前 ${RECORD_CAP} 条。` } : {}) };
  }
}
