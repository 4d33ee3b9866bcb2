import { dataDir } from '../config/load.js';
import { resetAdmin } from './reset-admin.js';

/**
 * `kiosk-agent <command>` on the terminal itself (deploy/README.md). Only `reset-admin` for now:
 * forgotten technician password → new setup token. Root only, because whoever runs it takes over the admin page.
 */
function main(argv: string[]): number {
  const [command] = argv;
  if (command !== 'reset-admin') {
    process.stderr.write(
      'usage: kiosk-agent reset-admin\n  clears the admin password and prints a new one-time setup token\n',
    );
    return 2;
  }
  if (process.getuid?.() !== 0) {
    process.stderr.write('reset-admin must run as root (sudo kiosk-agent reset-admin)\n');
    return 1;
  }
  const { token, file } = resetAdmin(dataDir(process.env));
  process.stdout.write(
    `Admin password cleared (${file}).\nNew setup token: ${token}\n` +
      'Open the admin page (http://127.0.0.1:7301/), choose "首次设置" and enter this token.\n' +
      'Logins that were open have ended.\n',
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
