export { buildRecordTree, filterRecordTree, type FilteredTree, type RecordTreeNode, type TreeShape } from './recordTree';
export { RecordTreePage } from './RecordTreePage';
export { TemplateInit } from './TemplateInit';
export { treeShapeOf } from './treeShape';
export { loadAllRecords, useAllRecords } from './useAllRecords';
