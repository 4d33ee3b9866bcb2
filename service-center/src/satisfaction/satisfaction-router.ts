import { Router } from 'express';
import type { SatisfactionCounts, SatisfactionTable } from '@kiosk/contract/staff-api';
import type { CenterRepository, RatingCountRow } from '../store/repository.js';
import { StaffAccess, type StaffRequest } from '../http/staff-access.js';

export interface SatisfactionDeps {
  repo: Pick<CenterRepository, 'ratingCounts'>;
  access: StaffAccess;
}

function summed(service: SatisfactionCounts['service'], counts: RatingCountRow['counts']): SatisfactionCounts {
  const total = counts.reduce((a, b) => a + b, 0);
  const sum = counts.reduce((a, n, i) => a + n * (i + 1), 0);
  return { service, counts: [...counts], total, average: total ? Math.round((sum / total) * 10) / 10 : 0 };
}

/** The 满意度 table from the rating counts: per terminal and service, and per service overall. Pure. */
export function satisfactionTable(rows: readonly RatingCountRow[]): SatisfactionTable {
  const perService = new Map<SatisfactionCounts['service'], RatingCountRow['counts']>();
  for (const r of rows) {
    const sum = perService.get(r.service) ?? [0, 0, 0, 0, 0];
    r.counts.forEach((n, i) => (sum[i] += n));
    perService.set(r.service, sum);
  }
  return {
    byTerminal: rows.map((r) => ({ terminalId: r.terminalId, ...summed(r.service, r.counts) })),
    byService: [...perService].map(([service, counts]) => summed(service, counts)),
  };
}

/** GET /satisfaction for the legal-aid staff and administrators (counts only: nobody is named). */
export function satisfactionRouter(deps: SatisfactionDeps): Router {
  const router = Router();
  router.get(
    '/satisfaction',
    deps.access.require(),
    StaffAccess.role('staff', 'admin'),
    async (_req: StaffRequest, res) => {
      res.set('Cache-Control', 'no-store').json(satisfactionTable(await deps.repo.ratingCounts()));
    },
  );
  return router;
}
