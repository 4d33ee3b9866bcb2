import { createInterface } from 'node:readline';
import { DEFAULT_LOG_N, MIN_PASSWORD_LENGTH, hashPassword } from './auth/password.js';
import { existsSync } from 'node:fs';
import { createLogger } from '@kiosk/node-common/logger';
import { centerConfigPath, centerDataDir, loadCenterConfig } from './config.js';
import { privateDir } from './file-modes.js';
import { createRepository } from './store/create-repository.js';
import { STAFF_ROLES, type StaffRole } from './store/repository.js';

// `node dist/node/service-center/src/cli.js add-staff <name> [--role staff|lawyer|notary|admin]`: creates a
// staff account (or sets a new password, and the role when given, for an existing one). Lawyers
// (and admins) take video consultations. The password is read from stdin: typed at a prompt on a
// terminal, or the first line of piped input. The centre's configuration (CENTER_CONFIG) chooses the
// storage, as for the server: PostgreSQL at `storage.url`, else SQLite in CENTER_DATA_DIR.

const USAGE =
  'usage: cli.js add-staff <name> [--role staff|lawyer|notary|admin]   (password on stdin; at least 10 characters)\n';

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stdout.write('password: ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  return '';
}

async function main(argv: string[]): Promise<number> {
  const [command, name, ...rest] = argv;
  const roleArg = rest[0] === '--role' && rest.length === 2 ? rest[1] : rest.length ? '' : undefined;
  const role = roleArg === undefined ? undefined : STAFF_ROLES.find((r): r is StaffRole => r === roleArg);
  if (command !== 'add-staff' || !name || !/^[\p{L}\p{N}._-]{1,40}$/u.test(name) || (roleArg !== undefined && !role)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const password = await readPassword();
  if (password.length < MIN_PASSWORD_LENGTH) {
    process.stderr.write(`password too short: at least ${MIN_PASSWORD_LENGTH} characters\n`);
    return 2;
  }
  const requested = Number(process.env['CENTER_SCRYPT_LN']);
  const logN = Number.isInteger(requested) && requested >= 10 && requested <= 20 ? requested : DEFAULT_LOG_N;
  const configFile = centerConfigPath();
  const storage = existsSync(configFile) ? loadCenterConfig(configFile).storage : undefined;
  const repo = createRepository(storage, privateDir(centerDataDir()), createLogger({ destination: process.stderr }));
  try {
    await repo.migrate();
    const existed = Boolean(await repo.getStaff(name));
    await repo.putStaff({
      name,
      passwordHash: await hashPassword(password, logN),
      mustChange: false,
      at: new Date().toISOString(),
      ...(role ? { role } : {}),
    });
    process.stdout.write(
      `${existed ? 'password set for' : 'created'} staff account ${name}${role ? ` (${role})` : ''}\n`,
    );
  } finally {
    await repo.close();
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
