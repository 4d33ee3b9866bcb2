import { Router } from 'express';
import {
  STAFF_ROLE_NAMES,
  type StaffAccountCreateRequest,
  type StaffAccountCreated,
  type StaffAccountInfo,
  type StaffAccountList,
  type StaffCountyChangeRequest,
  type StaffRoleChangeRequest,
} from '@kiosk/contract/staff-api';
import { COUNTY_CODE_PATTERN } from '@kiosk/contract/signalling-api';
import type { Logger } from '@kiosk/node-common/logger';
import { DEFAULT_LOG_N, hashPassword, randomPassword } from '../auth/password.js';
import type { CenterRepository, StaffAccount } from '../store/repository.js';
import { StaffAccess, refuse, type BodyCheck, type StaffRequest } from './staff-access.js';

export interface AccountsDeps {
  repo: Pick<CenterRepository, 'listStaff' | 'getStaff' | 'putStaff' | 'setStaffRole' | 'setStaffCounty'>;
  /** The counties the centre serves (`counties` in its configuration); none: any county code. */
  counties?: () => readonly string[];
  access: StaffAccess;
  invalidBody: BodyCheck;
  log: Logger;
  scryptLogN?: number;
  now?: () => Date;
}

const NAME = { type: 'string', pattern: '^[\\p{L}\\p{N}._-]{1,40}$' } as const;
const ROLE = { enum: [...STAFF_ROLE_NAMES] } as const;
const COUNTY = { type: 'string', pattern: COUNTY_CODE_PATTERN } as const;
/** Shown to villagers: letters, digits, the middle dot and spaces inside, 1–20 characters. */
const DISPLAY_NAME = {
  type: 'string',
  pattern: '^[\\p{L}\\p{N}·](?:[\\p{L}\\p{N}· ]{0,18}[\\p{L}\\p{N}·])?$',
} as const;

const createSchema = {
  type: 'object',
  properties: { name: NAME, role: ROLE, county: COUNTY, displayName: DISPLAY_NAME },
  required: ['name', 'role'],
  additionalProperties: false,
} as const;

const countySchema = {
  type: 'object',
  properties: { county: { anyOf: [COUNTY, { type: 'null' }] } },
  required: ['county'],
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
  ...(a.county ? { county: a.county } : {}),
  displayName: a.displayName ?? a.name,
  mustChange: a.mustChange,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

/**
 * Staff accounts, for administrators only (issue 13 item 11): list, create with a one-time
 * password (changed at first login), change a role (ends that account's logins), set the county
 * whose consultation queue the account serves (none: the province, issue 14 item 2).
 */
export function accountsRouter(deps: AccountsDeps): Router {
  const router = Router();
  const { access, repo, log, invalidBody } = deps;
  const now = deps.now ?? (() => new Date());
  const admin = [access.require(), StaffAccess.role('admin')];
  const unknownCounty = (county: string | null | undefined): boolean => {
    const listed = deps.counties?.() ?? [];
    return typeof county === 'string' && listed.length > 0 && !listed.includes(county);
  };

  router.get('/accounts', ...admin, async (_req, res) => {
    res.json({ items: (await repo.listStaff()).map(info) } satisfies StaffAccountList);
  });

  router.post('/accounts', ...admin, async (req: StaffRequest, res) => {
    const detail = invalidBody(createSchema, req.body);
    if (detail) return refuse(res, 400, { error: 'invalidRequest', detail });
    const { name, role, county, displayName } = req.body as StaffAccountCreateRequest;
    if (unknownCounty(county)) return refuse(res, 400, { error: 'invalidRequest', detail: 'unknown county' });
    if (await repo.getStaff(name)) return refuse(res, 409, { error: 'exists' });
    const oneTimePassword = randomPassword();
    await repo.putStaff({
      name,
      role,
      passwordHash: await hashPassword(oneTimePassword, deps.scryptLogN ?? DEFAULT_LOG_N),
      mustChange: true,
      at: now().toISOString(),
      ...(county ? { county } : {}),
      ...(displayName ? { displayName } : {}),
    });
    log.info({ staff: req.staff!.name, account: name, role, county }, 'staff account created');
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

  router.put('/accounts/:name/county', ...admin, async (req: StaffRequest, res) => {
    const detail = invalidBody(countySchema, req.body);
    if (detail) return refuse(res, 400, { error: 'invalidRequest', detail });
    const name = String(req.params['name']);
    const { county } = req.body as StaffCountyChangeRequest;
    if (unknownCounty(county)) return refuse(res, 400, { error: 'invalidRequest', detail: 'unknown county' });
    if (!(await repo.setStaffCounty(name, county, now().toISOString()))) return refuse(res, 404, { error: 'notFound' });
    log.info({ staff: req.staff!.name, account: name, county }, 'staff county changed');
    res.json(info((await repo.getStaff(name))!));
  });

  return router;
}
