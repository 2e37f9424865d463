import fs from 'node:fs/promises';
import path from 'node:path';
import { BadRequestError, ValidationError } from '../../errors/index.js';
import { newId } from '../../ids/index.js';
import type { AppContext } from '../context.js';
import { readMultipart } from '../multipart/index.js';

/** An uploaded workbook on disk and the form's options. */
export interface WorkbookUpload { file: string; overwrite: boolean }

const tooLarge = (maxBytes: number) => () => new ValidationError([{ code: 'FILE_TOO_LARGE', path: '/file',
  message: `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB，无法导入。请把数据分成几个文件分别导入。` }]);

/**
 * A multipart body with one `file` (at most `maxBytes`), moved into `dir` for the import job,
 * and the field `overwrite` ("true"). Nothing is kept when the body is refused.
 */
export async function receiveWorkbook(ctx: AppContext, dir: string, maxBytes: number): Promise<WorkbookUpload> {
  const body = await readMultipart(ctx, { fileField: 'file', maxFiles: 1, maxFileBytes: maxBytes, fields: ['overwrite'],
    spool: 'disk', maxBodyBytes: maxBytes + 64 * 1024, tooLarge: tooLarge(maxBytes) });
  try {
    const [upload] = body.files;
    if (!upload?.path) throw new BadRequestError('请选择要导入的 Excel 文件（字段名 file）。', 'BAD_REQUEST', '/file');
    if (upload.tooLarge) throw tooLarge(maxBytes)();
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${newId()}.xlsx`);
    await fs.copyFile(upload.path, file);
    const overwrite = body.fields.overwrite === 'true' || body.fields.overwrite === '1';
    return { file, overwrite };
  } finally {
    await body.dispose();
  }
}
