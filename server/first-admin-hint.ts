import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '..');

const shellQuote = (text: string) =>
  /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * The exact command that creates the first admin for this data directory. `npm run` runs
 * in the project root, so a directory other than the default there is named explicitly.
 */
export function firstAdminCommand(dataDir: string): string {
  const command = 'npm run users -- add admin --role admin --name "Administrator"';
  return path.resolve(dataDir) === path.join(projectRoot, 'data')
    ? command
    : `SEDP_DATA_DIR=${shellQuote(dataDir)} ${command}`;
}
