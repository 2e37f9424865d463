import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { Actor } from '../access/index.js';
import { writeAudit } from '../audit/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { LocationReport, LocationRequestView, LocationStatus } from '../contract/index.js';
import type { Database } from '../db/index.js';
import { AppError, NotFoundError, ValidationError, type ErrorItem } from '../errors/index.js';

const LIFETIME_MS = 10 * 60 * 1000;
/** The coordinates an institution in China can have (the institution entity's own ranges). */
const RANGES = { longitude: [73.4, 135.1], latitude: [3.8, 53.6] } as const;

interface Row {
  token_hash: string; org_id: string; account_id: string; created_at: string; expires_at: string;
  longitude: number | null; latitude: number | null; accuracy: number | null; received_at: string | null;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const gone = () => new AppError(410, [{ code: 'LOCATION_REQUEST_GONE',
  message: '这个二维码已过期或已使用。请在电脑上重新点击“手机定位”，再扫描新的二维码。' }]);
const notFound = () => new NotFoundError('二维码无效。请在电脑上重新点击“手机定位”，再扫描新的二维码。');

/**
 * 手机定位 for 机构信息: the desktop asks for a one-time token shown as a QR code; the phone opens
 * the page, reads its location and sends it once; the desktop polls and, after the user confirms,
 * fills the form. The token lives 10 minutes and is stored only as a hash.
 */
export class LocationRequestService {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  async create(actor: Actor, origin: string): Promise<LocationRequestView> {
    const token = randomBytes(24).toString('base64url');
    const now = this.deps.clock.now();
    const row = { token_hash: hash(token), org_id: actor.orgId, account_id: actor.accountId, created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + LIFETIME_MS).toISOString() };
    const knex = this.deps.db.knex;
    await knex.transaction(async (trx) => {
      await trx('location_requests').where('expires_at', '<', row.created_at).delete();
      await trx('location_requests').insert(row);
      await writeAudit(trx, actor, { action: 'location.request', details: { expiresAt: row.expires_at } }, row.created_at);
    });
    const url = `${origin}/m/location/${token}`;
    return { token, url, qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }), expiresAt: row.expires_at };
  }

  /** The desktop's poll: only the account that asked sees the answer. */
  async status(actor: Actor, token: string): Promise<LocationStatus> {
    const row = await this.find(token);
    if (!row || row.account_id !== actor.accountId) throw notFound();
    return this.view(row);
  }

  /** What the phone shows before it asks for the location. */
  async describe(token: string): Promise<LocationStatus> {
    const row = await this.find(token);
    if (!row) throw notFound();
    const org = await this.deps.db.reader('orgs').where('id', row.org_id).first('name') as { name: string } | undefined;
    const { status, expiresAt } = this.view(row);
    return { status, expiresAt, ...(org ? { orgName: org.name } : {}) };
  }

  /** The phone's one report: refused once used or expired, or outside China's coordinates. */
  async report(token: string, input: unknown): Promise<LocationStatus> {
    const position = parseReport(input);
    const at = isoNow(this.deps.clock);
    const updated = await this.deps.db.knex('location_requests')
      .where({ token_hash: hash(token) }).whereNull('received_at').where('expires_at', '>', at)
      .update({ longitude: position.longitude, latitude: position.latitude, accuracy: position.accuracy ?? null, received_at: at });
    if (updated !== 1) throw (await this.find(token)) ? gone() : notFound();
    return this.view((await this.find(token))!);
  }

  private async find(token: string): Promise<Row | undefined> {
    if (!/^[\w-]{20,64}$/.test(token)) return undefined;
    return await this.deps.db.reader('location_requests').where('token_hash', hash(token)).first() as Row | undefined;
  }

  private view(row: Row): LocationStatus {
    if (row.received_at !== null) {
      return { status: 'received', expiresAt: row.expires_at, longitude: Number(row.longitude), latitude: Number(row.latitude),
        ...(row.accuracy !== null ? { accuracy: Number(row.accuracy) } : {}) };
    }
    return { status: row.expires_at > isoNow(this.deps.clock) ? 'pending' : 'expired', expiresAt: row.expires_at };
  }
}

function parseReport(input: unknown): LocationReport {
  const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const errors: ErrorItem[] = [];
  for (const [field, [min, max]] of Object.entries(RANGES)) {
    const value = body[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      errors.push({ code: 'range', path: `/${field}`, message: `手机报告的${field === 'longitude' ? '经度' : '纬度'}不在中国境内（${min}～${max}），请确认手机定位已开启后重试，或在电脑上手工填写。` });
    }
  }
  const accuracy = body.accuracy;
  if (accuracy !== undefined && (typeof accuracy !== 'number' || !Number.isFinite(accuracy) || accuracy < 0)) {
    errors.push({ code: 'type', path: '/accuracy', message: '定位精度应为非负数字。' });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return { longitude: body.longitude as number, latitude: body.latitude as number, ...(accuracy !== undefined ? { accuracy: accuracy as number } : {}) };
}
