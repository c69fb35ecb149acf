/** Entry point: `npm run serve` (and `npm start` after building). */
import { ConfigError, loadConfig } from './env.ts';
import { startServer } from './start-server.ts';

try {
  await startServer(loadConfig());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
