import type { Database } from '../db/index.js';
import { checksumOf } from './canonical.js';
import { DefinitionRepository } from './DefinitionRepository.js';
import type { MetaSchemas } from './metaSchemas.js';
import { readDefinitionFiles } from './readDefinitionFiles.js';
import { formatProblem, type DefinitionProblem } from './types.js';
import { validateDefinitions } from './validateDefinitions.js';

/** Thrown when `definitions/` holds an invalid definition: the engine does not start. */
export class DefinitionLoadError extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(`定义文件有误，引擎未启动：\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  }
}

export interface LoadSummary {
  published: Array<{ kind: string; key: string; version: number; source: string }>;
  unchanged: number;
}

/**
 * Brings `definitions/` into the database: unchanged files keep their version, changed ones become
 * a new published version, and one invalid file stops everything (nothing is written).
 * A definition published later in the designer is not overwritten unless its file changes.
 */
export async function loadDefinitionFiles(db: Database, dir: string, metaSchemas: MetaSchemas,
  now: string): Promise<LoadSummary> {
  const repository = new DefinitionRepository(db.models);
  const { candidates, problems: readProblems } = readDefinitionFiles(dir);
  const inForce = (await repository.inForce()).map((d) => d.content);
  const problems = [...readProblems, ...await validateDefinitions(candidates, inForce, metaSchemas)];
  if (problems.length > 0) throw new DefinitionLoadError(problems);

  return db.knex.transaction(async (trx) => {
    const summary: LoadSummary = { published: [], unchanged: 0 };
    for (const { source, content } of candidates) {
      const checksum = checksumOf(content);
      if ((await repository.latestFileChecksum(content.kind, content.key, trx)) === checksum) {
        summary.unchanged += 1;
        continue;
      }
      const stored = await repository.publish({ content, checksum, source: 'file', sourcePath: source, now }, trx);
      summary.published.push({ kind: stored.kind, key: stored.key, version: stored.version, source });
    }
    return summary;
  });
}
