export { AttachmentCard, type AttachmentCardProps } from './AttachmentCard';
export { AttachmentListWidget } from './AttachmentListWidget';
export { AttachmentWidget } from './AttachmentWidget';
export {
  acceptAttribute, acceptedFormats, fileProblem, formatNames, formatSize, isAttachmentField, isEntryRequired, MAX_ATTACHMENT_BYTES,
  type AttachmentFormat,
} from './attachmentFiles';
