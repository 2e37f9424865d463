import { createEngine } from './app/index.js';
import { loadConfig } from './config/index.js';
import { DefinitionLoadError } from './definitions/index.js';
import { createLogger, loggableError } from './log/index.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);

try {
  const engine = await createEngine(config, { logger });
  const { published, unchanged } = engine.definitionsLoaded;
  for (const p of published) logger.debug(p, 'definition published');
  logger.info({ published: published.length, unchanged }, 'definitions loaded');
  const server = await engine.listen(config.port);
  logger.info({ port: config.port, database: config.database.client }, `engine listening on http://localhost:${config.port}`);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close();
    void engine.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof DefinitionLoadError) {
    console.error(error.message);
  } else {
    logger.fatal({ err: loggableError(error) }, 'engine failed to start');
  }
  process.exit(1);
}
