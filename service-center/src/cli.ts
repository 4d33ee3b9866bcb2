import { createInterface } from 'node:readline';
import { DEFAULT_LOG_N, MIN_PASSWORD_LENGTH, hashPassword } from './auth/password.js';
import { existsSync } from 'node:fs';
import { createLogger } from '@kiosk/node-common/logger';
import { centerConfigPath, centerDataDir, loadCenterConfig } from './config.js';
import { privateDir } from './file-modes.js';
import { createRepository } from './store/create-repository.js';
import { STAFF_ROLES, type StaffRole } from './store/repository.js';
import { COUNTY_CODE_PATTERN } from '@kiosk/contract/signalling-api';

// `node dist/node/service-center/src/cli.js add-staff <name> [--role <role>] [--county <code>|province]
// [--display-name <name>]`: creates a staff account (or sets a new password, and the role, county and
// display name when given, for an existing one). The display name is what villagers see and hear
// (王芳律师已接通, her slip); without one, the login name. Lawyers (and admins) take video consultations;
// a lawyer with a county (6-digit 行政区划代码) serves that county's queue, one without (or
// `--county province`) every county's. The password is read from stdin: typed at a prompt on a terminal, or the first line of piped input. The centre's
// configuration (CENTER_CONFIG) chooses the storage, as for the server: PostgreSQL at `storage.url`,
// else SQLite in CENTER_DATA_DIR; when it lists `counties`, the county must be one of them.

const USAGE =
  'usage: cli.js add-staff <name> [--role staff|lawyer|notary|mediator|admin] [--county <6-digit code>|province]\n' +
  '       [--display-name <name shown to villagers, up to 20 characters>]\n' +
  '       (password on stdin; at least 10 characters)\n';

interface AddStaffArgs {
  name: string;
  role?: StaffRole;
  /** null: the province. */
  county?: string | null;
  displayName?: string;
}

const DISPLAY_NAME = /^[\p{L}\p{N}·](?:[\p{L}\p{N}· ]{0,18}[\p{L}\p{N}·])?$/u;

/** The arguments after `add-staff`, or undefined when they are not a valid command line. */
function parseArgs(argv: readonly string[]): AddStaffArgs | undefined {
  const [command, name, ...rest] = argv;
  if (command !== 'add-staff' || !name || !/^[\p{L}\p{N}._-]{1,40}$/u.test(name)) return undefined;
  const args: AddStaffArgs = { name };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (value === undefined) return undefined;
    if (flag === '--role' && args.role === undefined) {
      args.role = STAFF_ROLES.find((r): r is StaffRole => r === value);
      if (!args.role) return undefined;
    } else if (flag === '--county' && args.county === undefined) {
      if (value !== 'province' && !new RegExp(COUNTY_CODE_PATTERN).test(value)) return undefined;
      args.county = value === 'province' ? null : value;
    } else if (flag === '--display-name' && args.displayName === undefined) {
      if (!DISPLAY_NAME.test(value)) return undefined;
      args.displayName = value;
    } else return undefined;
  }
  return args;
}

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
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(USAGE);
    return 2;
  }
  const { name, role, county, displayName } = args;
  const password = await readPassword();
  if (password.length < MIN_PASSWORD_LENGTH) {
    process.stderr.write(`password too short: at least ${MIN_PASSWORD_LENGTH} characters\n`);
    return 2;
  }
  const requested = Number(process.env['CENTER_SCRYPT_LN']);
  const logN = Number.isInteger(requested) && requested >= 10 && requested <= 20 ? requested : DEFAULT_LOG_N;
  const configFile = centerConfigPath();
  const config = existsSync(configFile) ? loadCenterConfig(configFile) : undefined;
  const listed = (config?.counties ?? []).map((c) => c.code);
  if (county && listed.length && !listed.includes(county)) {
    process.stderr.write(`county ${county} is not one of the centre's counties: ${listed.join(', ')}\n`);
    return 2;
  }
  const storage = config?.storage;
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
      ...(county !== undefined ? { county } : {}),
      ...(displayName ? { displayName } : {}),
    });
    const set = [role, county === null ? 'province' : county && `county ${county}`].filter(Boolean).join(', ');
    process.stdout.write(
      `${existed ? 'password set for' : 'created'} staff account ${name}${set ? ` (${set})` : ''}\n`,
    );
  } finally {
    await repo.close();
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
