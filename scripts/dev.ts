/** `npm run dev`: the API server (restarted on change) and Vite with HMR, /api proxied to it. */
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '8080';
const children = [
  spawn(
    process.execPath,
    [
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      '--watch-path=server',
      '--watch-path=src/domain',
      'server/main.ts',
    ],
    { stdio: 'inherit', env: { ...process.env, PORT: port, SEDP_STATIC_DIR: 'dev-no-static' } },
  ),
  spawn('npx', ['vite'], { stdio: 'inherit', env: { ...process.env, PORT: port } }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
for (const child of children) child.on('exit', stop);
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
