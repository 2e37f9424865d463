export { RecordList, RecordListPage, type RecordListExtras, type RecordListProps } from './RecordListPage';
export { ErrorSummary, RecordDrawer } from './RecordDrawer';
export { useEntityDefinition } from './useEntityDefinition';
export { useRecordEditor, type EditorTarget, type RecordEditor } from './useRecordEditor';
