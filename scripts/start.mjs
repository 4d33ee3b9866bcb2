// `npm start`: install when missing, build what is stale, start the service-center and the device
// agent with kiosk.config.json (simulated devices), print the three URLs, stop both on Ctrl-C.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { AGENT_NODE_FLAGS, ensureBuilt, ensureDependencies, root, say } from './lib.mjs';

ensureDependencies();
await ensureBuilt();

const children = [];
function start(name, entry, flags = []) {
  const child = spawn(process.execPath, [...flags, join(root, entry)], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} exited (${signal ?? code}); stopping`);
      stop(code || 1);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(url, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 5000);
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() => {
    clearTimeout(force);
    say('stopped');
    process.exit(code);
  });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('service-center', 'dist/node/service-center/src/main.js');
start('device-agent', 'dist/node/device-agent/src/main.js', AGENT_NODE_FLAGS);
const urls = { kiosk: 'http://127.0.0.1:7300/', admin: 'http://127.0.0.1:7301/', staff: 'http://127.0.0.1:7400/' };
const ok = await Promise.all(Object.values(urls).map((u) => waitFor(u, 30_000)));
say('');
say(`kiosk          ${urls.kiosk}${ok[0] ? '' : '  (not answering yet)'}`);
say(`admin          ${urls.admin}${ok[1] ? '' : '  (not answering yet)'}`);
say(`staff console  ${urls.staff}${ok[2] ? '' : '  (not answering yet)'}`);
say('press Ctrl-C to stop');
