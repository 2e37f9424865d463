import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Space, Typography, Upload } from 'antd';
import { useEffect } from 'react';
import type { EntityDefinition, ImportJob } from '../../api';
import { useAppServices } from '../AppServices';
import { FinishedImport, QueuedImport } from './ImportResult';
import { useImportUpload, type ImportUpload } from './useImportUpload';

/** The guide's rules for filling in a template (§5.2.4 (3)). */
const TEMPLATE_NOTES = [
  '不要改动模板结构（表头、列的顺序、工作表），也不要增加工作表；',
  '机构名称、姓名和证件号码须与系统中的完全一致（注意身份证号码最后一位的 X）；',
  '证件号码等编码列应为“文本”格式，变成“1.31E+17”之类的数字将无法导入；',
  '日期按“2022-10-31”（年-月-日）格式填写；有下拉框的列请从下拉框中选择。',
];

export const OVERWRITE_HELP = '勾选后，文件中与系统已有数据相同的记录（如同一人员）将以文件内容替换已有信息；'
  + '不勾选时，这些行不会导入，并在错误报告中列出。';

function ChooseFile({ upload, templateUrl }: { upload: ImportUpload; templateUrl: string }) {
  const { file, refusal } = upload;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Button icon={<DownloadOutlined />} href={templateUrl} download>下载模板</Button>
        <ol style={{ paddingInlineStart: 20, margin: '8px 0 0' }}>
          {TEMPLATE_NOTES.map((note) => <li key={note}><Typography.Text type="secondary">{note}</Typography.Text></li>)}
        </ol>
      </div>
      <Upload.Dragger accept={{ format: '.xlsx', filter: 'native' }} maxCount={1} disabled={upload.busy}
        fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
        beforeUpload={(chosen: File) => { upload.choose(chosen); return false; }} onRemove={() => upload.clearFile()}>
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">把填写好的模板拖到这里，或点击选择文件</p>
        <Typography.Text type="secondary">一次导入一个 .xlsx 文件</Typography.Text>
      </Upload.Dragger>
      <div>
        <Checkbox checked={upload.overwrite} disabled={upload.busy}
          onChange={(e) => upload.setOverwrite(e.target.checked)}>覆盖已存在的数据</Checkbox>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px' }}>{OVERWRITE_HELP}</Typography.Paragraph>
      </div>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal.title}
        description={refusal.messages.map((m) => <div key={m}>{m}</div>)} />}
    </Space>
  );
}

export interface ImportDialogProps {
  definition: EntityDefinition;
  onClose(): void;
  /** A finished import wrote records (the list should read them). */
  onImported(job: ImportJob): void;
}

/**
 * 导入: download the template, pick or drop the filled .xlsx, choose overwrite, 开始导入; then the
 * counts with the error report, or the note that a large file is imported in the background.
 */
export function ImportDialog({ definition, onClose, onImported }: ImportDialogProps) {
  const { api } = useAppServices();
  const upload = useImportUpload(api.imports, definition.key);
  const { outcome } = upload;
  useEffect(() => {
    if (outcome && !outcome.background && outcome.job.imported > 0) onImported(outcome.job);
    // Told once per outcome.
  }, [outcome]);

  const footer = outcome
    ? [<Button key="again" onClick={upload.again}>继续导入</Button>, <Button key="close" type="primary" onClick={onClose}>关闭</Button>]
    : [<Button key="cancel" onClick={onClose}>取消</Button>,
      <Button key="start" type="primary" disabled={!upload.file} loading={upload.busy} onClick={() => void upload.start()}>开始导入</Button>];
  return (
    <Modal open title={`导入${definition.title}`} onCancel={onClose} footer={footer} mask={{ closable: false }} destroyOnHidden width={600}>
      {!outcome && <ChooseFile upload={upload} templateUrl={api.imports.templateUrl(definition.key)} />}
      {outcome && !outcome.background && <FinishedImport job={outcome.job} reportUrl={api.imports.errorReportUrl(outcome.job.id)} />}
      {outcome?.background && <QueuedImport job={outcome.job} />}
    </Modal>
  );
}
