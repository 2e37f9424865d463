import type { Actor } from '../access/index.js';
import { writeAudit, type AuditAction } from '../audit/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import { BadRequestError, ValidationError } from '../errors/index.js';
import { checksumOf } from './canonical.js';
import type { DefinitionRegistry } from './DefinitionRegistry.js';
import type { DefinitionRepository } from './DefinitionRepository.js';
import type { MetaSchemas } from './metaSchemas.js';
import type { DefinitionContent, DefinitionKind, DefinitionProblem, StoredDefinition } from './types.js';

import { validateDefinitions } from './validateDefinitions.js';

const kindTitles: Partial<Record<DefinitionKind, string>> = { ruleset: '填报规则（ruleset）' };

/** How a publication is recorded: the publisher's note, and the audit action and details (the designer's diff summary, a rollback's source). */
export interface PublishOptions {
  note?: string;
  auditAction?: AuditAction;
  auditDetails?: Record<string, unknown>;
}

/**
 * Publishes a definition sent over HTTP (a bureau's next-year rule set, say) as a new immutable
 * version: the same checks as at start — meta-schema, references, FEEL, the rule set's own test
 * cases — and then it is in force at once, without a restart.
 */
export class DefinitionPublisher {
  constructor(private readonly deps: { db: Database; repository: DefinitionRepository; registry: DefinitionRegistry;
    metaSchemas: MetaSchemas; clock: Clock }) {}

  /** What publishing would refuse a definition for (meta-schema, references, FEEL, test cases, BPMN), against the definitions in force. */
  async check(content: DefinitionContent): Promise<DefinitionProblem[]> {
    const inForce = (await this.deps.repository.inForce()).map((d) => d.content);
    return validateDefinitions([{ source: '', content }], inForce, this.deps.metaSchemas);
  }

  /** `kinds`: the kinds this caller may publish (all when absent). */
  async publish(actor: Actor, content: unknown, kinds?: readonly DefinitionKind[], options: PublishOptions = {}): Promise<StoredDefinition> {
    if (typeof content !== 'object' || content === null || Array.isArray(content)) {
      throw new BadRequestError('请求体应为 {"content": {…定义…}}。');
    }
    const definition = content as DefinitionContent;
    if (kinds && !kinds.includes(definition.kind)) {
      throw new BadRequestError(`这里只能发布${kinds.map((k) => kindTitles[k] ?? k).join('、')}，不能发布「${String(definition.kind)}」。`, 'BAD_REQUEST', '/content/kind');
    }
    const problems = await this.check(definition);
    if (problems.length > 0) {
      throw new ValidationError(problems.map((p) => ({ code: 'DEFINITION', path: p.path, message: p.message })));
    }
    const now = isoNow(this.deps.clock);
    const stored = await this.deps.repository.publish({ content: definition, checksum: checksumOf(definition), source: 'designer',
      createdBy: actor.accountId, ...(options.note ? { note: options.note } : {}), now });
    await writeAudit(this.deps.db.knex, actor, { action: options.auditAction ?? 'definition.publish',
      details: { kind: stored.kind, key: stored.key, version: stored.version, ...options.auditDetails } }, now);
    await this.deps.registry.refresh();
    return stored;
  }
}
