/** The users CLI's commands, over a Store: add, list, passwd, disable, enable, districts. */
import type { z } from 'zod';
import { roleSchema } from '../../src/domain/sync-protocol.ts';
import {
  createAccount,
  displayNameSchema,
  districtIdsSchema,
  findAccount,
  passwordSchema,
  resetPassword,
  usernameSchema,
} from '../auth/accounts.ts';
import {
  districtDirectory,
  districtLabels,
  resolveDistricts,
  UnknownDistrictsError,
} from '../auth/districts.ts';
import { type Store, type UserAccount, UsernameTakenError } from '../store/store.ts';

/** Wrong use of the command: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command was understood but cannot be done: exit code 1. */
export class CommandError extends Error {
  override name = 'CommandError';
}

export interface CommandInput {
  positionals: string[];
  role?: string;
  districts?: string;
  name?: string;
}

export interface CommandIo {
  out: (line: string) => void;
  /** The new password (from the environment or asked twice). */
  newPassword: () => Promise<string>;
}

function valid<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CommandError(parsed.error.issues[0]?.message ?? 'Invalid value');
  return parsed.data;
}

/** A comma-separated list of district codes or ids, as district ids. */
async function districtList(store: Store, text: string): Promise<string[]> {
  const entries = valid(
    districtIdsSchema,
    text
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  );
  if (entries.length === 0) return [];
  const directory = await districtDirectory(store);
  try {
    return resolveDistricts(directory, entries);
  } catch (error) {
    if (!(error instanceof UnknownDistrictsError)) throw error;
    throw new CommandError(`${error.message}. District codes: ${error.knownCodes.join(', ')}`);
  }
}

function args(input: CommandInput, names: string[]): string[] {
  const [command, ...rest] = input.positionals;
  if (rest.length !== names.length) {
    throw new UsageError(`${command} takes ${names.map((name) => `<${name}>`).join(' ')}`);
  }
  return rest;
}

async function existing(store: Store, username: string): Promise<UserAccount> {
  const user = await findAccount(store, username);
  if (!user) throw new CommandError(`There is no user named ${username}`);
  return user;
}

async function newPassword(io: CommandIo): Promise<string> {
  return valid(passwordSchema, await io.newPassword());
}

const summary = async (store: Store, user: UserAccount) =>
  `${user.username} (${user.displayName}, ${user.role}${
    user.districtIds.length > 0
      ? `, districts ${districtLabels(await districtDirectory(store), user.districtIds).join(', ')}`
      : ''
  })`;

function table(rows: string[][]): string[] {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

export async function runUserCommand(store: Store, input: CommandInput, io: CommandIo) {
  const command = input.positionals[0];
  switch (command) {
    case 'add': {
      const [name] = args(input, ['username']);
      if (input.role === undefined)
        throw new UsageError('add needs --role <admin|coordinator|consultant>');
      const parsedRole = roleSchema.safeParse(input.role);
      if (!parsedRole.success) {
        throw new UsageError(`Unknown role ${input.role}: use admin, coordinator or consultant`);
      }
      const username = valid(usernameSchema, name);
      const displayName = valid(displayNameSchema, input.name ?? username);
      const districtIds = await districtList(store, input.districts ?? '');
      if (await store.findUserByUsername(username))
        throw new CommandError(`A user named ${username} already exists`);
      const password = await newPassword(io);
      try {
        const user = await createAccount(store, {
          username,
          displayName,
          role: parsedRole.data,
          password,
          districtIds,
        });
        io.out(`Created ${await summary(store, user)}.`);
      } catch (error) {
        if (error instanceof UsernameTakenError)
          throw new CommandError(`A user named ${username} already exists`);
        throw error;
      }
      return;
    }
    case 'list': {
      args(input, []);
      const users = await store.listUsers();
      if (users.length === 0) {
        io.out('There are no users yet.');
        return;
      }
      const directory = await districtDirectory(store);
      const rows = users.map((user) => [
        user.username,
        user.displayName,
        user.role,
        districtLabels(directory, user.districtIds).join(',') || '-',
        user.disabled ? 'disabled' : 'active',
      ]);
      for (const line of table([['USERNAME', 'NAME', 'ROLE', 'DISTRICTS', 'STATUS'], ...rows]))
        io.out(line);
      return;
    }
    case 'passwd': {
      const [name] = args(input, ['username']);
      const user = await existing(store, name as string);
      await resetPassword(store, user.id, await newPassword(io));
      io.out(`Changed the password of ${user.username}; their devices must sign in again.`);
      return;
    }
    case 'disable':
    case 'enable': {
      const [name] = args(input, ['username']);
      const user = await existing(store, name as string);
      await store.setDisabled(user.id, command === 'disable');
      io.out(
        command === 'disable'
          ? `Disabled ${user.username}; their devices are signed out.`
          : `Enabled ${user.username}.`,
      );
      return;
    }
    case 'districts': {
      const [name, list] = args(input, ['username', 'code,...']);
      const user = await existing(store, name as string);
      const ids = await districtList(store, list as string);
      const updated = await store.setDistricts(user.id, ids);
      if (!updated) throw new CommandError(`There is no user named ${name}`);
      io.out(`Districts of ${await summary(store, updated)}.`);
      return;
    }
    case undefined:
      throw new UsageError('Which command?');
    default:
      throw new UsageError(`Unknown command ${command}`);
  }
}
