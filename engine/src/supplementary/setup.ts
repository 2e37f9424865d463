import type { DefinitionRegistry, EntityAttachmentBatchDeclaration, EntityVersion } from '../definitions/index.js';
import { NotFoundError } from '../errors/index.js';
import type { CompiledRuleset, RulesetContent } from '../rules/index.js';
import type { AttachmentField } from '../schema/index.js';

/** The entity whose records group the owner's people by (the owner's `x-ref` to it names the department). */
const DEPARTMENT_ENTITY = 'department';
/** The field of a record that selects its yearly rule set (as `DefinitionRegistry.rulesetsFor` reads it). */
export const YEAR_FIELD = 'examYear';

/** The person the records belong to: the entity's reference to an entity with identity documents. */
export interface BatchOwner {
  /** The field of the declaring entity referring to the person (`personId`). */
  field: string;
  entity: string;
  nameField: string;
  idNumberField: string;
  /** The person's department reference and the department's name field, when it has one. */
  department?: { field: string; entity: string; nameField: string };
}

/** What a `attachmentBatch` declaration resolves to against the definitions in force. */
export interface BatchSetup {
  entity: EntityVersion;
  declaration: EntityAttachmentBatchDeclaration;
  attachment: AttachmentField;
  owner: BatchOwner;
}

const undeclared = (key: string) => new NotFoundError(`「${key}」没有批量导入附件的功能。`);

function ownerOf(registry: DefinitionRegistry, entity: EntityVersion): BatchOwner | undefined {
  for (const ref of entity.schema.refs) {
    const target = registry.entity(ref.entity);
    const identity = target?.definition.content.schema['x-idDocument'] as { number?: string } | undefined;
    const nameField = target?.definition.content.titleField;
    if (!target || !identity?.number || !nameField) continue;
    const departmentRef = target.schema.refs.find((r) => r.entity === DEPARTMENT_ENTITY);
    const departmentName = departmentRef && registry.entity(DEPARTMENT_ENTITY)?.definition.content.titleField;
    const department = departmentRef && departmentName
      ? { department: { field: departmentRef.field, entity: DEPARTMENT_ENTITY, nameField: departmentName } } : {};
    return { field: ref.field, entity: ref.entity, nameField, idNumberField: identity.number, ...department };
  }
  return undefined;
}

/**
 * The entity's `attachmentBatch` declaration with its single attachment field and the person its
 * records belong to; 404 when the entity does not declare one (or it cannot work).
 */
export function batchSetup(registry: DefinitionRegistry, entityKey: string): BatchSetup {
  const entity = registry.entity(entityKey);
  const declaration = entity?.definition.content.attachmentBatch;
  if (!entity || !declaration) throw undeclared(entityKey);
  const attachment = entity.schema.attachments.find((a) => a.field === declaration.field && !a.multiple);
  const owner = ownerOf(registry, entity);
  if (!attachment || !owner) throw undeclared(entityKey);
  return { entity, declaration, attachment, owner };
}

/** The yearly rule sets in force of the entity that hold the declared rule, by exam year. */
function rulesetsByYear(registry: DefinitionRegistry, setup: BatchSetup): Map<number, CompiledRuleset> {
  const key = setup.entity.definition.key;
  const years = new Map<number, CompiledRuleset>();
  for (const stored of registry.list('ruleset')) {
    const content = stored.content as unknown as RulesetContent;
    const year = content.appliesTo.examYear;
    if (content.appliesTo.entity !== key || year === undefined || !content.rules.some((r) => r.id === setup.declaration.rule)) continue;
    const compiled = registry.rulesetsFor(key, { [YEAR_FIELD]: year }).find((r) => r.content.key === content.key);
    if (compiled) years.set(year, compiled);
  }
  return years;
}

/** The exam years whose rule set holds the rule (newest first). */
export function batchYears(registry: DefinitionRegistry, setup: BatchSetup): number[] {
  return [...rulesetsByYear(registry, setup).keys()].sort((a, b) => b - a);
}

/** The rule set of the year that holds the rule, if any. */
export function rulesetOfYear(registry: DefinitionRegistry, setup: BatchSetup, year: number): CompiledRuleset | undefined {
  return rulesetsByYear(registry, setup).get(year);
}
