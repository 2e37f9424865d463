/** Personnel transfers: 调入申请 by the receiving institution, approved by the releasing one; the person moves with their records. */
export { TransferService, type TransferCandidate, type TransferServiceDeps } from './TransferService.js';
export { registerTransferActions, transferActions, type TransferActionDeps } from './actions.js';
export { transferPermissions } from './permissions.js';
export type { TransferSide } from './listQuery.js';
export type { Transfer, TransferOutcome, TransferStatus } from './TransferRepository.js';
export type { TransferDetail, TransferStage, TransferView } from './views.js';
