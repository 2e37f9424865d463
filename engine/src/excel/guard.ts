import fs from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DEFAULT_READ_LIMITS, UnsafeFileError, type ReadLimits } from './types.js';

const MB = 1024 * 1024;
/** Entries smaller than this inflated are not held to the ratio cap (small XML compresses very well). */
const RATIO_FLOOR = MB;
const ZIP_SIGNATURE = 0x04034b50;
const OLE_SIGNATURE = 'd0cf11e0a1b11ae1';
/** Gaps a data descriptor may leave after an entry's data: with or without signature, 32 or 64 bit sizes. */
const DESCRIPTOR_LENGTHS = [12, 16, 20, 24];

const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
const NOT_XLSX = '文件不是 Excel 工作簿（.xlsx）。请使用从本系统下载的导入模板填写后上传。';
const DAMAGED = '文件已损坏或不是有效的 .xlsx 文件，无法读取。请在 Excel 中打开并重新保存为 .xlsx 后再上传。';

async function checkSignature(file: string, limits: ReadLimits): Promise<void> {
  const stat = await fs.stat(file);
  if (stat.size > limits.maxBytes) {
    throw new UnsafeFileError(`文件大小为 ${mb(stat.size)}，超过了 ${mb(limits.maxBytes)} 的上限。请把数据分成几个文件分别导入。`);
  }
  const handle = await fs.open(file, 'r');
  const head = Buffer.alloc(8);
  try {
    await handle.read(head, 0, 8, 0);
  } finally {
    await handle.close();
  }
  if (head.toString('hex') === OLE_SIGNATURE) {
    throw new UnsafeFileError('这是旧版 Excel（.xls）文件。请在 Excel 中“另存为” Excel 工作簿（.xlsx）后再上传。');
  }
  if (stat.size < 22 || head.readUInt32LE(0) !== ZIP_SIGNATURE) throw new UnsafeFileError(NOT_XLSX);
}

/** The central directory: entry count, names, declared sizes and ratios, encryption, compression methods. */
async function readEntries(zip: ZipFile, fileSize: number, limits: ReadLimits): Promise<Entry[]> {
  if (zip.entryCount > limits.maxEntries) {
    throw new UnsafeFileError(`文件包含 ${zip.entryCount} 个内部条目，超过了 ${limits.maxEntries} 个的上限，不是正常的导入文件。`);
  }
  const entries: Entry[] = [];
  let declared = 0;
  for await (const entry of zip.eachEntry()) {
    if (entry.isEncrypted()) throw new UnsafeFileError('文件已加密或设置了打开密码。请取消密码后重新保存再上传。');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new UnsafeFileError(DAMAGED);
    declared += entry.uncompressedSize;
    checkInflation(entry, entry.uncompressedSize, declared, limits);
    entries.push(entry);
  }
  const names = new Set(entries.map((e) => e.fileName));
  if (names.size !== entries.length) throw new UnsafeFileError(DAMAGED);
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new UnsafeFileError(NOT_XLSX);
  if (declared > RATIO_FLOOR && declared / fileSize > limits.maxRatio) throw tooMuch(limits);
  return entries;
}

const tooMuch = (limits: ReadLimits) =>
  new UnsafeFileError(`文件解压后的内容过大（超过 ${mb(limits.maxInflatedBytes)} 或压缩比超过 ${limits.maxRatio} 倍），不是正常的导入文件，已拒绝读取。`);

function checkInflation(entry: Entry, entryBytes: number, totalBytes: number, limits: ReadLimits): void {
  if (totalBytes > limits.maxInflatedBytes) throw tooMuch(limits);
  if (entryBytes > RATIO_FLOOR && entryBytes / Math.max(entry.compressedSize, 1) > limits.maxRatio) throw tooMuch(limits);
}

/**
 * Entries must tile the file from offset 0 up to the central directory, each local header agreeing
 * with its central record: the streaming reader exceljs uses walks local headers, so data hidden
 * between or inside entries (or entries overlapping each other) would escape the checks above.
 */
async function checkTiling(zip: ZipFile, entries: Entry[], centralDirectoryOffset: number): Promise<void> {
  let cursor = 0;
  for (const entry of [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader)) {
    const gap = entry.relativeOffsetOfLocalHeader - cursor;
    if (gap !== 0 && !(cursor > 0 && DESCRIPTOR_LENGTHS.includes(gap))) throw new UnsafeFileError(DAMAGED);
    const local = await zip.readLocalFileHeaderPromise(entry);
    const sizesDeferred = (local.generalPurposeBitFlag & 0x8) !== 0;
    const sizesAgree = sizesDeferred || local.compressedSize === 0xffffffff || local.compressedSize === entry.compressedSize;
    if (local.compressionMethod !== entry.compressionMethod || !sizesAgree || local.fileName.toString('latin1') !== entry.fileNameRaw.toString('latin1')) {
      throw new UnsafeFileError(DAMAGED);
    }
    cursor = local.fileDataStart + entry.compressedSize;
  }
  const gap = centralDirectoryOffset - cursor;
  if (gap !== 0 && !DESCRIPTOR_LENGTHS.includes(gap)) throw new UnsafeFileError(DAMAGED);
}

/** Inflates every entry with a counter: headers can lie, the bytes cannot. Aborts as soon as a cap is passed. */
async function inflateBounded(zip: ZipFile, entries: Entry[], limits: ReadLimits): Promise<void> {
  let total = 0;
  for (const entry of entries) {
    const stream = await zip.openReadStreamPromise(entry);
    let bytes = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        total += chunk.length;
        checkInflation(entry, bytes, total, limits);
      }
    } catch (error) {
      // yauzl's own check: an entry inflating beyond the size its header declares.
      throw /too many bytes/.test((error as Error).message) ? tooMuch(limits) : error;
    } finally {
      stream.destroy();
    }
  }
}

/**
 * Refuses an upload before exceljs sees it (UnsafeFileError, Chinese): too big, not a zip, a zip
 * that is not an .xlsx, too many entries, inflating beyond the caps (declared or actual), entries
 * that do not tile the file. A zip bomb is refused within a second.
 */
export async function guardXlsx(file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<void> {
  await checkSignature(file, limits);
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw new UnsafeFileError(DAMAGED);
  }
  const centralDirectoryOffset = zip.readEntryCursor as unknown as number;
  try {
    const entries = await readEntries(zip, zip.fileSize, limits);
    await checkTiling(zip, entries, centralDirectoryOffset);
    await inflateBounded(zip, entries, limits);
  } catch (error) {
    throw error instanceof UnsafeFileError ? error : new UnsafeFileError(DAMAGED);
  } finally {
    zip.close();
  }
}
