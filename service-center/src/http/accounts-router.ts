import { Router } from 'express';
import {
  STAFF_ROLE_NAMES,
  type StaffAccountCreateRequest,
  type StaffAccountCreated,
  type StaffAccountInfo,
  type StaffAccountList,
  type StaffRoleChangeRequest,
} from '@kiosk/contract/staff-api';
import type { Logger } from '@kiosk/node-common/logger';
import { DEFAULT_LOG_N, hashPassword, randomPassword } from '../auth/password.js';
import type { CenterRepository, StaffAccount } from '../store/repository.js';
import { StaffAccess, refuse, type BodyCheck, type StaffRequest } from './staff-access.js';

export interface AccountsDeps {
  repo: Pick<CenterRepository, 'listStaff' | 'getStaff' | 'putStaff' | 'setStaffRole'>;
  access: StaffAccess;
  invalidBody: BodyCheck;
  log: Logger;
  scryptLogN?: number;
  now?: () => Date;
}

const NAME = { type: 'string', pattern: '^[\\p{L}\\p{N}._-]{1,40}$' } as const;
const ROLE = { enum: [...STAFF_ROLE_NAMES] } as const;

const createSchema = {
  type: 'object',
  properties: { name: NAME, role: ROLE },
  required: ['name', 'role'],
  additionalProperties: false,
} as const;

const roleSchema = {
  type: 'object',
  properties: { role: ROLE },
  required: ['role'],
  additionalProperties: false,
} as const;

const info = (a: StaffAccount): StaffAccountInfo => ({
  name: a.name,
  role: a.role,
  mustChange: a.mustChange,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

/**
 * Staff accounts, for administrators only (issue 13 item 11): list, create with a one-time
 * password (changed at first login), change a role (ends that account's logins).
 */
export function accountsRouter(deps: AccountsDeps): Router {
  const router = Router();
  const { access, repo, log, invalidBody } = deps;
  const now = deps.now ?? (() => new Date());
  const admin = [access.require(), StaffAccess.role('admin')];

  router.get('/accounts', ...admin, async (_req, res) => {
    res.json({ items: (await repo.listStaff()).map(info) } satisfies StaffAccountList);
  });

  router.post('/accounts', ...admin, async (req: StaffRequest, res) => {
    const detail = invalidBody(createSchema, req.body);
    if (detail) return refuse(res, 400, { error: 'invalidRequest', detail });
    const { name, role } = req.body as StaffAccountCreateRequest;
    if (await repo.getStaff(name)) return refuse(res, 409, { error: 'exists' });
    const oneTimePassword = randomPassword();
    await repo.putStaff({
      name,
      role,
      passwordHash: await hashPassword(oneTimePassword, deps.scryptLogN ?? DEFAULT_LOG_N),
      mustChange: true,
      at: now().toISOString(),
    });
    log.info({ staff: req.staff!.name, account: name, role }, 'staff account created');
    const account = await repo.getStaff(name);
    res.json({ account: info(account!), oneTimePassword } satisfies StaffAccountCreated);
  });

  router.put('/accounts/:name/role', ...admin, async (req: StaffRequest, res) => {
    const detail = invalidBody(roleSchema, req.body);
    if (detail) return refuse(res, 400, { error: 'invalidRequest', detail });
    const name = String(req.params['name']);
    const { role } = req.body as StaffRoleChangeRequest;
    const all = await repo.listStaff();
    const admins = all.filter((a) => a.role === 'admin');
    // The last administrator stays one: someone must be able to manage accounts.
    if (role !== 'admin' && admins.length === 1 && admins[0].name === name)
      return refuse(res, 409, { error: 'notAllowed', detail: 'the last administrator' });
    if (!(await repo.setStaffRole(name, role, now().toISOString()))) return refuse(res, 404, { error: 'notFound' });
    await access.sessions.endAllOf(name);
    log.info({ staff: req.staff!.name, account: name, role }, 'staff role changed');
    res.json(info((await repo.getStaff(name))!));
  });

  return router;
}
