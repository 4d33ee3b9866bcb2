import { apiUrl } from './agent-http.js';

/** Fetches a prompt by localisation key (GET /api/v1/voice/:key); null when the agent has no audio. */
export async function fetchPromptAudio(key: string, signal?: AbortSignal): Promise<Blob | null> {
  return fetchAudio(apiUrl(`/voice/${encodeURIComponent(key)}`), { signal, cache: 'no-store' });
}

/** Synthesises dynamic text (POST /api/v1/voice {text}); the agent keeps it in memory for this visit only. */
export async function fetchTextAudio(text: string, signal?: AbortSignal): Promise<Blob | null> {
  return fetchAudio(apiUrl('/voice'), {
    method: 'POST',
    signal,
    cache: 'no-store',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
}

async function fetchAudio(url: string, init: RequestInit): Promise<Blob | null> {
  try {
    const res = await fetch(url, init);
    if (!res.ok || !(res.headers.get('content-type') ?? '').startsWith('audio/')) return null;
    return await res.blob();
  } catch {
    return null;
  }
}
