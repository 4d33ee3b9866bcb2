// The flow's answers become exactly the submission schema's shape and the receipt form's fields.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { initialLegalAidState, type LegalAidAnswers } from '../../kiosk-ui/src/flows/legal-aid-machine.js';
import {
  decide,
  digitByDigit,
  dueDate,
  toReceiptFields,
  toSubmissionData,
} from '../../kiosk-ui/src/legal-aid/legal-aid-submission.js';
import { demo, readJson, rules } from './legal-aid-fixtures.js';

// 1×1 white PNG and a tiny JPEG header: the schema only checks the data-URL string.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
const JPEG = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2Q==';

function filled(patch: Partial<LegalAidAnswers> = {}): LegalAidAnswers {
  return {
    ...initialLegalAidState().answers,
    consentAt: '2026-11-29T03:00:00.000Z',
    identity: {
      source: 'card',
      name: '张三',
      idNumber: '11010519491231002X',
      gender: '男',
      ethnicity: '汉',
      birthDate: '19491231',
      address: '北京市东城区',
    },
    phone: '13800138000',
    matterId: 'wages',
    stage: 'arbitration',
    otherParty: '某建筑公司',
    what: '干了活，老板不给工资',
    exemptGroupId: 'none',
    monthlyIncomeYuan: 800,
    pledgedAt: '2026-11-29T03:05:00.000Z',
    deadlineSoon: true,
    preservationNeeded: false,
    photos: [{ dataUrl: JPEG, width: 10, height: 10, bytes: 20, materialId: 'laborContractOrPayProof' }],
    signature: PNG,
    ...patch,
  };
}

const schema = readJson('schemas/submission-legal-aid.schema.json') as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const today = new Date('2026-11-29T03:00:00Z');
const label = (m: string): string => `材料:${m}`;

describe('legal-aid submission data', () => {
  it('a pledge application validates against submission-legal-aid.schema.json', () => {
    const answers = filled();
    const data = toSubmissionData({ answers, decision: decide(rules, demo, answers, today), materialLabel: label });
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data['pledge']).toEqual({ accepted: true, at: '2026-11-29T03:05:00.000Z', monthlyIncomeYuan: 800 });
    expect(data['exemption']).toEqual({ group: null });
    expect(data['applicant']).toMatchObject({ birthDate: '1949-12-31', gender: '男' });
    expect(data['urgency']).toEqual({ deadlineWithin7Days: true, preservationNeeded: false });
    expect((data['eligibility'] as { citations: unknown[] }).citations).toContainEqual({ article: 41 });
  });

  it('an Art. 42 group sends the group, points at its proof photo, and no pledge', () => {
    const answers = filled({
      exemptGroupId: 'migrantWorker',
      pledgedAt: null,
      photos: [
        { dataUrl: JPEG, width: 10, height: 10, bytes: 20, materialId: 'laborContractOrPayProof' },
        { dataUrl: JPEG, width: 10, height: 10, bytes: 20, materialId: 'workProof' },
      ],
    });
    const data = toSubmissionData({ answers, decision: decide(rules, demo, answers, today), materialLabel: label });
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data['exemption']).toEqual({ group: 'migrantWorker', proofPhotos: [1] });
    expect(data['pledge']).toBeUndefined();
  });

  it('a pledge left over from going back is not sent once an Art. 32 circumstance applies', () => {
    const answers = filled({ circumstances: ['braveAct'] });
    const data = toSubmissionData({ answers, decision: decide(rules, demo, answers, today), materialLabel: label });
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data['pledge']).toBeUndefined();
    expect(data['circumstances']).toEqual(['braveAct']);
  });

  it('refuses to build without a signature (clear error, nothing sent)', () => {
    const answers = filled({ signature: null });
    expect(() =>
      toSubmissionData({ answers, decision: decide(rules, demo, answers, today), materialLabel: label }),
    ).toThrow(/signature/);
  });

  it('an elderly card holder picking 60+ without income is exempt; age comes from the card', () => {
    const d = decide(rules, demo, filled({ matterId: 'support', exemptGroupId: 'elderlyNoIncome' }), today);
    expect(d.economic.kind).toBe('checkExempt');
    const young = decide(
      rules,
      demo,
      filled({
        matterId: 'support',
        exemptGroupId: 'elderlyNoIncome',
        identity: { source: 'typed', name: '李四', idNumber: '110105199001010010' },
      }),
      today,
    );
    expect(young.notes).toContain('ageDoesNotMatchGroup');
  });
});

describe('legal-aid receipt fields', () => {
  const form = readJson('forms/legal-aid-receipt.json') as { fields: object };
  const validateForm = new Ajv({ allErrors: true, strict: false }).compile(form.fields);

  it('match the legal-aid-receipt form: masked ID, decision due date, QR, upload state', () => {
    const answers = filled();
    const decision = decide(rules, demo, answers, today);
    const fields = toReceiptFields({
      answers,
      decision,
      submission: { receiptNo: 'LA20261129000123', storedAt: '2026-11-29T18:30:00.000Z', uploaded: false },
      county: demo,
      matterLabel: '讨要工资',
      submittedLabels: ['身份证信息', '材料照片1张'],
      laterLabels: ['劳动合同、工资条或欠条'],
    });
    expect(validateForm(fields), JSON.stringify(validateForm.errors)).toBe(true);
    expect(fields['idNumberMasked']).toBe('1101**********002X');
    expect(fields['decisionDueBy']).toBe('2026-12-07');
    expect(fields['uploadState']).toBe('pending');
    expect(fields['qr']).toBe('http://127.0.0.1:7400/progress?receiptNo=LA20261129000123');
  });

  it("prints the centre's due date once the centre has it", () => {
    const answers = filled();
    const fields = toReceiptFields({
      answers,
      decision: decide(rules, demo, answers, today),
      submission: { receiptNo: 'FY261129-0001-0001', storedAt: '2026-11-29T03:00:00.000Z', uploaded: true },
      county: demo,
      matterLabel: '讨要工资',
      submittedLabels: ['身份证信息'],
      laterLabels: [],
      centreDecisionDueBy: '2026-12-08',
    });
    expect(fields['decisionDueBy']).toBe('2026-12-08');
    expect(fields['uploadState']).toBe('uploaded');
    expect(fields['laterMaybe']).toBeUndefined();
  });

  it('due dates count in China time; receipt numbers are read digit by digit', () => {
    expect(dueDate('2026-11-29T15:59:00Z', 7)).toBe('2026-12-06');
    expect(dueDate('2026-11-29T16:00:00Z', 7)).toBe('2026-12-07');
    expect(digitByDigit('LA-2026-01', '零一二三四五六七八九', '，')).toBe('L，A，二，零，二，六，零，一');
  });
});
