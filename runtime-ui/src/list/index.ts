export { cellText, defaultCellRules, type CellContext, type CellRule } from './cellText';
export { buildColumns, listFields, referencedIds, searchFieldTitles } from './columns';
