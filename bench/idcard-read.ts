// ID card read figures over a socat pty pair with the real serialport link at 115200 baud:
// (1) time from find-success to completion versus the wire time of the bytes exchanged in that
//     span (select + read: 10 + 19 + 10 + 1295 bytes), budget ≤ 1.3×, card in place, zero RF delay;
// (2) CPU while polling, idle (no read pending) and with a read pending, budget < 1 % of a core.
// The simulator runs in this process, so the CPU figure includes the "reader" too (an upper bound).
// Run: npm run bench -- idcard-read
import type { CommandContext } from '../device-agent/src/core/service.js';
import { EventBus } from '../device-agent/src/core/event-bus.js';
import { IdCardService } from '../device-agent/src/devices/idcard/idcard-service.js';
import { SerialSimulatorPort } from '../device-agent/src/devices/idcard/serial-simulator-port.js';
import { IdCardSimulator } from '../device-agent/src/devices/idcard/simulator.js';
import { createLogger } from '@kiosk/node-common/logger';
import { Redactor } from '@kiosk/node-common/redact';
import { createValidator } from '@kiosk/node-common/validator';
import { SocatPair } from '../tests/helpers/socat.js';

const BAUD = 115_200;
const READS = 12;
const WIRE_BYTES = 10 + 19 + 10 + 1295;
const wireMs = (WIRE_BYTES * 10 * 1000) / BAUD;
const out = (line: string): void => void process.stdout.write(`${line}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const log = createLogger({ destination: { write: () => undefined }, level: 'silent' });

const pair = new SocatPair({ names: ['idcard-host', 'idcard-sim'] });
await pair.start();
const simPort = new SerialSimulatorPort(pair.b, BAUD);
await simPort.open();
const sim = new IdCardSimulator(simPort, { baudRate: BAUD, latency: { find: 0, select: 0, read: 0 } });
const bus = new EventBus(log);
const service = new IdCardService({
  bus,
  log,
  validator: createValidator(),
  redactor: new Redactor(),
  config: { transport: 'serial', path: pair.a, baudRate: BAUD },
  contentDir: '',
  dataDir: '',
  terminal: { id: 'bench', name: 'bench' },
});
await service.start();
const until = async (what: () => boolean, label: string): Promise<void> => {
  const start = Date.now();
  while (!what()) {
    if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${label}`);
    await sleep(5);
  }
};
await until(() => service.status().device === 'online', 'online');

const read = service.commands.get('idcard.read')!;
async function timedRead(): Promise<{ ms: number; ok: boolean }> {
  let foundAt = 0;
  const ctx: CommandContext = {
    signal: AbortSignal.timeout(10_000),
    requestId: 1,
    listener: 'kiosk',
    emit: (name) => {
      if (name === 'idcard.mediaDetected') foundAt = performance.now();
    },
  };
  const outcome = await read.run({} as never, ctx);
  return { ms: performance.now() - foundAt, ok: outcome.completionCode === 'success' };
}

const times: number[] = [];
for (let i = 0; i < READS; i++) {
  sim.placeCard(i % 2 ? 'hkMacaoTaiwan' : 'resident');
  const { ms, ok } = await timedRead();
  if (!ok) throw new Error('read failed');
  times.push(ms);
  sim.removeCard();
  await until(() => service.status().media === 'notPresent', 'removal');
}
times.shift(); // first read warms up the JIT
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const worst = sorted[sorted.length - 1];
out(
  `find-success → completion: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms; wire time of the ` +
    `${WIRE_BYTES} bytes exchanged at ${BAUD} baud ${wireMs.toFixed(1)} ms → ratio ${(median / wireMs).toFixed(3)}× ` +
    `(worst ${(worst / wireMs).toFixed(3)}×), budget ≤ 1.3× — ${median / wireMs <= 1.3 ? 'OK' : 'OVER BUDGET'}`,
);

async function cpuPercent(seconds: number): Promise<number> {
  const before = process.cpuUsage();
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const used = process.cpuUsage(before);
  return ((used.user + used.system) / 1000 / (performance.now() - t0)) * 100;
}

// Idle: find every 1000 ms (keeps `media` current) and 11 FF every 5 s. Measured in steady state:
// first let the garbage of the reads above be collected, or it is counted as polling cost.
await sleep(5000);
const idle = await cpuPercent(10);
out(
  `CPU while idle-polling (find every 1 s, SAM check every 5 s): ${idle.toFixed(2)} % of a core, budget < 1 % — ${idle < 1 ? 'OK' : 'OVER BUDGET'}`,
);

// A read pending with no card: find every 300 ms.
const pending = read
  .run({} as never, { signal: AbortSignal.timeout(10_500), requestId: 2, listener: 'kiosk', emit: () => undefined })
  .catch(() => undefined);
await sleep(200);
const polling = await cpuPercent(10);
await pending;
out(
  `CPU while a read is pending (find every 300 ms, no card): ${polling.toFixed(2)} % of a core, budget < 1 % — ${polling < 1 ? 'OK' : 'OVER BUDGET'}`,
);

await service.stop();
sim.dispose();
await simPort.close();
await pair.stop();
