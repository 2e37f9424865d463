export { mappedData, mappingForm, unmappedFilter } from './mappingForm';
export { MappingModal } from './MappingModal';
export { MappingPage } from './MappingPage';
