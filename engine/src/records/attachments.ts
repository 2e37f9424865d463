import type { ErrorItem } from '../errors/index.js';
import type { AttachmentField } from '../schema/index.js';
import type { RecordWriter } from './store/index.js';
import type { RecordRow } from './types.js';

/** How a record arrives: typed in one at a time (attachments required where declared) or imported. */
export type WriteChannel = 'entry' | 'import';

const MEDIA_TYPES: Record<AttachmentField['accept'][number], string> = { jpg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };
const formats = (accept: AttachmentField['accept']) => accept.map((a) => a.toUpperCase()).join('、');

const idsOf = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Every attachment a record points at is an uploaded file of its own organisation, of an accepted
 * type; a scan declared `entryRequired` is there when the record is typed in — and once a
 * record has one, an edit cannot take it away.
 */
export async function checkAttachments(writer: RecordWriter, row: RecordRow, fields: AttachmentField[], channel: WriteChannel,
  previous?: Record<string, unknown>): Promise<ErrorItem[]> {
  const errors: ErrorItem[] = [];
  for (const field of fields) {
    const ids = idsOf(row.data[field.field]);
    const path = `/${field.field}`;
    const hadOne = idsOf(previous?.[field.field]).length > 0;
    if (ids.length === 0 && field.entryRequired && channel === 'entry' && (!previous || hadOne)) {
      errors.push({ code: 'attachmentRequired', path,
        message: `请上传「${field.title}」（${formats(field.accept)} 格式，单个文件不超过 10 MB）。` });
    }
    for (const [index, id] of ids.entries()) {
      const at = field.multiple ? `${path}/${index}` : path;
      const file = typeof id === 'string' ? await writer.findFile(id) : undefined;
      if (!file || file.orgId !== row.orgId) {
        errors.push({ code: 'attachment', path: at, message: `「${field.title}」的附件不存在或不属于本单位，请重新上传。` });
      } else if (!field.accept.some((a) => MEDIA_TYPES[a] === file.mediaType)) {
        errors.push({ code: 'attachmentType', path: at, message: `「${field.title}」只能上传 ${formats(field.accept)} 格式的文件，请重新上传。` });
      }
    }
  }
  return errors;
}
