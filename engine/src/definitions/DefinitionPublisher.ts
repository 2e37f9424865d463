import type { Actor } from '../access/index.js';
import { writeAudit } from '../audit/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import { BadRequestError, ValidationError } from '../errors/index.js';
import { checksumOf } from './canonical.js';
import type { DefinitionRegistry } from './DefinitionRegistry.js';
import type { DefinitionRepository } from './DefinitionRepository.js';
import type { MetaSchemas } from './metaSchemas.js';
import type { DefinitionContent, DefinitionKind, StoredDefinition } from './types.js';

const kindTitles: Partial<Record<DefinitionKind, string>> = { ruleset: '填报规则（ruleset）' };
import { validateDefinitions } from './validateDefinitions.js';

/**
 * Publishes a definition sent over HTTP (a bureau's next-year rule set, say) as a new immutable
 * version: the same checks as at start — meta-schema, references, FEEL, the rule set's own test
 * cases — and then it is in force at once, without a restart.
 */
export class DefinitionPublisher {
  constructor(private readonly deps: { db: Database; repository: DefinitionRepository; registry: DefinitionRegistry;
    metaSchemas: MetaSchemas; clock: Clock }) {}

  /** `kinds`: the kinds this caller may publish (all when absent). */
  async publish(actor: Actor, content: unknown, kinds?: readonly DefinitionKind[]): Promise<StoredDefinition> {
    if (typeof content !== 'object' || content === null || Array.isArray(content)) {
      throw new BadRequestError('请求体应为 {"content": {…定义…}}。');
    }
    const definition = content as DefinitionContent;
    if (kinds && !kinds.includes(definition.kind)) {
      throw new BadRequestError(`这里只能发布${kinds.map((k) => kindTitles[k] ?? k).join('、')}，不能发布「${String(definition.kind)}」。`, 'BAD_REQUEST', '/content/kind');
    }
    const inForce = (await this.deps.repository.inForce()).map((d) => d.content);
    const problems = await validateDefinitions([{ source: '', content: definition }], inForce, this.deps.metaSchemas);
    if (problems.length > 0) {
      throw new ValidationError(problems.map((p) => ({ code: 'DEFINITION', path: p.path, message: p.message })));
    }
    const now = isoNow(this.deps.clock);
    const stored = await this.deps.repository.publish({ content: definition, checksum: checksumOf(definition), source: 'designer',
      createdBy: actor.accountId, now });
    await writeAudit(this.deps.db.knex, actor, { action: 'definition.publish',
      details: { kind: stored.kind, key: stored.key, version: stored.version } }, now);
    await this.deps.registry.refresh();
    return stored;
  }
}
