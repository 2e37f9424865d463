/**
 * Rule sets in the browser: the engine's own evaluator (`@zjrj/engine/rules`) fed from form state,
 * so a clerk sees the server's verdict while typing; and fields derived by FEEL (`x-derive`).
 */
export { EntityRules, type LookupResolver, type RuledEntity } from './EntityRules';
export {
  batchProblems, entryItems, entryOf, entryPath, entryRecords, groupEntryLayout, ITEMS_FIELD, judgeEntry, placeProblems,
  problemCodes, type GroupEntryLayout,
} from './groupEntry';
export { deriveBehaviour, deriveFields } from './derive';
