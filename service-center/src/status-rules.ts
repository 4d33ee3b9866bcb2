import type { SubmissionState } from '@kiosk/contract/kiosk-api';

/** States staff may set, and from where (approved/rejected are final). */
const NEXT: Record<SubmissionState, readonly SubmissionState[]> = {
  pendingUpload: [],
  received: ['accepted', 'needMaterials', 'approved', 'rejected'],
  accepted: ['needMaterials', 'approved', 'rejected'],
  needMaterials: ['accepted', 'approved', 'rejected'],
  approved: [],
  rejected: [],
};

export const STAFF_STATES = ['accepted', 'needMaterials', 'approved', 'rejected'] as const;
export type StaffState = (typeof STAFF_STATES)[number];

export type StatusChangeProblem = 'notAllowed' | 'missingMaterialsRequired' | 'alreadyNotified' | 'reasonRequired';

/** Pure check of a staff status change; null when it may be applied. */
export function checkStatusChange(
  from: SubmissionState,
  to: SubmissionState,
  change: { missingMaterials?: string[]; reason?: string },
  /** Art. 43 ¶2: missing materials are notified once, all together. */
  materialsNotifiedBefore: boolean,
): StatusChangeProblem | null {
  if (to === 'needMaterials' && materialsNotifiedBefore && NEXT[from].length) return 'alreadyNotified';
  if (!NEXT[from].includes(to)) return 'notAllowed';
  if (to === 'needMaterials' && !(change.missingMaterials && change.missingMaterials.some((m) => m.trim())))
    return 'missingMaterialsRequired';
  if (to === 'rejected' && !change.reason?.trim()) return 'reasonRequired';
  return null;
}
