import type { Actor } from '../access/index.js';
import type { AttachmentBatchUpload } from '../contract/index.js';
import { AppError } from '../errors/index.js';
import { extensionsOf, sniffMediaType, type FileService } from '../files/index.js';
import type { RecordService } from '../records/index.js';
import type { Candidate, StoredRecord } from './candidates.js';
import { matchFileName } from './matching.js';
import type { BatchSetup } from './setup.js';

/** One uploaded file as the route received it (at most the size limit + 1 byte kept). */
export interface BatchFile {
  filename: string;
  tooLarge: boolean;
  bytes(): Promise<Buffer>;
}

/** Who places the files, where, and through which services. */
export interface Placement {
  actor: Actor;
  setup: BatchSetup;
  records: RecordService;
  files: FileService;
}

type Outcome = { target: Candidate } | { reason: string };

const TOO_LARGE = '文件超过 10 MB：请压缩或缩小图片后重新上传。';

/** Why bytes are not acceptable for the field, judged by content (never the name), or undefined. */
function contentProblem(bytes: Buffer, accept: readonly string[]): string | undefined {
  const mediaType = sniffMediaType(bytes);
  if (mediaType && accept.includes(extensionsOf(mediaType)[0]!)) return undefined;
  const labels = accept.map((a) => a.toUpperCase()).join('、');
  const kind = accept.every((a) => a !== 'pdf') ? '图片' : '文件';
  return `不是 ${labels} ${kind}（系统按文件内容识别格式，仅修改扩展名无效）：请另存为 ${labels} 格式后重新上传。`;
}

const reasonOf = (error: AppError) => error.items.map((item) => item.message).join('；');

/**
 * Sets the file on each of the person's records through `RecordService.update` (channel `import`:
 * the entry-only rules do not apply). A refusal undoes the records already changed and is the reason.
 */
async function setOnRecords(p: Placement, records: readonly StoredRecord[], fileId: string): Promise<string | undefined> {
  const entity = p.setup.entity.definition.key;
  const { field } = p.setup.attachment;
  const done: Array<{ record: StoredRecord; version: number }> = [];
  try {
    for (const record of records) {
      const saved = await p.records.update(p.actor, entity, record.id, record.version, { ...record.data, [field]: fileId }, 'import');
      done.push({ record, version: saved.version });
    }
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    for (const { record, version } of done.reverse()) {
      await p.records.update(p.actor, entity, record.id, version, record.data, 'import').catch(() => undefined);
    }
    return `未能保存到${p.setup.entity.definition.content.title}信息：${reasonOf(error)}`;
  }
}

async function placeOne(p: Placement, candidates: readonly Candidate[], claimed: ReadonlyMap<string, string>, file: BatchFile,
  fileName: string): Promise<Outcome> {
  if (file.tooLarge) return { reason: TOO_LARGE };
  const bytes = await file.bytes();
  const problem = contentProblem(bytes, p.setup.attachment.accept);
  if (problem) return { reason: problem };
  const match = matchFileName(fileName, candidates);
  if ('reason' in match) return match;
  const earlier = claimed.get(match.target.personId);
  if (earlier !== undefined) {
    return { reason: `本次上传的「${earlier}」已对应同一人员（${match.target.name}）：每名人员只保存一个文件，请确认后单独上传。` };
  }
  let fileId: string;
  try {
    // Stored as `陈港生_补充材料.jpg`: the ID number in the uploaded name goes no further (audit, downloads).
    const stored = `${match.target.name}_${p.setup.attachment.title}`;
    fileId = (await p.files.upload(p.actor, { filename: stored, bytes })).id;
  } catch (error) {
    if (error instanceof AppError) return { reason: reasonOf(error) };
    throw error;
  }
  const refused = await setOnRecords(p, match.target.records, fileId);
  return refused === undefined ? match : { reason: refused };
}

/** Every file in order: matched to one listed person and stored, or reported with why not. */
export async function placeFiles(p: Placement, candidates: readonly Candidate[],
  files: readonly BatchFile[]): Promise<AttachmentBatchUpload> {
  const result: AttachmentBatchUpload = { matched: [], unmatched: [] };
  const claimed = new Map<string, string>();
  for (const file of files) {
    const fileName = file.filename.split(/[/\\]/).at(-1)!.normalize('NFC');
    const outcome = await placeOne(p, candidates, claimed, file, fileName);
    if ('reason' in outcome) {
      result.unmatched.push({ fileName, reason: outcome.reason });
      continue;
    }
    claimed.set(outcome.target.personId, fileName);
    result.matched.push({ fileName, personId: outcome.target.personId, name: outcome.target.name });
  }
  return result;
}
