import { Router } from 'express';
import {
  APPLICATION_SEARCH_MAX,
  APPLICATION_STATES,
  DOCUMENT_ROLES,
  KIND_DECIDERS,
  KIND_READERS,
  STAFF_STATES,
  isApplicationKind,
  type ApplicationDetail,
  type ApplicationList,
  type ApplicationState,
  type ApplicationSummary,
  type DocumentRole,
  type StatusChangeRequest,
} from '@kiosk/contract/staff-api';
import { CERTIFICATE_DELIVERIES, type StatusDetails, type SubmissionKind } from '@kiosk/contract/kiosk-api';
import type { Logger } from '@kiosk/node-common/logger';
import { certificateDueBy, DEFAULT_NOTARIZATION_WORKING_DAYS } from '../legal-aid-clock.js';
import { checkStatusChange } from '../status-rules.js';
import type * as Rows from '../store/repository.js';
import type { CenterRepository, StaffRole } from '../store/repository.js';
import { StaffAccess, refuse, type BodyCheck, type StaffRequest } from './staff-access.js';

export interface ApplicationsDeps {
  repo: Pick<CenterRepository, 'listApplications' | 'getApplication' | 'getDocument' | 'changeStatus'>;
  access: StaffAccess;
  /** The centre's schema check of request bodies. */
  invalidBody: BodyCheck;
  log: Logger;
  now?: () => Date;
  /** Working days from a notary's acceptance to the certificate (default 15). */
  notarizationWorkingDays?: number;
}

const statusSchema = {
  type: 'object',
  properties: {
    state: { enum: [...STAFF_STATES] },
    missingMaterials: {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 200 },
      minItems: 1,
      maxItems: 30,
    },
    reason: { type: 'string', minLength: 1, maxLength: 1000 },
    delivery: { enum: [...CERTIFICATE_DELIVERIES] },
    schedule: {
      type: 'object',
      properties: {
        at: { type: 'string', minLength: 10, maxLength: 40 },
        place: { type: 'string', minLength: 1, maxLength: 200 },
      },
      required: ['at', 'place'],
      additionalProperties: false,
    },
    note: { type: 'string', minLength: 1, maxLength: 1000 },
    version: { type: 'integer', minimum: 0 },
  },
  required: ['state'],
  additionalProperties: false,
} as const;

const isListedState = (s: unknown): s is ApplicationState =>
  typeof s === 'string' && (APPLICATION_STATES as readonly string[]).includes(s);
const isDocumentRole = (s: unknown): s is DocumentRole =>
  typeof s === 'string' && (DOCUMENT_ROLES as readonly string[]).includes(s);

/**
 * The search of GET /applications (ApplicationListQuery): `q` trimmed, at most APPLICATION_SEARCH_MAX
 * characters, no control characters; `date` a real calendar date YYYY-MM-DD. Empty means no search.
 */
export function listSearch(q: unknown, date: unknown): { q?: string; submittedOn?: string } | { problem: string } {
  const out: { q?: string; submittedOn?: string } = {};
  if (q !== undefined) {
    if (typeof q !== 'string') return { problem: 'q: one text expected' };
    const text = q.trim();
    if ([...text].length > APPLICATION_SEARCH_MAX)
      return { problem: `q: at most ${APPLICATION_SEARCH_MAX} characters` };
    if (/\p{Cc}/u.test(text)) return { problem: 'q: control characters are not allowed' };
    if (text) out.q = text;
  }
  if (date !== undefined && date !== '') {
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { problem: 'date: YYYY-MM-DD expected' };
    const day = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date)
      return { problem: 'date: not a calendar date' };
    out.submittedOn = date;
  }
  return out;
}

