export { DefinitionPage } from './DefinitionPage';
export { DiffTable, diffSummary } from './DiffTable';
export { problemsAt, readablePath } from './problems';
export { JsonTextArea, RawJsonEditor } from './RawJsonEditor';
