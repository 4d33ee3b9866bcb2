// The mediation answers become data that both the agent (with the signature) and the centre (without
// it, documents apart) accept, and receipt fields the mediation-receipt form accepts; the schema
// refuses an application with neither a description nor 请调解员打电话给我.
import { describe, expect, it } from 'vitest';
import { createValidator } from '@kiosk/node-common/validator';
import { loadSubmissionContent } from '../../device-agent/src/outbox/submission-content.js';
import { validateSubmission } from '../../device-agent/src/outbox/validate-submission.js';
import { checkSubmissionContent, loadIntakeSchemas } from '../../service-center/src/intake-validation.js';
import { initialMediationState, type MediationAnswers } from '../../kiosk-ui/src/flows/mediation-machine.js';
import { committeeFor, MEDIATION_KINDS, mediationCountyFor } from '../../kiosk-ui/src/mediation/mediation-content.js';
import { toMediationData, toMediationReceipt } from '../../kiosk-ui/src/mediation/mediation-submission.js';
import { CONTENT, readJson } from './legal-aid-fixtures.js';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
const validator = createValidator();
const agentSchemas = loadSubmissionContent(CONTENT).schemas;
const centreSchemas = loadIntakeSchemas(CONTENT);
const county = mediationCountyFor('demo');

function filled(patch: Partial<MediationAnswers> = {}): MediationAnswers {
  return {
    ...initialMediationState().answers,
    identity: { source: 'card', name: '张三', idNumber: '11010519491231002X' },
    phone: '13800138000',
    village: 'yanshi',
    otherName: '李四',
    otherNameAnswered: true,
    otherVillage: 'yanshi',
    otherPhone: '07711234567',
    otherPhoneAnswered: true,
    kind: 'neighbour',
    requests: ['让开我家走的路', '向我赔礼道歉'],
    description: '邻居挡了我家的路',
    consentAt: '2026-12-02T03:00:00.000Z',
    mark: { kind: 'signature', signature: PNG },
    ...patch,
  };
}

const committee = (a: MediationAnswers) =>
  committeeFor(county, MEDIATION_KINDS, { kind: 'neighbour', applicantVillage: a.village, otherVillage: null });

function atCentre(data: Record<string, unknown>) {
  const { documents: _documents, ...rest } = data;
  return checkSubmissionContent(validator, centreSchemas, 'demo-0001', {
    receiptNo: 'TJ261202-0001-0001',
    kind: 'mediation',
    data: rest,
  } as never);
}

describe('mediation submission', () => {
  it('a written application with a signature: the agent keeps the signature apart, the centre accepts the rest', () => {
    const a = filled();
    const data = toMediationData(a, county, committee(a));
    expect(data).toMatchObject({ committee: 'yanshi', committeeName: '演示村人民调解委员会', mark: 'signature' });
    const out = validateSubmission(
      { kind: 'mediation', data, clientSubmissionId: 'abcdefgh12' },
      agentSchemas,
      validator,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.documents.map((d) => d.role)).toEqual(['signature']);
    expect(out.value.checkValue).toBe('002X');
    expect(atCentre(out.value.data)).toBeNull();
  });

  it('the oral application with 按手印 and an unknown other party is accepted by both', () => {
    const a = filled({
      otherName: null,
      otherVillage: 'unknown',
      otherPhone: null,
      description: '',
      callMe: true,
      mark: { kind: 'fingerprint', at: '2026-12-02T03:01:00.000Z' },
    });
    const data = toMediationData(a, county, committee(a));
    expect(data).toMatchObject({
      otherParty: { nameUnknown: true, villageUnknown: true },
      callMe: true,
      mark: 'fingerprint',
      markedAt: '2026-12-02T03:01:00.000Z',
    });
    expect(data).not.toHaveProperty('description');
    const out = validateSubmission({ kind: 'mediation', data }, agentSchemas, validator);
    expect(out.ok).toBe(true);
    expect(atCentre(data)).toBeNull();
  });

  it('neither a description nor 请调解员打电话给我, four requests, or junk fields are refused', () => {
    const data = toMediationData(filled(), county, committee(filled()));
    const { description: _d, ...noDescription } = data;
    expect(validateSubmission({ kind: 'mediation', data: noDescription }, agentSchemas, validator).ok).toBe(false);
    expect(atCentre(noDescription)).not.toBeNull();
    const four = { ...data, requests: ['a', 'b', 'c', 'd'] };
    expect(validateSubmission({ kind: 'mediation', data: four }, agentSchemas, validator).ok).toBe(false);
    const junk = { ...data, __proto__x: 1, toString: 'x' };
    expect(validateSubmission({ kind: 'mediation', data: junk }, agentSchemas, validator).ok).toBe(false);
  });

  it('the receipt fields fit the mediation-receipt form (ID masked)', () => {
    const form = readJson('forms/mediation-receipt.json') as { fields: object };
    const a = filled({ callMe: true, description: '' });
    const fields = toMediationReceipt({
      answers: a,
      submission: { receiptNo: 'TJ261202-0001-0001', storedAt: '2026-12-02T03:02:00.000Z', uploaded: false },
      county,
      committee: committee(a),
      kindLabel: '邻里纠纷',
      otherParty: '李四（演示村）',
      markLabel: '签名',
    });
    expect(validator.validate(form.fields, fields)).toEqual([]);
    expect(fields).toMatchObject({
      idNumberMasked: '1101**********002X',
      committee: '演示村人民调解委员会',
      committeePhone: '0771-1234 5680',
      callMe: true,
      uploadState: 'pending',
      qr: 'http://127.0.0.1:7400/progress?receiptNo=TJ261202-0001-0001',
    });
  });
});
