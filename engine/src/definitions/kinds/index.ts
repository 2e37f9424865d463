import type { DefinitionKind } from '../types.js';
import { dictionaryHandler } from './dictionaryHandler.js';
import { entityHandler } from './entityHandler.js';
import type { KindHandler } from './KindHandler.js';
import { menuHandler } from './menuHandler.js';
import { policyHandler } from './policyHandler.js';
import { processHandler } from './processHandler.js';
import { rulesetHandler } from './rulesetHandler.js';
import { templateHandler } from './templateHandler.js';

export type { DefinitionSetView, KindHandler, ProblemAt } from './KindHandler.js';

/** Kinds with no semantic checks yet (their meta-schema is the whole check for now). */
const schemaOnly = (kind: DefinitionKind): KindHandler => ({ kind, check: () => [] });

export const kindHandlers: Record<DefinitionKind, KindHandler> = {
  entity: entityHandler,
  dictionary: dictionaryHandler,
  menu: menuHandler,
  ruleset: rulesetHandler,
  process: processHandler,
  document: schemaOnly('document'),
  policy: policyHandler,
  template: templateHandler,
};
