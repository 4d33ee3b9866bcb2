/**
 * Device nodes held open by one owner (an agent): usblp allows one open per node, and a plain file
 * standing in for it in tests does not refuse a second one, so links sharing claims check here.
 */
export class PathClaims {
  private readonly _held = new Set<string>();

  /** Claims `path`; false when it is already held. */
  claim(path: string): boolean {
    if (this._held.has(path)) return false;
    this._held.add(path);
    return true;
  }

  release(path: string): void {
    this._held.delete(path);
  }
}