/** Repository row → wire type of the staff API (only the fields the contract names). */
export function toSummary(row: Rows.ApplicationSummary): ApplicationSummary {
  return {
    centerId: row.centerId,
    terminalId: row.terminalId,
    receiptNo: row.receiptNo,
    kind: row.kind,
    state: row.state,
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
    ...(row.decisionDueBy !== undefined ? { decisionDueBy: row.decisionDueBy } : {}),
    urgent: row.urgent,
    ...(row.matter !== undefined ? { matter: row.matter } : {}),
    ...(row.applicantName !== undefined ? { applicantName: row.applicantName } : {}),
  };
}

export function toDetail(row: Rows.ApplicationDetail): ApplicationDetail {
  return {
    ...toSummary(row),
    data: row.data,
    documents: row.documents.map((d) => ({
      role: d.role,
      index: d.index,
      mime: d.mime,
      ...(d.label !== undefined ? { label: d.label } : {}),
      size: d.size,
    })),
    history: row.history.map((h) => ({
      state: h.state,
      at: h.at,
      ...(h.by !== undefined ? { by: h.by } : {}),
      ...(h.missingMaterials !== undefined ? { missingMaterials: h.missingMaterials } : {}),
      ...(h.reason !== undefined ? { reason: h.reason } : {}),
      ...(h.details !== undefined ? { details: h.details } : {}),
    })),
    audit: row.audit.map((a) => ({
      from: a.from,
      to: a.to,
      by: a.by,
      role: a.role,
      at: a.at,
      ...(a.reason !== undefined ? { reason: a.reason } : {}),
      ...(a.missingMaterials !== undefined ? { missingMaterials: a.missingMaterials } : {}),
      ...(a.details !== undefined ? { details: a.details } : {}),
    })),
    ...(row.missingMaterials !== undefined ? { missingMaterials: row.missingMaterials } : {}),
    ...(row.reason !== undefined ? { reason: row.reason } : {}),
    ...(row.details !== undefined ? { details: row.details } : {}),
    version: row.version,
  };
}

/** Who reads applications: each desk its own kinds (KIND_READERS), administrators all. */
const READERS: readonly StaffRole[] = ['staff', 'lawyer', 'notary', 'mediator', 'admin'];
/** Who decides any kind; KIND_DECIDERS says which desk decides which kind. */
const DECIDERS: readonly StaffRole[] = ['staff', 'notary', 'mediator'];

const KINDS = Object.keys(KIND_READERS) as SubmissionKind[];
/** The kinds a role may read. */
const readableKinds = (role: StaffRole): SubmissionKind[] => KINDS.filter((k) => KIND_READERS[k].includes(role));
const mayRead = (role: StaffRole, kind: SubmissionKind): boolean =>
  Object.hasOwn(KIND_READERS, kind) && KIND_READERS[kind].includes(role);

/** The details a target state carries (only those: a stray field from another state is dropped). */
function detailsFor(body: StatusChangeRequest): StatusDetails | undefined {
  if (body.state === 'certificateIssued' && body.delivery) return { delivery: body.delivery };
  if (body.state === 'scheduled' && body.schedule)
    return {
      schedule: { at: body.schedule.at, place: body.schedule.place.trim() },
      ...(body.note?.trim() ? { note: body.note.trim() } : {}),
    };
  if (body.note?.trim()) return { note: body.note.trim() };
  return undefined;
}

