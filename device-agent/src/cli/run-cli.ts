import { dataDir } from '../config/load.js';
import { resetAdmin } from './reset-admin.js';

/** What the CLI needs from its process: handed in, so the root check can be asserted in-process. */
export interface CliProcess {
  uid: number | undefined;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * `kiosk-agent <command>` on the terminal itself (deploy/README.md). Only `reset-admin` for now:
 * forgotten technician password → new setup token. Root only, because whoever runs it takes over the admin page.
 */
export function runCli(argv: readonly string[], proc: CliProcess): number {
  const [command] = argv;
  if (command !== 'reset-admin') {
    proc.stderr.write(
      'usage: kiosk-agent reset-admin\n  clears the admin password and prints a new one-time setup token\n',
    );
    return 2;
  }
  if (proc.uid !== 0) {
    proc.stderr.write('reset-admin must run as root (sudo kiosk-agent reset-admin)\n');
    return 1;
  }
  const { token, file } = resetAdmin(dataDir(proc.env));
  proc.stdout.write(
    `Admin password cleared (${file}).\nNew setup token: ${token}\n` +
      'Open the admin page (http://127.0.0.1:7301/), choose "首次设置" and enter this token.\n' +
      'Logins that were open have ended.\n',
  );
  return 0;
}
