import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/index.js';
import { repoRoot } from '../../config/index.js';
import { openDatabase, type Database } from '../../db/index.js';
import { DefinitionPublisher, DefinitionRegistry, DefinitionRepository, loadDefinitionFiles, MetaSchemas } from '../../definitions/index.js';
import { ValidationError } from '../../errors/index.js';
import { testDatabases, type TestDatabase } from '../../testing/index.js';
import { processXml } from './bpmn.js';

const shipped = path.join(repoRoot, 'definitions');
const metaSchemas = new MetaSchemas(path.join(shipped, 'schemas'));
const actor = { accountId: 'a1', username: 'hbwjw0001', orgId: 'o1', orgPath: '/o1/', orgLevel: 'province', roles: [],
  permissions: new Set<string>() } as Actor;

describe.each(testDatabases())('process definitions in the pipeline (%s)', (_name, makeDatabase) => {
  let database: TestDatabase;
  let db: Database;
  let repository: DefinitionRepository;

  beforeEach(async () => {
    database = await makeDatabase();
    db = openDatabase(database.config);
    await db.migrateLatest();
    repository = new DefinitionRepository(db.models);
  });
  afterEach(async () => {
    await db.destroy();
    await database.dispose();
  });

  it('publishes the shipped processes at start', async () => {
    const summary = await loadDefinitionFiles(db, shipped, metaSchemas, '2026-11-25T10:00:00.000Z');
    expect(summary.published.filter((p) => p.kind === 'process').map((p) => p.key).sort())
      .toEqual(fs.readdirSync(path.join(shipped, 'processes')).map((f) => f.replace('.json', '')).sort());
  });

  it('refuses to publish a broken process, with its problems, and writes nothing', async () => {
    const registry = new DefinitionRegistry(repository);
    const publisher = new DefinitionPublisher({ db, repository, registry, metaSchemas, clock: { now: () => new Date() } });
    const bpmn = processXml('<bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="Wait" />'
      + '<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>');
    const error = await publisher.publish(actor, { kind: 'process', key: 'broken', schemaVersion: 1, title: '坏流程', bpmn })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).items).toEqual([
      { code: 'DEFINITION', path: '/bpmn', message: '元素「Wait」（bpmn:IntermediateCatchEvent）不受支持：不支持中间事件（定时、消息、信号等）' },
      { code: 'DEFINITION', path: '/bpmn', message: '流程没有结束事件：请至少加一个结束事件' },
    ]);
    expect((await repository.inForce()).filter((d) => d.kind === 'process')).toEqual([]);
  });
});
