import type { Knex } from 'knex';
import type { Database } from '../db/index.js';
import type { EntityVersion } from '../definitions/index.js';
import { ConflictError, NotFoundError, ValidationError, type ErrorItem } from '../errors/index.js';
import { keysOf, toRecordRow, type RawRecord, type RecordRow } from '../records/index.js';

type Q = Knex | Knex.Transaction;
type Data = Record<string, unknown>;

/** Who the receiving institution means: exact name, document type and number (as the person's record holds them). */
export interface PersonIdentity {
  name: string;
  documentType: string;
  idNumber: string;
}

/** The key of `person` that identifies someone by ID document (`definitions/entities/person.json`). */
const ID_KEY = 'idDocument';
const FIELDS = ['name', 'documentType', 'idNumber'] as const;
const TITLES: Record<(typeof FIELDS)[number], string> = { name: '姓名', documentType: '证件类型', idNumber: '证件号码' };

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{name, documentType, idNumber}` normalised as the person schema does (trimmed, ID number in its canonical form). */
export function readIdentity(person: EntityVersion, input: unknown): PersonIdentity {
  const body = isObject(input) ? input : {};
  const normalized = person.schema.normalize(Object.fromEntries(FIELDS.map((f) => [f, typeof body[f] === 'string' ? body[f] : undefined])));
  const problems: ErrorItem[] = FIELDS.filter((f) => typeof normalized[f] !== 'string')
    .map((f) => ({ code: 'required', path: `/${f}`, message: `请填写调入人员的「${TITLES[f]}」，须与其所在单位登记的完全一致。` }));
  if (problems.length > 0) throw new ValidationError(problems);
  return { name: String(normalized.name), documentType: String(normalized.documentType), idNumber: String(normalized.idNumber) };
}

const notFound = () => new NotFoundError('没有找到姓名、证件类型和证件号码都一致的人员。请核对后重新输入（须与其所在单位登记的信息完全一致）；如仍找不到，请联系其所在单位核实。');

/**
 * The person the identity names in another institution, checked against the receiving one: only an
 * exact match is found (an ID number with another name is "not found", revealing nothing); a person
 * already here, or another record here holding the same ID document, is refused (409).
 */
export async function findTransferable(q: Q, db: Database, person: EntityVersion, identity: PersonIdentity,
  receivingOrgId: string): Promise<RecordRow> {
  const key = keysOf(person.definition.content, { documentType: identity.documentType, idNumber: identity.idNumber }, db.recordData)
    .find((k) => k.name === ID_KEY);
  if (!key) throw notFound();
  const raws: RawRecord[] = await q('record_keys').join('records', 'records.id', 'record_keys.record_id')
    .where({ 'record_keys.entity': person.definition.key, 'record_keys.name': ID_KEY, 'record_keys.value': key.value })
    .select('records.*');
  const holders = raws.map((raw) => toRecordRow(raw, db));
  const here = holders.find((h) => h.orgId === receivingOrgId);
  if (here?.data.name === identity.name) {
    throw new ConflictError([{ code: 'ALREADY_HERE', message: `「${identity.name}」已在本单位登记，无需调入。` }]);
  }
  if (here) {
    throw new ConflictError([{ code: 'ID_TAKEN', path: '/idNumber',
      message: `本单位已有人员「${String(here.data.name)}」使用该证件号码，同一人不能重复登记。请先核对本单位的这条人员信息。` }]);
  }
  const matches = holders.filter((h) => h.data.name === identity.name);
  if (matches.length === 0) throw notFound();
  if (matches.length > 1) {
    throw new ConflictError([{ code: 'AMBIGUOUS', message: '该人员同时登记在多家单位，无法确定从哪家单位调入。请联系上级卫生健康行政部门核实。' }]);
  }
  return matches[0]!;
}
