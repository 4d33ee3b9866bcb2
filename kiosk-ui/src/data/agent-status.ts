import type { AgentStatusDocument } from '@kiosk/contract/kiosk-api';
import { getJson } from './agent-http.js';

/** GET /api/v1/status once at start (voice availability lives in `agent.voice`). */
export async function loadAgentStatus(signal?: AbortSignal): Promise<AgentStatusDocument | null> {
  try {
    const { status, body } = await getJson<AgentStatusDocument>('/status', signal);
    return status === 200 && body ? body : null;
  } catch {
    return null;
  }
}
