export { DefinitionLoadError, loadDefinitionFiles, type LoadSummary } from './DefinitionLoader.js';
export { DefinitionPublisher, type PublishOptions } from './DefinitionPublisher.js';
export { DefinitionRegistry, type EntityVersion } from './DefinitionRegistry.js';
export { DefinitionRepository, type VersionSummary } from './DefinitionRepository.js';
export { DefinitionSet } from './DefinitionSet.js';
export { MetaSchemas } from './metaSchemas.js';
export { checksumOf, canonicalJson } from './canonical.js';
export { validateDefinitions, type Candidate } from './validateDefinitions.js';
export * from './types.js';
