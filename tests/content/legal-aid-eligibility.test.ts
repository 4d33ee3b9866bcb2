// One test per article branch of the eligibility engine; each asserts the article it cites.
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  assessEligibility,
  citationText,
  mattersFor,
  maskIdNumber,
  isValidIdNumber,
  birthDateOf,
  type Citation,
} from '../../kiosk-ui/src/eligibility/index.js';
import { answers, demo, rules } from './legal-aid-fixtures.js';

const has = (list: Citation[], c: Citation): boolean => list.some((x) => x.article === c.article && x.item === c.item);

describe('Art. 31 — matters that need economic hardship', () => {
  const items: [string, number][] = [
    ['stateCompensation', 1],
    ['socialInsurance', 2],
    ['pension', 3],
    ['support', 4],
    ['wages', 5],
    ['capacity', 6],
    ['workInjury', 7],
    ['trafficAccident', 7],
    ['medicalAccident', 7],
    ['foodDrugSafety', 7],
    ['environment', 8],
  ];
  for (const [matterId, item] of items) {
    it(`${matterId} rests on Art. 31(${item}) and, with no exemption, on the Art. 41 pledge`, () => {
      const d = assessEligibility(rules, demo, answers({ matterId }));
      expect(d.scope).toEqual({ kind: 'statute', basis: [{ article: 31, item }] });
      expect(d.economic.kind).toBe('pledge');
      expect(has(d.citations, { article: 31, item })).toBe(true);
    });
  }
});

