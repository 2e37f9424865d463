export type { ListResult, RecordView } from '../contract/index.js';

/** A stored row, as the repository reads it. */
export interface RecordRow {
  id: string;
  entity: string;
  orgId: string;
  defVersion: number;
  version: number;
  data: Record<string, unknown>;
}
