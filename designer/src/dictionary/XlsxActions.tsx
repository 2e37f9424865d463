import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { DictionaryImportResult, DictionaryItemDraft } from '@zjrj/engine/contract';
import { errorMessage } from '@zjrj/runtime-ui';
import { Alert, Button, List, Space, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import type { DesignerApi } from '../api/DesignerApi';

interface XlsxActionsProps {
  api: DesignerApi;
  definitionKey: string;
  readOnly: boolean;
  /** Puts the items read from a file into the draft. */
  onItems(items: DictionaryItemDraft[]): void;
}

/**
 * Export the items (the saved draft, else the version in force) as .xlsx, and import an edited file: the engine reads and checks it;
 * without problems the items replace the draft's, with problems they are listed by row and the
 * user decides (the draft keeps whatever it is given, nothing is published).
 */
export function XlsxActions({ api, definitionKey, readOnly, onItems }: XlsxActionsProps) {
  const [result, setResult] = useState<DictionaryImportResult>();
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  const apply = (items: DictionaryItemDraft[]) => {
    onItems(items);
    setResult(undefined);
    setNotice({ type: 'success', text: `已从文件读入 ${items.length} 项，替换了草稿中的字典项（尚未发布）。` });
  };
  const upload = async (file: File) => {
    setBusy(true);
    setNotice(undefined);
    try {
      const read = await api.importDictionary(definitionKey, file, file.name);
      if (read.problems.length === 0) apply(read.items);
      else setResult(read);
    } catch (e) {
      setNotice({ type: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Tooltip title="导出已保存的草稿；没有草稿时导出生效中的版本。可在 Excel 中修改后再导入。">
          <Button icon={<DownloadOutlined />} href={api.dictionaryExportUrl(definitionKey)}>导出 Excel</Button>
        </Tooltip>
        {!readOnly && (
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
            <Button icon={<UploadOutlined />} loading={busy}>从 Excel 导入</Button>
          </Upload>
        )}
      </Space>
      {notice && <Alert type={notice.type} showIcon closable title={notice.text} onClose={() => setNotice(undefined)} />}
      {result && (
        <Alert type="warning" showIcon title={`文件中有 ${result.problems.length} 处问题，字典项尚未放入草稿`}
          description={<List size="small" dataSource={result.problems} renderItem={(p) => <List.Item>{p.message}</List.Item>} />}
          action={<Space orientation="vertical">
            <Button size="small" onClick={() => apply(result.items)}>仍然导入，稍后在表格中修改</Button>
            <Button size="small" type="text" onClick={() => setResult(undefined)}>放弃</Button>
          </Space>} />
      )}
    </Space>
  );
}
