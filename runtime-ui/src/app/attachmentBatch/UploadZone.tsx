import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Upload } from 'antd';
import type { AttachmentBatchUpload } from '../../api';
import { summarizeUpload, type BatchDeclaration } from './batchView';

const EXTENSIONS: Record<string, string> = { JPG: '.jpg,.jpeg', PNG: '.png', PDF: '.pdf' };

export interface UploadZoneProps {
  declaration: BatchDeclaration;
  uploading: boolean;
  disabled: boolean;
  /** Every file of one drop (or one choice in the file dialog), at once. */
  onFiles(files: File[]): void;
}

/**
 * The drop zone: many files at once, nothing sent per file — the whole drop goes to `onFiles`.
 * The file dialog offers the accepted formats; a drop takes anything, so the server can say why a
 * file was refused (a PNG named .jpg is refused by its content).
 */
export function UploadZone({ declaration, uploading, disabled, onFiles }: UploadZoneProps) {
  const format = declaration.formats.split('、').map((f) => EXTENSIONS[f] ?? '').filter(Boolean).join(',');
  return (
    <Upload.Dragger multiple fileList={[]} showUploadList={false} disabled={disabled || uploading}
      accept={{ format, filter: 'native' }} data-testid="attachment-batch-dropzone"
      beforeUpload={(file, batch) => {
        // Called once per file with the whole drop: hand the drop over once, at its last file.
        if (file === batch.at(-1)) onFiles(batch);
        return false;
      }}>
      <p className="ant-upload-drag-icon"><InboxOutlined /></p>
      <p className="ant-upload-text">{uploading ? '正在上传，请稍候…' : `把${declaration.fieldTitle}图片拖到这里，或点击选择文件（可一次选择多个）`}</p>
      <p className="ant-upload-hint">
        {`只接受 ${declaration.formats} 格式，单个文件不超过 10 MB；文件名须包含人员的证件号码（如 张三_H12345678.jpg），系统据此对应到人员。`}
      </p>
    </Upload.Dragger>
  );
}

/** After an upload: how many files were matched, and each file that was not, with why. */
export function UploadResult({ result, onClose }: { result: AttachmentBatchUpload; onClose(): void }) {
  const summary = summarizeUpload(result);
  return (
    <Alert type={summary.type} showIcon title={summary.title} data-testid="attachment-batch-result"
      action={<Button size="small" onClick={onClose}>关闭</Button>}
      description={result.unmatched.length > 0 && (
        <Table size="small" dataSource={result.unmatched.map((item, key) => ({ ...item, key }))}
          pagination={{ pageSize: 10, hideOnSinglePage: true }} columns={[
            { title: '文件名', dataIndex: 'fileName', width: 280 },
            { title: '未能导入的原因', dataIndex: 'reason' },
          ]} />
      )} />
  );
}
