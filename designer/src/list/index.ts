export { DefinitionListPage, StatusTags } from './DefinitionListPage';
export { kindLabel, kindLabels, kindOrder } from './kinds';
