import type { WidgetProps } from '@rjsf/utils';
import { Typography } from 'antd';
import { useMemo } from 'react';
import type { SchemaNode } from '../../../api';
import { useRendererServices } from '../../refs';
import { AttachmentCard } from './AttachmentCard';
import { AttachmentPicker, UploadProblem } from './AttachmentPicker';
import { acceptedFormats, isEntryRequired, NO_FILE_SOURCE } from './attachmentFiles';
import { useAttachmentUpload } from './useAttachmentUpload';

/**
 * A field holding one uploaded file's id (`x-attachment`): a drop area until a file is uploaded,
 * then the file with preview, 下载, 替换 and 删除. Formats come from the declaration; the size is
 * checked before sending and the server's refusal is shown in its own words.
 */
export function AttachmentWidget({ id, value, disabled, readonly, onChange, schema }: WidgetProps) {
  const { files } = useRendererServices();
  const formats = useMemo(() => acceptedFormats(schema as SchemaNode), [schema]);
  const upload = useAttachmentUpload(files, formats);
  const current = typeof value === 'string' && value !== '' ? value : undefined;
  const locked = disabled || readonly;
  if (!files) return <Typography.Text type="secondary">{NO_FILE_SOURCE}</Typography.Text>;
  if (!current) {
    if (locked) return <Typography.Text type="secondary">未上传</Typography.Text>;
    return (
      <div>
        <AttachmentPicker id={id} variant="dragger" formats={formats} upload={upload} onUploaded={(file) => onChange(file.id)} />
        <UploadProblem upload={upload} />
      </div>
    );
  }
  return (
    <div>
      <AttachmentCard files={files} id={current} onRemove={locked || isEntryRequired(schema as SchemaNode) ? undefined : () => onChange(undefined)}
        replace={locked ? undefined
          : <AttachmentPicker id={id} variant="button" formats={formats} upload={upload} onUploaded={(file) => onChange(file.id)} />} />
      <UploadProblem upload={upload} />
    </div>
  );
}
