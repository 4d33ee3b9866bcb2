import { Router, type NextFunction, type Request, type Response } from 'express';
import {
  SIMULATOR_CARD_TYPES,
  type AdminCompletion,
  type AdminErrorBody,
  type ProbeAnswer,
  type SelfTestAnswer,
  type SimulatedPaper,
  type SimulatorAnswer,
  type SimulatorAvailability,
} from '@kiosk/contract/admin-api';
import type { CardType, ServiceName } from '@kiosk/contract/kiosk-api';
import type { Dispatcher } from '../core/dispatcher.js';
import type { Service } from '../core/service.js';
import { commandRoute } from '../http/command-route.js';
import type { Logger } from '@kiosk/node-common/logger';
import type { AdminAuth } from './admin-auth.js';
import { idcardExtras, printerExtras } from './device-extras.js';
import { maskCardFields } from '@kiosk/domain/mask';
import { textReceipt } from './receipt-bytes.js';
import type { RunAdminCommand } from './run-command.js';

const CARD_TYPES = SIMULATOR_CARD_TYPES;

export interface DeviceRouteDeps {
  dispatcher: Dispatcher;
  /** The admin module's command runner (request ids per agent). */
  run: RunAdminCommand;
  services: ReadonlyMap<ServiceName, Service>;
  auth: AdminAuth;
  log: Logger;
  terminal: () => { id: string; name: string };
  /** Texts of the test page (title first), from content/i18n/zh-CN/admin.json; the time in China time. */
  testPageLines: (terminal: { id: string; name: string }, at: Date) => string[];
}

const bad = (res: Response, status: number, error: string, message: string): void => {
  res.status(status).json({ error, message } satisfies AdminErrorBody);
};

/** Device commands, test read/print, self-test, probe and simulator controls for the admin page. */
export function deviceRouter(deps: DeviceRouteDeps): Router {
  const router = Router();
  const command = commandRoute(deps.dispatcher, 'admin');

  // Raw bytes to the printer need a fresh password; the test read never shows the card unmasked.
  router.post(
    '/services/:service/commands/:command',
    (req: Request, res: Response, next: NextFunction) => {
      const { service, command: name } = req.params as { service: string; command: string };
      if (service === 'printer' && name === 'printRaw') return deps.auth.requireRecentAuth(req, res, next);
      if (service === 'idcard' && name === 'read') {
        const json = res.json.bind(res);
        res.json = (body: unknown) => {
          const message = body as { header?: { type?: string }; payload?: unknown };
          if (message?.header?.type === 'completion')
            return json({ ...message, payload: maskCardFields(message.payload) });
          return json(body);
        };
      }
      next();
    },
    command,
  );

  router.post('/idcard/probe', async (_req, res) => {
    const reader = idcardExtras(deps.services.get('idcard'));
    if (!reader.probe) return bad(res, 409, 'notSupported', 'this reader cannot be probed (not configured)');
    try {
      res.json({ result: await reader.probe() } satisfies ProbeAnswer);
    } catch (err) {
      res.status(200).json({ error: 'probeFailed', message: (err as Error).message } satisfies ProbeAnswer);
    }
  });

  router.post('/printer/test-print', async (_req, res) => {
    const lines = deps.testPageLines(deps.terminal(), new Date());
    const bytes = textReceipt([
      { text: lines[0] ?? '', large: true, center: true },
      ...lines.slice(1).map((text) => ({ text })),
    ]);
    const completion = await deps.run('printer.printRaw', { data: bytes.toString('base64') });
    res.json(completion satisfies AdminCompletion);
  });

  router.get('/printer/preview', (_req, res) => {
    const svg = printerExtras(deps.services.get('printer')).lastPreview?.();
    if (!svg) return bad(res, 404, 'noPreview', 'nothing printed yet, or the printer cannot render previews');
    res.type('image/svg+xml').send(svg);
  });

  router.post('/printer/self-test', async (_req, res) => {
    const printer = printerExtras(deps.services.get('printer'));
    if (!printer.selfTest) return bad(res, 409, 'notSupported', 'the printer is not configured');
    try {
      res.json({ result: await printer.selfTest() } satisfies SelfTestAnswer);
    } catch (err) {
      res.json({ error: 'selfTestFailed', message: (err as Error).message } satisfies SelfTestAnswer);
    }
  });

  router.get('/simulators', (_req, res) => {
    res.json({
      idcard: Boolean(idcardExtras(deps.services.get('idcard')).simulator),
      printer: Boolean(printerExtras(deps.services.get('printer')).simulator),
      cardTypes: [...CARD_TYPES],
    } satisfies SimulatorAvailability);
  });

  router.post('/simulator/:service', async (req, res) => {
    const body = (req.body ?? {}) as { action?: unknown; cardType?: unknown; paper?: unknown; open?: unknown };
    try {
      const done = await simulatorAction(deps.services, String(req.params['service']), body);
      if (!done) return bad(res, 400, 'badAction', 'unknown simulator, action or argument');
      deps.log.info({ service: req.params['service'], action: body.action }, 'simulator control used');
      res.json({ ok: true } satisfies SimulatorAnswer);
    } catch (err) {
      bad(res, 409, 'simulatorFailed', (err as Error).message);
    }
  });

  return router;
}

async function simulatorAction(
  services: ReadonlyMap<ServiceName, Service>,
  service: string,
  body: { action?: unknown; cardType?: unknown; paper?: unknown; open?: unknown },
): Promise<boolean> {
  if (service === 'idcard') {
    const sim = idcardExtras(services.get('idcard')).simulator;
    if (!sim) return false;
    switch (body.action) {
      case 'placeCard':
        if (body.cardType !== undefined && !CARD_TYPES.includes(body.cardType as CardType)) return false;
        await sim.placeCard((body.cardType as CardType | undefined) ?? 'resident');
        return true;
      case 'removeCard':
        await sim.removeCard();
        return true;
      case 'unplug':
        await sim.unplug();
        return true;
      case 'plug':
        await sim.plug();
        return true;
      default:
        return false;
    }
  }
  if (service === 'printer') {
    const sim = printerExtras(services.get('printer')).simulator;
    if (!sim) return false;
    switch (body.action) {
      case 'setPaper':
        if (!['full', 'low', 'out'].includes(String(body.paper))) return false;
        await sim.setPaper(body.paper as SimulatedPaper);
        return true;
      case 'setCoverOpen':
        await sim.setCoverOpen(body.open === true);
        return true;
      case 'jam':
        if (!sim.jam) return false;
        await sim.jam();
        return true;
      case 'clearJam':
        if (!sim.clearJam) return false;
        await sim.clearJam();
        return true;
      case 'unplug':
        await sim.unplug();
        return true;
      case 'plug':
        await sim.plug();
        return true;
      default:
        return false;
    }
  }
  return false;
}
