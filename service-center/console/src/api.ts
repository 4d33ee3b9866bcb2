import {
  STAFF_API_PATH,
  type ApplicationDetail,
  type ApplicationKind,
  type ApplicationList,
  type ApplicationListQuery,
  type ApplicationState,
  type ApplicationSummary,
  type DocumentRole,
  type FleetList,
  type FleetReadinessRequested,
  type SatisfactionTable,
  type StaffErrorBody,
  type StaffLoginRequest,
  type StaffPasswordChangeRequest,
  type StaffSessionInfo,
  type StatusChangeRequest,
} from '@kiosk/contract/staff-api';
import type { CallNote, CallRecord, SignallingToken } from '@kiosk/contract/signalling-api';
import {
  STAFF_NOTARY_INTERVIEWS_PATH,
  STAFF_NOTARY_SLOTS_PATH,
  type NotaryInterviewList,
  type NotarySlotList,
  type PublishNotarySlots,
} from '@kiosk/contract/notary-api';

// The console's data layer: every call to the centre's staff API (`@kiosk/contract/staff-api`)
// lives here. Components never call fetch themselves. The CSRF token of the current login is kept
// here and sent with every change.

/** Who is logged in (the contract's StaffSessionInfo). */
export type StaffMe = StaffSessionInfo;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly retryAfterSec?: number,
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }
}

let csrfToken = '';

async function call<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.method && init.method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`.${STAFF_API_PATH}${path}`, {
      method: init.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network');
  }
  const body = (await res.json().catch(() => ({}))) as Partial<StaffErrorBody>;
  if (!res.ok) {
    const retry = typeof body.retryAfterSec === 'number' ? body.retryAfterSec : undefined;
    throw new ApiError(res.status, typeof body.error === 'string' ? body.error : 'failed', retry);
  }
  return body as T;
}

function remember(me: StaffMe): StaffMe {
  csrfToken = me.csrfToken;
  return me;
}

