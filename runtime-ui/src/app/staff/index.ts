export { CompletenessLoader, completenessText } from './completeness';
export { detailEntities, ownerField, scopedToOwner, type DetailEntity } from './detailEntities';
export { filterFields } from './FilterBar';
export { singleEditAction, singleEditFields, withSingleEditReadOnly, type SingleEditField } from './singleEdit';
export { StaffPage } from './StaffPage';
