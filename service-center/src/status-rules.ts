import type { SubmissionState } from '@kiosk/contract/kiosk-api';
import type { StaffState, StatusChangeProblem } from '@kiosk/contract/staff-api';

/** States staff may set, and from where (approved/rejected are final). */
const NEXT: Record<SubmissionState, readonly StaffState[]> = {
  pendingUpload: [],
  received: ['accepted', 'needMaterials', 'approved', 'rejected'],
  accepted: ['needMaterials', 'approved', 'rejected'],
  needMaterials: ['accepted', 'approved', 'rejected'],
  approved: [],
  rejected: [],
};

/** Pure check of a staff status change; null when it may be applied. */
export function checkStatusChange(
  from: SubmissionState,
  to: StaffState,
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
