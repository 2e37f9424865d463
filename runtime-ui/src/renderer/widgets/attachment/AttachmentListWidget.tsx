import type { WidgetProps } from '@rjsf/utils';
import { Flex, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import type { SchemaNode } from '../../../api';
import { useRendererServices } from '../../refs';
import { AttachmentCard } from './AttachmentCard';
import { AttachmentPicker, UploadProblem } from './AttachmentPicker';
import { acceptedFormats, NO_FILE_SOURCE } from './attachmentFiles';
import { useAttachmentUpload } from './useAttachmentUpload';

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []);

/**
 * A list of uploaded files' ids (an array whose items carry `x-attachment`, e.g. 其他附件): every
 * file with preview, 下载 and 删除, and a drop area taking several files at once up to `maxItems`.
 */
export function AttachmentListWidget({ id, value, disabled, readonly, onChange, schema }: WidgetProps) {
  const { files } = useRendererServices();
  const formats = useMemo(() => acceptedFormats(schema as SchemaNode), [schema]);
  const upload = useAttachmentUpload(files, formats);
  const current = ids(value);
  // Uploads finish one by one after several files were dropped: each adds to the latest list.
  const latest = useRef(current);
  latest.current = current;
  const locked = disabled || readonly;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
  const room = max - current.length;
  const set = (next: string[]) => { latest.current = next; onChange(next.length > 0 ? next : undefined); };
  const add = (file: string) => { if (latest.current.length < max) set([...latest.current, file]); };
  if (!files) return <Typography.Text type="secondary">{NO_FILE_SOURCE}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {current.map((file) => (
        <AttachmentCard key={file} files={files} id={file}
          onRemove={locked ? undefined : () => set(latest.current.filter((f) => f !== file))} />
      ))}
      {locked && current.length === 0 && <Typography.Text type="secondary">未上传</Typography.Text>}
      {!locked && room > 0 && (
        <AttachmentPicker id={id} variant="dragger" multiple formats={formats} upload={upload}
          onUploaded={(file) => add(file.id)} />
      )}
      {!locked && room <= 0 && <Typography.Text type="secondary">最多 {String(schema.maxItems)} 个附件，如需更换请先删除。</Typography.Text>}
      <UploadProblem upload={upload} />
    </Flex>
  );
}
