/**
 * The contract of the institution's daily work (issue 4): rule sets for forms, batch creation,
 * attachments, record templates (初始化部门), completeness of a person, and the phone-location
 * hand-over of 机构信息.
 */
import type { RulesetContent } from '../rules/index.js';
import type { FileMeta, FileView } from '../files/index.js';

export type { FileMeta, FileView, RulesetContent };

/** One rule set in force, as `GET /api/rulesets/:entity` lists them (the browser judges forms with it). */
export interface RulesetView {
  key: string;
  version: number;
  content: RulesetContent;
}

/** `POST /api/data/:entity/batch`: all or none; problems carry `path` `/items/<i>/data/<field>` and `item`. */
export interface BatchCreateRequest {
  items: Array<{ data: Record<string, unknown> }>;
}

/** `GET /api/templates/:entity` lists these; `POST /api/templates/:entity/:key/apply` → 201 `{created}`. */
export interface RecordTemplateSummary {
  key: string;
  title: string;
  description?: string;
  /** How many records applying it creates. */
  count: number;
}

/** One requirement a record does not meet yet (what is missing for 预报名). */
export interface MissingRequirement {
  code: string;
  title: string;
  message: string;
}

/** `GET /api/completeness/:entity?ids=a,b` → `{items: CompletenessView[]}` (at most 100 ids). */
export interface CompletenessView {
  id: string;
  complete: boolean;
  /** Requirements met, out of `total`. */
  met: number;
  total: number;
  missing: MissingRequirement[];
}

/** `POST /api/location-requests` (institution, 机构信息 update permission). */
export interface LocationRequestView {
  token: string;
  /** The page the phone opens: `<origin>/m/location/<token>`. */
  url: string;
  /** The QR code of `url`, as an SVG document. */
  qrSvg: string;
  expiresAt: string;
}

/** `GET /api/location-requests/:token` (the desktop polls) and `.../public` (the phone, no session). */
export interface LocationStatus {
  status: 'pending' | 'received' | 'expired';
  expiresAt: string;
  /** Only on the phone's view: whose location is asked for. */
  orgName?: string;
  longitude?: number;
  latitude?: number;
  /** Metres, as the phone reports it. */
  accuracy?: number;
}

/** `POST /api/location-requests/:token/position` (the phone; the token is the credential, used once). */
export interface LocationReport {
  longitude: number;
  latitude: number;
  accuracy?: number;
}
