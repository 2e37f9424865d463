import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { EntityDefinition, ExportQuery, ImportJob, MenuAction } from '../../api';
import { useAppServices } from '../AppServices';
import { ImportDialog } from './ImportDialog';

export interface ImportExportButtonsProps {
  definition: EntityDefinition;
  actions: readonly MenuAction[];
  /** The list's current search and filters, repeated by 导出. */
  exportQuery?: ExportQuery;
  /** A finished import wrote records: reload the list. */
  onImported(job: ImportJob): void;
}

/**
 * 导入 and 导出 for a list of an importable entity (its definition has an `import` block), each
 * shown only when the menu grants it.
 */
export function ImportExportButtons({ definition, actions, exportQuery, onImported }: ImportExportButtonsProps) {
  const { api } = useAppServices();
  const [open, setOpen] = useState(false);
  if (!definition.import) return null;
  return (
    <>
      {actions.includes('import') && <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>导入</Button>}
      {actions.includes('export') && (
        <Button icon={<DownloadOutlined />} href={api.imports.exportUrl(definition.key, exportQuery)} download>导出</Button>)}
      {open && <ImportDialog definition={definition} onClose={() => setOpen(false)} onImported={onImported} />}
    </>
  );
}
