import { describe, expect, it } from 'vitest';
import { lookUpStatus } from '../../service-center/src/public-status/status-lookup.js';
import type { ApplicationDetail } from '../../service-center/src/store/repository.js';

// The look-up behind /s/: which last four characters open a status, and the dates it shows.

function app(over: Partial<ApplicationDetail>): ApplicationDetail {
  return {
    centerId: 'c1',
    terminalId: 'test-0001',
    receiptNo: 'GZ261127-0001-0001',
    kind: 'notarization',
    state: 'accepted',
    submittedAt: '2026-11-27T01:00:00.000Z',
    receivedAt: '2026-11-27T01:05:00.000Z',
    updatedAt: '2026-11-27T03:00:00.000Z',
    urgent: false,
    data: { applicant: { name: '韦秀兰', idNumber: '45010219580301123X', phone: '13907710001' } },
    documents: [],
    history: [
      { state: 'received', at: '2026-11-27T01:05:00.000Z' },
      { state: 'accepted', at: '2026-11-30T02:00:00.000Z', by: 'notary' },
    ],
    audit: [],
    version: 1,
    ...over,
  };
}

const repo = (list: ApplicationDetail[]) => ({ findByReceiptNo: async () => list });

describe('public status look-up', () => {
  it('notarization: 15 working days from acceptance (weekends skipped), no personal field', async () => {
    const s = await lookUpStatus(repo([app({})]), 'GZ261127-0001-0001', '123X');
    // Accepted Mon 2026-11-30 (China); 15 working days later is Mon 2026-12-21.
    expect(s).toEqual({
      receiptNo: 'GZ261127-0001-0001',
      kind: 'notarization',
      state: 'accepted',
      submittedOn: '2026-11-27',
      notarizationDueBy: '2026-12-21',
    });
  });

  it('a wrong last-4, an unknown receipt, a call-back and an application without an ID all answer null', async () => {
    expect(await lookUpStatus(repo([app({})]), 'GZ261127-0001-0001', '1234')).toBeNull();
    expect(await lookUpStatus(repo([]), 'GZ261127-0001-0001', '123X')).toBeNull();
    expect(
      await lookUpStatus(repo([app({ kind: 'callback', data: { phone: '1390771123X' } })]), 'x', '123X'),
    ).toBeNull();
    expect(await lookUpStatus(repo([app({ data: { applicant: { idNumber: 42 } } })]), 'x', '0042')).toBeNull();
  });

  it('legal aid shows its 7-day decision date; needMaterials its list; two receipts alike pick the matching one', async () => {
    const legal = app({
      centerId: 'c2',
      kind: 'legalAid',
      receiptNo: 'FY261127-0001-0001',
      state: 'needMaterials',
      decisionDueBy: '2026-12-04',
      missingMaterials: ['劳动合同'],
      data: { applicant: { idNumber: '450102195803011234' } },
    });
    const other = app({ centerId: 'c3', kind: 'legalAid', data: { applicant: { idNumber: '450102195803019999' } } });
    const s = await lookUpStatus(repo([other, legal]), 'FY261127-0001-0001', '1234');
    expect(s).toMatchObject({ state: 'needMaterials', legalAidDueBy: '2026-12-04', missingMaterials: ['劳动合同'] });
    expect(s).not.toHaveProperty('notarizationDueBy');
  });
});
