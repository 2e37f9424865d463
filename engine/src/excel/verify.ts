import { META_FORMAT, REASON_TITLE, TemplateMismatchError, type ImportLayout } from './types.js';

/** What the hidden `_meta` sheet says about the workbook (written by `writeMetaSheet`). */
export interface SheetMeta {
  format?: string;
  entity?: string;
  title?: string;
  version?: number;
  checksum?: string;
  keys: string[];
}

/** Where the layout's columns start in the sheet: after an error report's `错误原因` column, if present. */
export interface Verified { offset: number }

const SHOWN_PROBLEMS = 8;

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const where = (index: number) => `第 ${index + 1} 列（${columnLetter(index)} 列）`;

/** Differences between the header and the layout's titles: renamed, missing, extra, moved columns. */
function headerProblems(header: string[], offset: number, expected: string[]): string[] {
  const actual = header.slice(offset);
  const missing = expected.filter((t) => !actual.includes(t));
  const extra = actual.filter((t) => !expected.includes(t));
  const problems: string[] = [];
  actual.forEach((title, i) => {
    const wanted = expected[i];
    if (wanted !== undefined && title !== wanted && missing.includes(wanted) && extra.includes(title)) {
      problems.push(`${where(i + offset)}应为「${wanted}」，现为「${title || '（空）'}」`);
      missing.splice(missing.indexOf(wanted), 1);
      extra.splice(extra.indexOf(title), 1);
    }
  });
  problems.push(...missing.map((t) => `缺少列「${t}」`));
  problems.push(...extra.map((t) => `多出了列「${t || '（空）'}」（${where(actual.indexOf(t) + offset)}）`));
  if (problems.length === 0 && actual.length > expected.length) {
    problems.push(`多出了列「${actual[expected.length]}」（${where(expected.length + offset)}）`);
  } else if (problems.length === 0) {
    const moved = expected.findIndex((t, i) => actual[i] !== t);
    if (moved >= 0) problems.push(`列的顺序被调整过：${where(moved + offset)}应为「${expected[moved]}」，现为「${actual[moved]}」`);
  }
  return problems;
}

/** The header row's titles, trailing empty cells dropped. */
export function headerTitles(values: unknown[]): string[] {
  const titles = values.map((v) => (v === null || v === undefined ? '' : String(v).trim()));
  while (titles.length > 0 && titles[titles.length - 1] === '') titles.pop();
  return titles;
}

/** Checks the header row alone (usable before `_meta` is read); returns where the layout's columns start. */
export function verifyHeader(header: string[], layout: ImportLayout): Verified {
  const offset = header[0] === REASON_TITLE ? 1 : 0;
  const problems = headerProblems(header, offset, layout.columns.map((c) => c.title));
  if (problems.length > 0) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).join('；') + (problems.length > SHOWN_PROBLEMS ? ` 等 ${problems.length} 处` : '');
    throw new TemplateMismatchError(`表格的列与「${layout.title}」的导入模板不一致：${shown}。` +
      '请不要增加、删除、改名或移动模板中的列；请重新下载导入模板，把数据复制到新模板中再导入。', problems);
  }
  return { offset };
}

/**
 * The upload is this entity's template in force: `_meta` present and naming the entity, the header
 * row equal to the layout's titles (an error report's leading `错误原因` allowed), the column
 * checksum unchanged. Throws TemplateMismatchError with a Chinese message saying what differs.
 */
export function verifyTemplate(meta: SheetMeta | undefined, header: string[], layout: ImportLayout): Verified {
  const download = `请下载「${layout.title}」的导入模板，把数据复制到模板中再导入。`;
  if (!meta || meta.format !== META_FORMAT || !meta.entity) {
    throw new TemplateMismatchError(`该文件不是本系统的「${layout.title}」导入模板（缺少隐藏的模板信息）。${download}`);
  }
  if (meta.entity !== layout.entity) {
    throw new TemplateMismatchError(`该文件是「${meta.title ?? meta.entity}」的导入模板，不能导入到「${layout.title}」。${download}`);
  }
  const verified = verifyHeader(header, layout);
  const keysChanged = meta.keys.join('\n') !== layout.columns.map((c) => c.key).join('\n');
  if (meta.checksum !== layout.checksum || keysChanged) {
    const versions = meta.version === undefined ? '' : `（模板为第 ${meta.version} 版，当前为第 ${layout.version} 版）`;
    throw new TemplateMismatchError(`模板已过期：下载该模板后「${layout.title}」的列设置发生了变化${versions}。` +
      '请重新下载导入模板，把数据复制到新模板中再导入。');
  }
  return verified;
}
