import fs from 'node:fs';
import path from 'node:path';
import { generatedEntitiesPath, generateEntityTypes } from '../src/codegen/entityTypes.js';
import { repoRoot } from '../src/config/index.js';

const target = generatedEntitiesPath(path.join(repoRoot, 'engine'));
fs.writeFileSync(target, await generateEntityTypes(path.join(repoRoot, 'definitions')));
console.log(`wrote ${path.relative(repoRoot, target)}`);
