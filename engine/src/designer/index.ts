/**
 * The designer's engine side (issue 7, R-12.4): drafts, diffs, publishing and rollback of
 * definitions by kind (who may edit which kind: `kindPolicy`), a rule set's test run and replay
 * against stored records, and an entity draft's impact on stored records. Routes: `/api/designer`.
 */
import type { AccessPolicy } from '../access/index.js';
import type { Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionPublisher, DefinitionRegistry, DefinitionRepository } from '../definitions/index.js';
import { DesignerCatalog } from './DesignerCatalog.js';
import { DesignerDrafts } from './DesignerDrafts.js';
import { DraftRepository } from './DraftRepository.js';
import { RulesetReplayer } from './RulesetReplayer.js';
import { SchemaImpactCheck } from './SchemaImpact.js';
import { StoredRecords } from './storedRecords.js';

export { designerGrants, editableKinds, kindTitles, requireDesigner, requireEditable } from './kindPolicy.js';
export { diffSummary, jsonDiff } from './jsonDiff.js';
export { processElementDiff } from './processDiff.js';
export { runRulesetCases } from './rulesetCases.js';
export { contentOf } from './DesignerDrafts.js';
export { DesignerCatalog, DesignerDrafts, DraftRepository, RulesetReplayer, SchemaImpactCheck };

export interface Designer {
  catalog: DesignerCatalog;
  drafts: DesignerDrafts;
  replayer: RulesetReplayer;
  impact: SchemaImpactCheck;
}

export function createDesigner(deps: { db: Database; registry: DefinitionRegistry; definitions: DefinitionRepository;
  publisher: DefinitionPublisher; access: AccessPolicy; clock: Clock }): Designer {
  const drafts = new DraftRepository(deps.db.knex);
  const records = new StoredRecords(deps.db);
  const catalog = new DesignerCatalog({ ...deps, drafts });
  return {
    catalog,
    drafts: new DesignerDrafts({ ...deps, drafts, catalog }),
    replayer: new RulesetReplayer({ ...deps, records }),
    impact: new SchemaImpactCheck({ ...deps, records }),
  };
}
