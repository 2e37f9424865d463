import { Model, snakeCaseMappers } from 'objection';

/** camelCase in code, snake_case in the database; booleans normalised (SQLite returns 0/1). */
export class BaseModel extends Model {
  static override get columnNameMappers() {
    return snakeCaseMappers();
  }

  static booleanColumns: string[] = [];

  override $parseDatabaseJson(json: Record<string, unknown>) {
    const parsed = super.$parseDatabaseJson(json);
    for (const column of (this.constructor as typeof BaseModel).booleanColumns) {
      if (column in parsed && parsed[column] !== null) parsed[column] = Boolean(parsed[column]);
    }
    return parsed;
  }
}
