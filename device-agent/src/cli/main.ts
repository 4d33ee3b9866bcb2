import { runCli } from './run-cli.js';

process.exitCode = runCli(process.argv.slice(2), {
  uid: process.getuid?.(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
