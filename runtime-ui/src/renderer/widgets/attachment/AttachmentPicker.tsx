import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Typography, Upload } from 'antd';
import type { FileView } from '../../../api';
import { acceptAttribute, formatNames, type AttachmentFormat } from './attachmentFiles';
import type { AttachmentUpload } from './useAttachmentUpload';

export interface AttachmentPickerProps {
  /** The field's id: its label points at the file input. */
  id?: string;
  formats: readonly AttachmentFormat[];
  upload: AttachmentUpload;
  onUploaded(file: FileView): void;
  multiple?: boolean;
  disabled?: boolean;
  /** A drop area (no file yet) or a small button (替换). */
  variant: 'dragger' | 'button';
}

/**
 * Choosing or dropping files. Every file reaches the checks (no silent filtering by the dialog's
 * accept list), so a wrong format or size is explained, never ignored.
 */
export function AttachmentPicker({ id, formats, upload, onUploaded, multiple = false, disabled, variant }: AttachmentPickerProps) {
  const props = {
    id,
    accept: { format: acceptAttribute(formats), filter: 'native' as const },
    multiple,
    disabled: disabled || (!multiple && upload.uploading),
    showUploadList: false,
    beforeUpload: (file: File) => {
      void upload.send(file).then((view) => { if (view) onUploaded(view); });
      return Upload.LIST_IGNORE;
    },
  };
  if (variant === 'button') {
    return <Upload {...props}><Button size="small" icon={<UploadOutlined />} loading={upload.uploading}>替换</Button></Upload>;
  }
  return (
    <Upload.Dragger {...props}>
      <p className="ant-upload-drag-icon"><InboxOutlined /></p>
      <p className="ant-upload-text">{upload.uploading ? '正在上传…' : '点击选择文件，或把文件拖到这里'}</p>
      <Typography.Text type="secondary">
        支持 {formatNames(formats)} 格式，{multiple ? '可一次选择多个文件，' : ''}单个文件不超过 10 MB
      </Typography.Text>
    </Upload.Dragger>
  );
}

/** The reason the last file was refused, under the picker. */
export function UploadProblem({ upload }: { upload: AttachmentUpload }) {
  if (!upload.problem) return null;
  return <Typography.Text type="danger" role="alert" style={{ display: 'block', marginTop: 4 }}>{upload.problem}</Typography.Text>;
}
