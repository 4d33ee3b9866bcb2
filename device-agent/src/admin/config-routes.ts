import { readFileSync } from 'node:fs';
import { Router, type Request, type Response } from 'express';
import type { AdminErrorBody, ConfigDocument, ConfigSaveAnswer, ConfigSchema } from '@kiosk/contract/admin-api';
import type { LoadedConfig } from '../config/load.js';
import { saveConfig } from '../config/load.js';
import { configSchema, restartRequiredPaths } from '../config/schema.js';
import type { Logger } from '@kiosk/node-common/logger';
import type { Validator } from '@kiosk/node-common/validator';
import type { AdminAuth } from './admin-auth.js';
import { changedPaths, mergePatch, needingRestart } from './config-diff.js';
import { maskSecrets, photoDecoderRefusal, unmaskSecrets, webSaveErrors } from './config-guards.js';

/**
 * Keys whose change needs the password typed again: the listeners (a stolen idle login must not
 * open the admin page to the LAN), the devices (what the agent opens and sends bytes to) and the
 * centre (where personal data and the terminal token go).
 */
const DANGEROUS = ['/agent', '/devices', '/center'];

/** GET/PUT/PATCH /admin/api/config: the schema-driven form's data, validated atomic saves. */
export function configRouter(loaded: LoadedConfig, auth: AdminAuth, log: Logger, validator: Validator): Router {
  const router = Router();
  const restartPaths = restartRequiredPaths();

  const readFile = (): { value: unknown; parseError?: string } => {
    try {
      return { value: JSON.parse(readFileSync(loaded.path, 'utf8')) as unknown };
    } catch (err) {
      return { value: null, parseError: (err as Error).message };
    }
  };

  router.get('/config', (_req, res) => {
    const file = readFile();
    const running = loaded.config;
    res.json({
      path: loaded.path,
      // The centre token is never shown back; the mask written back means "unchanged".
      config: maskSecrets(file.value),
      schema: configSchema satisfies ConfigSchema,
      restartRequiredPaths: restartPaths,
      /** Errors of the configuration the agent started with (the "configuration error" state). */
      errors: loaded.errors,
      /** Saved but not yet running: what a restart would change. */
      pendingRestart: running ? changedPaths(running, file.value) : [],
    } satisfies ConfigDocument);
  });

  const save = async (req: Request, res: Response, patch: boolean): Promise<void> => {
    const body: unknown = req.body;
    if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
      res.status(400).json({
        error: 'invalidConfig',
        errors: [{ path: '/', message: 'body must be a JSON object' }],
      } satisfies AdminErrorBody);
      return;
    }
    const before = readFile().value;
    const after = patch ? mergePatch(before, body) : structuredClone(body);
    const unmasked = unmaskSecrets(after, before);
    if (unmasked.length) {
      res.status(400).json({ error: 'invalidConfig', errors: unmasked } satisfies AdminErrorBody);
      return;
    }
    const decoder = photoDecoderRefusal(before, after);
    if (decoder) {
      log.warn({ path: decoder.path }, 'configuration change refused: photo decoder set from the admin page');
      res
        .status(403)
        .json({ error: 'notSettableHere', message: decoder.message, errors: [decoder] } satisfies AdminErrorBody);
      return;
    }
    const changed = changedPaths(before, after);
    if (
      changed.some((p) => DANGEROUS.some((d) => p === d || p.startsWith(`${d}/`))) &&
      !auth.logins.recentlyAuthenticated(req.adminLogin!)
    ) {
      res.status(403).json({
        error: 'reauthRequired',
        message: 'enter the password again to change listen addresses, devices or the centre',
      } satisfies AdminErrorBody);
      return;
    }
    const schemaErrors = validator.validate(configSchema, after);
    const extra = schemaErrors.length ? [] : await webSaveErrors(after, changed);
    if (extra.length) {
      res.status(400).json({ error: 'invalidConfig', errors: extra } satisfies AdminErrorBody);
      return;
    }
    const errors = saveConfig(loaded.path, after, validator);
    if (errors.length) {
      res.status(400).json({ error: 'invalidConfig', errors } satisfies AdminErrorBody);
      return;
    }
    const restartRequired = needingRestart(changed, restartPaths);
    log.info({ changed, restartRequired }, 'configuration saved from the admin page');
    res.json({
      saved: true,
      changed,
      restartRequired,
      pendingRestart: loaded.config ? changedPaths(loaded.config, after) : changed,
    } satisfies ConfigSaveAnswer);
  };

  router.put('/config', (req, res) => save(req, res, false));
  router.patch('/config', (req, res) => save(req, res, true));
  return router;
}
