import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bodyParser } from '@koa/bodyparser';
import BetterSqlite from 'better-sqlite3';
import Koa from 'koa';
import { newId } from '../../src/ids/index.js';
import { openDatabase } from '../../src/db/index.js';
import { applySqlitePragmas } from '../../src/db/dialects/index.js';
import { DefinitionRegistry, DefinitionRepository, loadDefinitionFiles, MetaSchemas } from '../../src/definitions/index.js';
import { loadConfig } from '../../src/config/index.js';

/**
 * The baseline of the HTTP benchmark: a bare Koa handler doing body parse, the same ajv validation
 * (the person entity's compiled schema) and one prepared INSERT at the same durability settings.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bare-'));
const config = loadConfig({ DATA_DIR: dir });
const definitionsDb = openDatabase({ client: 'sqlite', filename: path.join(dir, 'definitions.sqlite') });
await definitionsDb.migrateLatest();
await loadDefinitionFiles(definitionsDb, config.definitionsDir, new MetaSchemas(path.join(config.definitionsDir, 'schemas')), new Date().toISOString());
const registry = new DefinitionRegistry(new DefinitionRepository(definitionsDb.models));
await registry.refresh();
const person = registry.entity('person')!.schema;

const db = new BetterSqlite(path.join(dir, 'bare.sqlite'));
applySqlitePragmas(db);
db.exec('CREATE TABLE records (id TEXT PRIMARY KEY, entity TEXT, data TEXT)');
const insert = db.prepare('INSERT INTO records (id, entity, data) VALUES (?, ?, ?)');

const app = new Koa();
app.use(bodyParser());
app.use((ctx) => {
  const data = person.normalize((ctx.request.body as { data: Record<string, unknown> }).data);
  const errors = person.validate(data);
  if (errors.length > 0) {
    ctx.status = 422;
    ctx.body = { errors };
    return;
  }
  const id = newId();
  insert.run(id, 'person', JSON.stringify(data));
  ctx.status = 201;
  ctx.body = { id, version: 1, data };
});
const server = app.listen(0, () => {
  const address = server.address();
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  db.close();
  void definitionsDb.destroy().then(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
