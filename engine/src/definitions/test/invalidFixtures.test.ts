import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../config/index.js';
import { MetaSchemas } from '../metaSchemas.js';
import { readDefinitionFiles } from '../readDefinitionFiles.js';
import { formatProblem } from '../types.js';
import { validateDefinitions } from '../validateDefinitions.js';

const fixturesDir = path.join(import.meta.dirname, 'fixtures');
const shippedDir = path.join(repoRoot, 'definitions');
const metaSchemas = new MetaSchemas(path.join(shippedDir, 'schemas'));
const shipped = readDefinitionFiles(shippedDir).candidates.map((c) => c.content);

/** The problems of a fixture directory, checked against the shipped definitions as those in force. */
export async function problemsOf(caseDir: string): Promise<string[]> {
  const { candidates, problems } = readDefinitionFiles(path.join(caseDir, 'definitions'));
  return [...problems, ...await validateDefinitions(candidates, shipped, metaSchemas)].map(formatProblem);
}

describe('invalid definition fixtures', () => {
  const cases = fs.readdirSync(fixturesDir).sort();

  it.each(cases)('%s gives exactly the errors in its expected.txt', async (name) => {
    const caseDir = path.join(fixturesDir, name);
    const expected = fs.readFileSync(path.join(caseDir, 'expected.txt'), 'utf8').trimEnd().split('\n');
    expect(await problemsOf(caseDir)).toEqual(expected);
  });

  it('finds no problem in the shipped definitions', async () => {
    const { candidates, problems } = readDefinitionFiles(shippedDir);
    expect([...problems, ...await validateDefinitions(candidates, [], metaSchemas)].map(formatProblem)).toEqual([]);
  });
});
