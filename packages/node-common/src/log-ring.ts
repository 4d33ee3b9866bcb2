/** The last N log lines (already redacted) for the admin page's log view. */
export class LogRing {
  private readonly _lines: string[] = [];
  private readonly _listeners = new Set<(line: string) => void>();

  constructor(private readonly _capacity = 2000) {}

  push(line: string): void {
    const trimmed = line.endsWith('\n') ? line.slice(0, -1) : line;
    this._lines.push(trimmed);
    if (this._lines.length > this._capacity) this._lines.shift();
    for (const listener of this._listeners) listener(trimmed);
  }

  lines(): readonly string[] {
    return this._lines;
  }

  subscribe(listener: (line: string) => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }
}
