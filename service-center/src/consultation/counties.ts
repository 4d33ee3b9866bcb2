import type { CountyEntry, TerminalEntry } from '../config-schema.js';
import type { CenterRepository } from '../store/repository.js';

/** The county of a terminal nobody placed (no `county`, no heartbeat region, no `counties` listed). */
export const UNPLACED_COUNTY = '000000';

export interface CountyDirectoryDeps {
  terminals: () => readonly TerminalEntry[];
  counties: () => readonly CountyEntry[];
  repo: Pick<CenterRepository, 'terminalRegion' | 'getStaff'>;
}

/**
 * Who belongs to which county (issue 14 item 2). A terminal: the `county` of its configuration entry,
 * else the region code of its last heartbeat, else the first configured county. A staff member: the
 * county of her account, or none (undefined) for province staff, who serve every county.
 */
export class CountyDirectory {
  constructor(private readonly _deps: CountyDirectoryDeps) {}

  /** The county callers of a terminal with nothing else to go by queue in. */
  get fallback(): string {
    return this._deps.counties()[0]?.code ?? UNPLACED_COUNTY;
  }

  async ofKiosk(terminalId: string): Promise<string> {
    const configured = this._deps.terminals().find((t) => t.id === terminalId)?.county;
    return configured ?? (await this._deps.repo.terminalRegion(terminalId)) ?? this.fallback;
  }

  /** Undefined: province staff (also a token for an account that no longer exists). */
  async ofStaff(name: string): Promise<string | undefined> {
    return (await this._deps.repo.getStaff(name))?.county;
  }

  /** The configured counties, in configuration order. */
  listed(): readonly string[] {
    return this._deps.counties().map((c) => c.code);
  }

  name(code: string): string | undefined {
    return this._deps.counties().find((c) => c.code === code)?.name;
  }
}