/** Applications for staff: list, detail, documents and status changes (Art. 43/44 rules in status-rules). */
export function applicationsRouter(deps: ApplicationsDeps): Router {
  const router = Router();
  const { access, repo, log, invalidBody } = deps;
  const now = deps.now ?? (() => new Date());

  const read = [access.require(), StaffAccess.role(...READERS)];
  router.get('/applications', ...read, async (req: StaffRequest, res) => {
    const state = req.query['state'];
    const kind = req.query['kind'];
    const readable = readableKinds(req.staff!.role);
    const kinds =
      typeof kind === 'string' && readable.includes(kind as SubmissionKind) ? [kind as SubmissionKind] : readable;
    const search = listSearch(req.query['q'], req.query['date']);
    if ('problem' in search) return refuse(res, 400, { error: 'invalidRequest', detail: search.problem });
    const rows = await repo.listApplications({
      ...(isListedState(state) ? { state } : {}),
      kinds,
      ...search,
      limit: 200,
    });
    res.json({ items: rows.map(toSummary) } satisfies ApplicationList);
  });

  // Another desk's application answers like an unknown one.
  router.get('/applications/:id', ...read, async (req: StaffRequest, res) => {
    const row = await repo.getApplication(String(req.params['id']));
    if (!row || !mayRead(req.staff!.role, row.kind)) return refuse(res, 404, { error: 'notFound' });
    res.json(toDetail(row));
  });

  router.get('/applications/:id/documents/:role/:index', ...read, async (req: StaffRequest, res) => {
    const role = req.params['role'];
    const index = Number(req.params['index']);
    if (!isDocumentRole(role) || !Number.isInteger(index)) return refuse(res, 404, { error: 'notFound' });
    const owner = await repo.getApplication(String(req.params['id']));
    if (!owner || !mayRead(req.staff!.role, owner.kind)) return refuse(res, 404, { error: 'notFound' });
    const doc = await repo.getDocument(String(req.params['id']), role, index);
    if (!doc) return refuse(res, 404, { error: 'notFound' });
    res.set('Content-Type', doc.mime).set('Content-Disposition', 'inline').send(doc.bytes);
  });

  router.post(
    '/applications/:id/status',
    access.require(),
    StaffAccess.role(...DECIDERS),
    async (req: StaffRequest, res) => {
      const detail = invalidBody(statusSchema, req.body);
      if (detail) return refuse(res, 400, { error: 'invalidRequest', detail });
      const body = req.body as StatusChangeRequest;
      const id = String(req.params['id']);
      const current = await repo.getApplication(id);
      const staff = req.staff!;
      if (!current || !mayRead(staff.role, current.kind)) return refuse(res, 404, { error: 'notFound' });
      if (!isApplicationKind(current.kind) || !KIND_DECIDERS[current.kind].includes(staff.role))
        return refuse(res, 403, { error: 'wrongDesk' });
      if (body.version !== undefined && body.version !== current.version)
        return refuse(res, 409, { error: 'stateChanged' });
      const notifiedBefore = current.history.some((h) => h.state === 'needMaterials');
      const problem = checkStatusChange(current.kind, current.state, body.state, body, notifiedBefore);
      if (problem) return refuse(res, 409, { error: problem });
      const missing = body.missingMaterials?.map((m) => m.trim()).filter(Boolean);
      const details = detailsFor(body);
      // Compare-and-set on the state and version just read: of two staff deciding at once, one wins.
      const changed = await repo.changeStatus(id, {
        state: body.state,
        ...(body.state === 'needMaterials' && missing ? { missingMaterials: missing } : {}),
        ...((body.state === 'rejected' || body.state === 'notMediated') && body.reason
          ? { reason: body.reason.trim() }
          : {}),
        ...(details ? { details } : {}),
        // The notarization clock starts at the first acceptance (补正 afterwards does not restart it).
        ...(current.kind === 'notarization' && body.state === 'accepted' && !current.decisionDueBy
          ? {
              decisionDueBy: certificateDueBy(now(), deps.notarizationWorkingDays ?? DEFAULT_NOTARIZATION_WORKING_DAYS),
            }
          : {}),
        by: staff.name,
        role: staff.role,
        at: now().toISOString(),
        expected: { state: current.state, version: current.version },
      });
      if (changed.outcome === 'notFound') return refuse(res, 404, { error: 'notFound' });
      if (changed.outcome === 'conflict') return refuse(res, 409, { error: 'stateChanged' });
      log.info(
        { staff: staff.name, role: staff.role, centerId: id, from: current.state, state: body.state },
        'application status changed',
      );
      res.json(toDetail(changed.detail));
    },
  );

  return router;
}
