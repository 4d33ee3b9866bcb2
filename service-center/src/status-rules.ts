import type { SubmissionKind, SubmissionState } from '@kiosk/contract/kiosk-api';
import {
  STATUS_REQUIRES,
  nextStates,
  type StaffState,
  type StatusChangeProblem,
  type StatusChangeRequest,
} from '@kiosk/contract/staff-api';

const REQUIRED_PROBLEM = {
  missingMaterials: 'missingMaterialsRequired',
  reason: 'reasonRequired',
  delivery: 'deliveryRequired',
  schedule: 'scheduleRequired',
  note: 'noteRequired',
} as const satisfies Record<NonNullable<(typeof STATUS_REQUIRES)[StaffState]>, StatusChangeProblem>;

const filled = (change: Omit<StatusChangeRequest, 'state'>, field: keyof typeof REQUIRED_PROBLEM): boolean => {
  switch (field) {
    case 'missingMaterials':
      return !!change.missingMaterials?.some((m) => m.trim());
    case 'reason':
      return !!change.reason?.trim();
    case 'delivery':
      return change.delivery !== undefined;
    case 'schedule':
      return !!change.schedule?.place.trim() && !Number.isNaN(Date.parse(change.schedule.at));
    case 'note':
      return !!change.note?.trim();
  }
};

/** Pure check of a staff status change (STATUS_FLOW per kind); null when it may be applied. */
export function checkStatusChange(
  kind: SubmissionKind,
  from: SubmissionState,
  to: StaffState,
  change: Omit<StatusChangeRequest, 'state'>,
  /** Art. 43 ¶2 (legal aid), 一次性告知 (notarization): missing materials are notified once, all together. */
  materialsNotifiedBefore: boolean,
): StatusChangeProblem | null {
  const next = nextStates(kind, from);
  if (to === 'needMaterials' && materialsNotifiedBefore && next.length) return 'alreadyNotified';
  if (!next.includes(to)) return 'notAllowed';
  const required = Object.hasOwn(STATUS_REQUIRES, to) ? STATUS_REQUIRES[to] : undefined;
  if (required && !filled(change, required)) return REQUIRED_PROBLEM[required];
  return null;
}
