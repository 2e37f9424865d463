export { RecordListPage } from './RecordListPage';