export const currentStaff = async (): Promise<StaffMe | null> => {
  try {
    return remember(await call<StaffMe>('/me'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
};

export const login = async (name: string, password: string): Promise<StaffMe> =>
  remember(await call<StaffMe>('/login', { method: 'POST', body: { name, password } satisfies StaffLoginRequest }));

export const logout = async (): Promise<void> => {
  await call('/logout', { method: 'POST', body: {} });
  csrfToken = '';
};

export const changePassword = async (current: string, next: string): Promise<StaffMe> =>
  remember(
    await call<StaffMe>('/password', { method: 'POST', body: { current, next } satisfies StaffPasswordChangeRequest }),
  );

/** The applications in `state` ('' all), narrowed by the search (ApplicationListQuery `q`, `date`). */
export const listApplications = async (
  state: ApplicationState | '',
  signal?: AbortSignal,
  search: Pick<ApplicationListQuery, 'q' | 'date'> = {},
): Promise<ApplicationSummary[]> => {
  const query = new URLSearchParams();
  if (state) query.set('state', state);
  if (search.q) query.set('q', search.q);
  if (search.date) query.set('date', search.date);
  const qs = query.toString();
  return (await call<ApplicationList>(`/applications${qs ? `?${qs}` : ''}`, signal ? { signal } : {})).items;
};

/** The applications of one kind (a desk's own list, e.g. 上门服务), in `state` ('' all). */
export const listApplicationsOfKind = async (
  kind: ApplicationKind,
  state: ApplicationState | '',
  signal?: AbortSignal,
): Promise<ApplicationSummary[]> => {
  const query = new URLSearchParams({ kind });
  if (state) query.set('state', state);
  return (await call<ApplicationList>(`/applications?${query.toString()}`, signal ? { signal } : {})).items;
};

/** 满意度: rating counts per terminal and service (staff, admin). */
export const getSatisfaction = (signal?: AbortSignal): Promise<SatisfactionTable> =>
  call<SatisfactionTable>('/satisfaction', signal ? { signal } : {});

export const getApplication = (centerId: string, signal?: AbortSignal): Promise<ApplicationDetail> =>
  call<ApplicationDetail>(`/applications/${encodeURIComponent(centerId)}`, signal ? { signal } : {});

export const changeStatus = (centerId: string, change: StatusChangeRequest): Promise<ApplicationDetail> =>
  call<ApplicationDetail>(`/applications/${encodeURIComponent(centerId)}/status`, { method: 'POST', body: change });

export const documentUrl = (centerId: string, role: DocumentRole, index: number): string =>
  `.${STAFF_API_PATH}/applications/${encodeURIComponent(centerId)}/documents/${role}/${index}`;

// ---- Video consultation (lawyers) ----

/** A short-lived signalling token for the logged-in lawyer (the session cookie proves who she is). */
export const signallingToken = (): Promise<SignallingToken> =>
  call<SignallingToken>('/signalling-token', { method: 'POST', body: {} });

/** Saves the lawyer's note on a call record (topic, advice, referral, text for the villager's slip). */
export const saveCallNote = (callId: string, note: CallNote): Promise<unknown> =>
  call(`/calls/${encodeURIComponent(callId)}/note`, { method: 'POST', body: note });

/** Past call records, newest first. */
export const listCalls = async (signal?: AbortSignal): Promise<CallRecord[]> => {
  const body = await call<{ items?: CallRecord[] } | CallRecord[]>('/calls', signal ? { signal } : {});
  return Array.isArray(body) ? body : (body.items ?? []);
};

/**
 * Whether this login takes video calls (`lawyer`, `admin`, or `notary` for interviews): from `role` when the session
 * names it, else by asking for a signalling token, which the centre mints only for those roles.
 */
export const takesCalls = async (staff: StaffMe): Promise<boolean> => {
  const role = (staff as { role?: string }).role;
  // A notary takes the booked video interviews (the notary role in signalling, issue 12).
  if (role !== undefined) return role === 'lawyer' || role === 'admin' || role === 'notary';
  try {
    await signallingToken();
    return true;
  } catch {
    return false;
  }
};

// ---- Fleet health (admin and staff) ----

/** Every configured terminal with its flags and last heartbeat. */
export const listFleet = (signal?: AbortSignal): Promise<FleetList> =>
  call<FleetList>('/fleet', signal ? { signal } : {});

/** Asks a terminal for its readiness report (it arrives with the terminal's next heartbeat). */
export const requestReadiness = (terminalId: string): Promise<FleetReadinessRequested> =>
  call<FleetReadinessRequested>(`/fleet/${encodeURIComponent(terminalId)}/readiness`, { method: 'POST', body: {} });

// ---- Notary interview slots (notary publishes and withdraws; an administrator reads) ----

const notaryPath = (full: string): string => full.slice(STAFF_API_PATH.length);

/** The slots of `days` China days from the China date `from` (withdrawn ones included, marked). */
export const listNotarySlots = (from: string, days: number, signal?: AbortSignal): Promise<NotarySlotList> =>
  call<NotarySlotList>(
    `${notaryPath(STAFF_NOTARY_SLOTS_PATH)}?from=${encodeURIComponent(from)}&days=${days}`,
    signal ? { signal } : {},
  );

/** Publishes a run of slots; 409 `exists` when one of them overlaps a published slot. */
export const publishNotarySlots = (run: PublishNotarySlots): Promise<NotarySlotList> =>
  call<NotarySlotList>(notaryPath(STAFF_NOTARY_SLOTS_PATH), { method: 'POST', body: run });

/** Withdraws a slot nobody booked or holds; 409 `notAllowed` when booked. */
export const withdrawNotarySlot = (slotId: string): Promise<unknown> =>
  call<unknown>(`${notaryPath(STAFF_NOTARY_SLOTS_PATH)}/${encodeURIComponent(slotId)}`, { method: 'DELETE' });

/** The booked interviews of a China date. */
export const listNotaryInterviews = (date: string, signal?: AbortSignal): Promise<NotaryInterviewList> =>
  call<NotaryInterviewList>(
    `${notaryPath(STAFF_NOTARY_INTERVIEWS_PATH)}?date=${encodeURIComponent(date)}`,
    signal ? { signal } : {},
  );
