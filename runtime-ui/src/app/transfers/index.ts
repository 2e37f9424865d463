export { TransferApplyPage } from './ApplyPage';
export { TransfersInPage, TransfersOutPage } from './TransferListPages';
export { registerTransferTaskForms } from './transferTaskForms';
