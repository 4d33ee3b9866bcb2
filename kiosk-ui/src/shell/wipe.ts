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
