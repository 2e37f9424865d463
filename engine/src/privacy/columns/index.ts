export { columnStore, type SealedColumn } from './columnStore.js';
export { openEnvelope, openJson, openText, sealEnvelope, sealJson, sealText } from './sealing.js';
