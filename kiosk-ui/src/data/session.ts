import { postJson } from './agent-http.js';

/** Asks the agent to drop everything it holds for this visit (card data, frames, spoken text). */
export async function endAgentSession(): Promise<boolean> {
  try {
    const { status } = await postJson('/session/end', {});
    return status === 200;
  } catch {
    return false;
  }
}

/** The page-to-agent heartbeat the watchdog uses to detect a dead renderer; failures are ignored. */
export function startHeartbeat(intervalMs = 10_000): () => void {
  const beat = (): void => {
    postJson('/heartbeat', { at: new Date().toISOString() }).catch(() => undefined);
  };
  beat();
  const timer = setInterval(beat, intervalMs);
  return () => clearInterval(timer);
}
