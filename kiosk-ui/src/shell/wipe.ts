import { endAgentSession } from '../data/session.js';

/** What the shell resets at the end of a visit, run by wipeVisit() in this order. */
export interface VisitWipe {
  /** Speech stopped, cached audio revoked, rate back to 1. */
  voice(): void;
  /** The idle clock back to waiting for a first touch. */
  idle(): void;
  /** What modules keep outside the DOM (VisitApi.onVisitEnd); each runs even if another throws. */
  modules: Iterable<() => void>;
  /** DOM and settings: the flow dropped, the start screen, defaults, content re-created under a new visit id. */
  shell(): void;
}

/**
 * The end of a visit (DESIGN §7), the same for 完成, the idle timeout and an abandoned flow: wipe
 * memory and DOM, then the browser's storage and the agent's copy.
 */
export async function wipeVisit(wipe: VisitWipe): Promise<void> {
  wipe.voice();
  wipe.idle();
  for (const callback of wipe.modules) {
    try {
      callback();
    } catch {
      // One module's failure must not stop the wipe of the others.
    }
  }
  wipe.shell();
  await Promise.all([wipeBrowserStorage(), endAgentSession()]);
}

/**
 * Clears everything the browser may hold for a visit (DESIGN §7): Web Storage, IndexedDB and
 * Cache Storage. DOM and component state go with the keyed re-render in <kiosk-app>.
 */
export async function wipeBrowserStorage(): Promise<void> {
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage can be unavailable (opaque origin); nothing to clear then.
  }
  try {
    const dbs = (await indexedDB.databases?.()) ?? [];
    await Promise.all(
      dbs.map(
        (db) =>
          new Promise<void>((done) => {
            if (!db.name) return done();
            const req = indexedDB.deleteDatabase(db.name);
            req.onsuccess = req.onerror = req.onblocked = () => done();
          }),
      ),
    );
  } catch {
    // No IndexedDB access: nothing stored there.
  }
  try {
    if ('caches' in globalThis) for (const name of await caches.keys()) await caches.delete(name);
  } catch {
    // Cache Storage needs a secure context; on plain http it does not exist.
  }
}
