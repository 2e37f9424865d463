/** A record as the API returns it. */
export interface RecordView<D = Record<string, unknown>> {
  id: string;
  version: number;
  data: D;
}

export interface ListResult<D = Record<string, unknown>> {
  items: RecordView<D>[];
  total: number;
}

/** A stored row, as the repository reads it. */
export interface RecordRow {
  id: string;
  entity: string;
  orgId: string;
  defVersion: number;
  version: number;
  data: Record<string, unknown>;
}
