import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config/index.js';
import { generatedEntitiesPath, generateEntityTypes } from './entityTypes.js';

describe('generated entity types', () => {
  it('match the entity definitions (run `npm run generate` after changing an entity)', async () => {
    const committed = fs.readFileSync(generatedEntitiesPath(path.join(repoRoot, 'engine')), 'utf8');
    expect(committed, 'engine/src/generated/entities.ts is stale: run `npm run generate`')
      .toBe(await generateEntityTypes(path.join(repoRoot, 'definitions')));
  });

  it('name each entity by its key and list them in a map', async () => {
    const source = await generateEntityTypes(path.join(repoRoot, 'definitions'));
    expect(source).toContain('export interface Person {');
    expect(source).toMatch(/idNumber: string;/);
    expect(source).toContain('  probation: Probation;');
    expect(source).not.toContain('NoName');
  });
});
