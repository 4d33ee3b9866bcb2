import type { CommandMap, CommandName, CompletionCode, CompletionMessage } from '@kiosk/contract/kiosk-api';

/** Thrown when the agent cannot be reached or answers outside the contract. */
export class AgentUnreachableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AgentUnreachableError';
  }
}

/** Same origin as the page: the agent serves the UI and the API on one listener (DESIGN §5). */
export function apiUrl(path: string): string {
  return new URL(`/api/v1${path}`, location.origin).href;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<{ status: number; body: T | undefined }> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), { signal, cache: 'no-store', headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new AgentUnreachableError(`GET ${path} failed: ${String(err)}`);
  }
  const body = (await res.json().catch(() => undefined)) as T | undefined;
  return { status: res.status, body };
}

export function postJson<T>(
  path: string,
  payload: unknown,
  signal?: AbortSignal,
): Promise<{ status: number; body: T | undefined }> {
  return sendJson<T>('POST', path, payload, { signal });
}

/**
 * DELETE with a JSON body (the agent takes JSON only). `keepalive`: the request outlives the page or
 * element that sent it (a release sent as the visit ends).
 */
export function deleteJson<T>(
  path: string,
  payload: unknown,
  options: { signal?: AbortSignal; keepalive?: boolean } = {},
): Promise<{ status: number; body: T | undefined }> {
  return sendJson<T>('DELETE', path, payload, options);
}

async function sendJson<T>(
  method: 'POST' | 'DELETE',
  path: string,
  payload: unknown,
  { signal, keepalive }: { signal?: AbortSignal; keepalive?: boolean },
): Promise<{ status: number; body: T | undefined }> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      signal,
      cache: 'no-store',
      ...(keepalive ? { keepalive } : {}),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(payload),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new AgentUnreachableError(`${method} ${path} failed: ${String(err)}`);
  }
  const body = (await res.json().catch(() => undefined)) as T | undefined;
  return { status: res.status, body };
}

export interface CommandOutcome<C extends CommandName> {
  completionCode: CompletionCode;
  errorDescription?: string;
  payload: CommandMap[C]['result'];
}

/**
 * Runs a device command over HTTP (DESIGN §5). Aborting the signal drops the request, which the
 * agent treats like a disconnect and cancels the command.
 */
export async function runCommand<C extends CommandName>(
  name: C,
  payload: CommandMap[C]['payload'],
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<CommandOutcome<C>> {
  const [service, command] = name.split('.') as [string, string];
  const body = { payload, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
  const { status, body: answer } = await postJson<CompletionMessage<CommandMap[C]['result']>>(
    `/services/${service}/commands/${command}`,
    body,
    options.signal,
  );
  if (status !== 200 || !answer?.header)
    throw new AgentUnreachableError(`${name} rejected with HTTP ${status}`, status);
  const outcome: CommandOutcome<C> = { completionCode: answer.header.completionCode, payload: answer.payload };
  if (answer.header.errorDescription) outcome.errorDescription = answer.header.errorDescription;
  return outcome;
}
