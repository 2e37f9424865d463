export { fieldContext, searchProperty, SensitiveRecordData } from './SensitiveRecordData.js';
export { maskedData, maskValue, revealedFields, withUnmaskedValues } from './masking.js';
export { mayReveal, presentRecords, type PresentDeps } from './present.js';
export { recordsStore, sealPlainRecords } from './atRest.js';
