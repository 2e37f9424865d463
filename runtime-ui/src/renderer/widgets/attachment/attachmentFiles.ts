import type { SchemaNode } from '../../../api';

/** The formats an attachment field may declare (`x-attachment.accept`), as the engine checks them by content. */
export type AttachmentFormat = 'jpg' | 'png' | 'pdf';

/** The engine's limit (`MAX_FILE_BYTES`): checked here first so a clerk need not wait for a refusal. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const FORMATS: Record<AttachmentFormat, { label: string; extensions: string[]; mediaType: string }> = {
  jpg: { label: 'JPG', extensions: ['.jpg', '.jpeg'], mediaType: 'image/jpeg' },
  png: { label: 'PNG', extensions: ['.png'], mediaType: 'image/png' },
  pdf: { label: 'PDF', extensions: ['.pdf'], mediaType: 'application/pdf' },
};
const ALL: AttachmentFormat[] = ['jpg', 'png', 'pdf'];

const declaration = (schema: SchemaNode): { accept?: unknown; entryRequired?: unknown } | undefined => {
  const node = schema.type === 'array' && schema.items ? schema.items : schema;
  const declared = node['x-attachment'];
  return typeof declared === 'object' && declared !== null ? declared : undefined;
};

/** Whether a field holds attachment ids (`x-attachment` on it or on its items). */
export const isAttachmentField = (schema: SchemaNode): boolean => declaration(schema) !== undefined;

/** A scan required on single entry (`entryRequired`): once there, it may be replaced but not removed. */
export const isEntryRequired = (schema: SchemaNode): boolean => declaration(schema)?.entryRequired === true;

/** The declared formats of a field (`x-attachment` on it, or on its items for a list); all three by default. */
export function acceptedFormats(schema: SchemaNode): AttachmentFormat[] {
  const declared = declaration(schema)?.accept;
  const formats = Array.isArray(declared) ? declared.filter((f): f is AttachmentFormat => f in FORMATS) : [];
  return formats.length > 0 ? formats : ALL;
}

/** `.jpg,.jpeg,.png` for the file dialog. */
export const acceptAttribute = (formats: readonly AttachmentFormat[]): string =>
  formats.flatMap((f) => FORMATS[f].extensions).join(',');

/** `JPG、PNG 或 PDF`. */
export function formatNames(formats: readonly AttachmentFormat[]): string {
  const labels = formats.map((f) => FORMATS[f].label);
  return labels.length > 1 ? `${labels.slice(0, -1).join('、')} 或 ${labels.at(-1)}` : labels[0] ?? '';
}

/** `356 KB`, `1.2 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const extensionOf = (name: string) => /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';

/**
 * What is wrong with a chosen file before it is sent, in words for the clerk (undefined: send it).
 * The engine checks the content again and has the last word.
 */
export function fileProblem(file: { name: string; size: number; type: string }, formats: readonly AttachmentFormat[]): string | undefined {
  const extension = extensionOf(file.name);
  const known = formats.some((f) => FORMATS[f].extensions.includes(extension) || FORMATS[f].mediaType === file.type);
  if (!known) {
    return `「${file.name}」不是 ${formatNames(formats)} 文件：这里只能上传 ${formatNames(formats)} 格式的文件，请转换格式后重新上传。`;
  }
  if (file.size === 0) return `「${file.name}」是空文件，请重新选择。`;
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return `「${file.name}」有 ${formatSize(file.size)}，文件不能超过 10 MB，请压缩或缩小后重新上传。`;
  }
  return undefined;
}

/** Shown instead of an attachment field where no file service is connected (e.g. a designer preview). */
export const NO_FILE_SOURCE = '附件需要连接服务器后才能上传';

/** Whether the browser can show the file as an image. */
export const isImage = (mediaType: string | undefined): boolean => mediaType === 'image/jpeg' || mediaType === 'image/png';
