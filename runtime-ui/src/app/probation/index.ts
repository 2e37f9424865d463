export { EntryDrawer, type EntryDrawerProps } from './EntryDrawer';
export { demandedFields, entryForm, foldableFields, type EntryForm } from './entrySchema';
export { GroupEntryPage } from './GroupEntryPage';
export { groupRecords, judgeGroup, totalDuration, type RecordGroup } from './groups';
export { maskId, summarize } from './recordSummary';
export type { EntryTarget } from './useGroupEntry';
