/** Entry point: `npm run serve` (and `npm start` after building). */
import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './env.ts';
import { startServer } from './start-server.ts';
import { runPrimary } from './worker-cluster.ts';

try {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) runPrimary(config.workers, config.port);
  else await startServer(config);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