describe('Art. 31(九) — provincial/county additions', () => {
  it('fake farm inputs come from the county file under Art. 31(九) with their source', () => {
    const d = assessEligibility(rules, demo, answers({ matterId: 'fakeFarmInputs' }));
    expect(d.scope).toMatchObject({ kind: 'countyAddition', verified: true, basis: [{ article: 31, item: 9 }] });
    expect(d.scope.kind === 'countyAddition' && d.scope.source).toContain('演示省');
    expect(d.materials).toContain('purchaseProof');
  });

  it('an unverified addition (土地纠纷) is still accepted, and the centre checks the scope', () => {
    const d = assessEligibility(rules, demo, answers({ matterId: 'landDispute' }));
    expect(d.scope).toMatchObject({ kind: 'countyAddition', verified: false });
    expect(d.centreChecks).toContain('unverifiedAddition');
  });

  it('a county without the addition treats the matter as unlisted instead of refusing (Art. 23 duty to inform)', () => {
    const bare = { ...demo, additions: [] };
    const d = assessEligibility(rules, bare, answers({ matterId: 'landDispute' }));
    expect(d.scope.kind).toBe('unlisted');
    expect(has(d.citations, { article: 23 })).toBe(true);
    expect(has(d.citations, { article: 22 })).toBe(true);
    expect(d.centreChecks).toContain('matterCovered');
  });

  it('the matter list merges national and county matters in the county order', () => {
    const ids = mattersFor(rules, demo).map((m) => m.id);
    expect(ids.slice(0, 3)).toEqual(['wages', 'laborDispute', 'workInjury']);
    expect(ids).toContain('fakeFarmInputs');
    expect(ids).toContain('stateCompensation');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('Art. 32 — no economic-hardship condition', () => {
  const cases: [string, number, string][] = [
    ['heroRelative', 1, 'support'],
    ['braveAct', 2, 'trafficAccident'],
    ['retrialAcquittal', 3, 'stateCompensation'],
    ['victimOfAbuse', 4, 'support'],
  ];
  for (const [id, item, matterId] of cases) {
    it(`${id} removes the hardship test, citing Art. 32(${item})`, () => {
      const d = assessEligibility(rules, demo, answers({ matterId, circumstances: [id] }));
      expect(d.economic).toEqual({ kind: 'noEconomicTest', circumstanceId: id, basis: [{ article: 32, item }] });
      expect(d.centreChecks).toContain('circumstanceProof');
      expect(d.centreChecks).not.toContain('hardship');
      expect(has(d.citations, { article: 41 })).toBe(false);
    });
  }

  it('domestic violence as the matter itself needs no economic test (Art. 32(四))', () => {
    const d = assessEligibility(rules, demo, answers({ matterId: 'domesticViolence' }));
    expect(d.scope.basis).toEqual([{ article: 32, item: 4 }]);
    expect(d.economic).toMatchObject({ kind: 'noEconomicTest', basis: [{ article: 32, item: 4 }] });
  });

  it('a retrial acquittal ticked for another matter does not apply; the note says so and the pledge remains', () => {
    const d = assessEligibility(rules, demo, answers({ matterId: 'wages', circumstances: ['retrialAcquittal'] }));
    expect(d.economic.kind).toBe('pledge');
    expect(d.notes).toContain('circumstanceNotForThisMatter');
  });

  it('Art. 32 wins over an Art. 42 group', () => {
    const d = assessEligibility(rules, demo, answers({ circumstances: ['braveAct'], exemptGroupId: 'dibao' }));
    expect(d.economic.kind).toBe('noEconomicTest');
  });
});

describe('Art. 42 — exempt from the hardship check, with proof', () => {
  const groups: [string, number, string, string][] = [
    ['elderlyNoIncome', 1, 'trafficAccident', 'noFixedIncomeStatement'],
    ['disabledNoIncome', 1, 'support', 'disabilityCertificate'],
    ['minorNoIncome', 1, 'trafficAccident', 'householdRegister'],
    ['dibao', 2, 'support', 'dibaoCertificate'],
    ['tekun', 2, 'medicalAccident', 'tekunCertificate'],
    ['youfu', 2, 'pension', 'youfuCertificate'],
    ['migrantWorker', 3, 'wages', 'workProof'],
    ['povertyAlleviated', 4, 'fakeFarmInputs', 'povertyAlleviatedProof'],
    ['povertyMonitored', 4, 'environment', 'povertyMonitoredProof'],
  ];
  for (const [groupId, item, matterId, proof] of groups) {
    it(`${groupId} skips the check, citing Art. 42(${item}), and asks for ${proof}`, () => {
      const d = assessEligibility(rules, demo, answers({ matterId, exemptGroupId: groupId }));
      expect(d.economic).toMatchObject({ kind: 'checkExempt', groupId, basis: [{ article: 42, item }] });
      expect(d.materials).toContain(proof);
      expect(d.centreChecks).toContain('groupProof');
      expect(d.centreChecks).not.toContain('hardship');
    });
  }

  it('a migrant worker with a work-injury claim is exempt; with a traffic accident the pledge applies', () => {
    expect(
      assessEligibility(rules, demo, answers({ matterId: 'workInjury', exemptGroupId: 'migrantWorker' })).economic.kind,
    ).toBe('checkExempt');
    const d = assessEligibility(rules, demo, answers({ matterId: 'trafficAccident', exemptGroupId: 'migrantWorker' }));
    expect(d.economic.kind).toBe('pledge');
    expect(d.notes).toEqual(['groupNotForThisMatter']);
  });

  it('"elderly" with an ID-card age of 45 falls back to the pledge with a note', () => {
    const d = assessEligibility(rules, demo, answers({ exemptGroupId: 'elderlyNoIncome', age: 45 }));
    expect(d.economic.kind).toBe('pledge');
    expect(d.notes).toContain('ageDoesNotMatchGroup');
  });

  it('an unknown group id is not a crash: pledge plus a note', () => {
    const d = assessEligibility(rules, demo, answers({ exemptGroupId: 'martian' }));
    expect(d.economic.kind).toBe('pledge');
    expect(d.notes).toContain('unknownGroup');
  });
});

describe('Art. 41 + Art. 64 + Art. 34 — honesty pledge instead of a certificate', () => {
  it('no exemption → pledge citing Art. 41, the Art. 64 fine and the provincial threshold (Art. 34)', () => {
    const d = assessEligibility(rules, demo, answers());
    expect(d.economic).toEqual({
      kind: 'pledge',
      maxFineYuan: 3000,
      basis: [{ article: 41 }, { article: 64 }, { article: 34 }],
    });
    expect(d.centreChecks).toContain('hardship');
  });
});

describe('Art. 44 — urgency', () => {
  it('a deadline within 7 days marks the application urgent, citing Art. 44(一)', () => {
    const d = assessEligibility(rules, demo, answers({ deadlineSoon: true }));
    expect(d.urgency).toEqual({
      urgent: true,
      reasons: ['deadlineSoon'],
      deadlineDays: 7,
      basis: [{ article: 44, item: 1 }],
    });
    expect(d.centreChecks).toContain('urgency');
  });
  it('immediate preservation marks it urgent, citing Art. 44(二)', () => {
    const d = assessEligibility(rules, demo, answers({ preservationNeeded: true }));
    expect(d.urgency.basis).toEqual([{ article: 44, item: 2 }]);
  });
  it('neither → not urgent and Art. 44 not cited', () => {
    const d = assessEligibility(rules, demo, answers());
    expect(d.urgency.urgent).toBe(false);
    expect(d.citations.some((c) => c.article === 44)).toBe(false);
  });
});

describe('Art. 38 + Art. 13 — where the application goes', () => {
  it('a case already in court goes to the office where the court sits (litigation branch)', () => {
    const d = assessEligibility(rules, demo, answers({ stage: 'litigation' }));
    expect(d.venue).toEqual({
      kind: 'litigation',
      office: '演示县法律援助中心',
      station: '演示镇公共法律服务工作站',
      basis: [{ article: 38 }, { article: 13 }],
    });
  });
  it('arbitration or nothing started yet is a non-litigation matter', () => {
    expect(assessEligibility(rules, demo, answers({ stage: 'arbitration' })).venue.kind).toBe('nonLitigation');
    expect(assessEligibility(rules, demo, answers()).venue.kind).toBe('nonLitigation');
  });
  it('a capacity declaration is always a court matter', () => {
    expect(assessEligibility(rules, demo, answers({ matterId: 'capacity' })).venue.kind).toBe('litigation');
  });
});

describe('Art. 43 — deadlines and the decision summary', () => {
  it('every decision carries 7 days to decide and 3 to assign, citing Art. 43', () => {
    const d = assessEligibility(rules, demo, answers());
    expect(d.decision).toEqual({ decideDays: 7, assignDays: 3, basis: [{ article: 43 }] });
  });
  it('citations are sorted and unique', () => {
    const d = assessEligibility(
      rules,
      demo,
      answers({ matterId: 'wages', exemptGroupId: 'migrantWorker', deadlineSoon: true }),
    );
    expect(d.citations.map(citationText)).toEqual([
      '第十三条',
      '第三十一条（五）',
      '第三十八条',
      '第四十二条（三）',
      '第四十三条',
      '第四十四条（一）',
    ]);
  });
  it('an unknown matter is never refused: it is unlisted, and identity + scope are checked', () => {
    const d = assessEligibility(rules, demo, answers({ matterId: 'other' }));
    expect(d.scope.kind).toBe('unlisted');
    expect(d.centreChecks).toEqual(['identity', 'matterCovered', 'hardship']);
    expect(d.materials).toEqual(['idCard', 'caseMaterials']);
  });
});

describe('ID number helpers (GB 11643)', () => {
  it('accepts a number with a correct check character (also lower-case x) and rejects a wrong one', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491331002X')).toBe(false);
    expect(isValidIdNumber('1101051949')).toBe(false);
  });
  it('masks all but the first 4 and last 4 characters', () => {
    expect(maskIdNumber('450102199001011234')).toBe('4501**********1234');
  });
  it('derives birth date and age', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(ageOn('1949-12-31', new Date('2026-11-29T00:00:00Z'))).toBe(76);
    expect(ageOn('2000-12-01', new Date('2026-11-29T00:00:00Z'))).toBe(25);
    expect(ageOn('garbage', new Date())).toBeUndefined();
  });
});
