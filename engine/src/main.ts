import { createEngine } from './app/index.js';
import { ConfigError, loadConfig, type EngineConfig } from './config/index.js';
import { DefinitionLoadError } from './definitions/index.js';
import { createLogger, loggableError } from './log/index.js';
import { serve } from './ops/index.js';

let config: EngineConfig;
try {
  config = loadConfig();
} catch (error) {
  // For the operator at the console or in journald: every wrong setting, no stack trace.
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const logger = createLogger(config.logLevel);

try {
  const engine = await createEngine(config, { logger });
  const { published, unchanged } = engine.definitionsLoaded;
  for (const p of published) logger.debug(p, 'definition published');
  logger.info({ published: published.length, unchanged }, 'definitions loaded');
  await serve(engine, config, { logger });
  logger.info({ host: config.host ?? '*', port: config.port, database: config.database.client },
    `engine listening on http://${config.host ?? 'localhost'}:${config.port}`);
} catch (error) {
  if (error instanceof DefinitionLoadError) {
    console.error(error.message);
  } else {
    logger.fatal({ err: loggableError(error) }, 'engine failed to start');
  }
  process.exit(1);
}
