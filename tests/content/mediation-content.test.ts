// People's mediation content (content/mediation/): every dispute kind has its picture, request and
// description phrases with zh-CN text, and a committee route; jurisdiction picks the right committee
// for the demo county's villages (legal-content.md §5).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidator } from '@kiosk/node-common/validator';
import {
  committeeFor,
  DISPUTE_KINDS,
  mediationCounty,
  type MediationCounty,
  type MediationCountyFile,
  type MediationKinds,
  type Village,
} from '../../kiosk-ui/src/mediation/mediation-content.js';
import { CONTENT, readJson } from './legal-aid-fixtures.js';

const { validate } = createValidator();
const kinds = readJson('mediation/kinds.json') as MediationKinds;
const files = readdirSync(join(CONTENT, 'mediation/counties')).map(
  (f) => readJson(`mediation/counties/${f}`) as MediationCountyFile,
);
/** Each county's committees with its villages (content/counties/<county>/villages.json). */
const counties: MediationCounty[] = files.map((f) =>
  mediationCounty(f, readJson(`counties/${f.countyId}/villages.json`) as { villages: Village[] }),
);
const demo = counties.find((c) => c.countyId === 'demo') as MediationCounty;
const i18n = readJson('i18n/zh-CN/mediation.json') as Record<string, Record<string, unknown>>;
const submissionSchema = readJson('schemas/submission-mediation.schema.json') as {
  properties: { disputeKind: { enum: string[] } };
};
/** Picture ids the kiosk draws (kiosk-ui/src/legal-aid/matter-icons.ts). */
const ICON_SET = new Set(
  'scale shield medal family wallet person helmet car cross bowl leaf home handshake field sprout question'.split(' '),
);

const pick = (applicantVillage: string | null, otherVillage: string | null, kind = 'land' as const) =>
  committeeFor(demo, kinds, { kind, applicantVillage, otherVillage }).name;

describe('mediation content', () => {
  it('the kinds and every county file validate against their schemas', () => {
    expect(validate(readJson('schemas/mediation-kinds.schema.json') as object, kinds)).toEqual([]);
    const countySchema = readJson('schemas/mediation-county.schema.json') as object;
    for (const c of files) expect({ c: c.countyId, e: validate(countySchema, c) }).toEqual({ c: c.countyId, e: [] });
  });

  it('holds the seven kinds of the issue, the same as the submission schema, each with a picture', () => {
    expect(kinds.kinds.map((k) => k.id)).toEqual([...DISPUTE_KINDS]);
    expect(submissionSchema.properties.disputeKind.enum).toEqual([...DISPUTE_KINDS]);
    for (const k of kinds.kinds) expect(ICON_SET.has(k.icon), k.id).toBe(true);
    expect(new Set(kinds.kinds.map((k) => k.icon)).size).toBe(kinds.kinds.length);
    expect(kinds.maxRequests).toBe(3);
  });

  it('every kind has 3–6 request phrases and description phrases, each with zh-CN text', () => {
    const requestText = i18n['request'] as Record<string, string>;
    const descriptionText = i18n['description'] as Record<string, string>;
    for (const k of kinds.kinds) {
      expect(k.requests.length, k.id).toBeGreaterThanOrEqual(3);
      expect(k.requests.length, k.id).toBeLessThanOrEqual(6);
      expect(k.descriptions.length, k.id).toBeGreaterThanOrEqual(2);
      for (const r of k.requests) expect(requestText[r], `${k.id} request ${r}`).toMatch(/\S/);
      for (const d of k.descriptions) expect(descriptionText[d], `${k.id} description ${d}`).toMatch(/\S/);
      expect((i18n['kind'] as Record<string, string>)[k.id], k.id).toMatch(/\S/);
      // A request must fit the submission (≤ 100 characters) and a receipt line.
      for (const r of k.requests) expect([...(requestText[r] ?? '')].length).toBeLessThanOrEqual(20);
    }
  });

  it('every kind has a committee route: each village of each county, alone or with another, reaches a committee', () => {
    for (const county of counties) {
      const ids = county.committees.map((c) => c.id);
      expect(ids).toContain(county.defaultCommittee);
      for (const v of county.villages) {
        const township = county.committees.find((c) => c.level === 'township' && c.township === v.township);
        expect(township?.covers, `${v.id} township committee`).toContain(v.id);
        for (const k of kinds.kinds) {
          for (const other of [null, ...county.villages.map((x) => x.id)]) {
            const c = committeeFor(county, kinds, { kind: k.id, applicantVillage: v.id, otherVillage: other });
            expect(ids).toContain(c.id);
            // The committee chosen covers her village (it is the committee where she lives).
            expect(c.covers, `${k.id} ${v.id}/${other}`).toContain(v.id);
          }
        }
      }
      // Every village is covered by at least one committee of its county.
      for (const v of county.villages)
        expect(
          county.committees.some((c) => c.covers.includes(v.id)),
          v.id,
        ).toBe(true);
    }
  });

  it('jurisdiction in the demo county: the village committee, the township across villages or without one', () => {
    // Both parties in 演示村, or the other party's village unknown: 演示村's own committee.
    expect(pick('yanshi', 'yanshi')).toBe('演示村人民调解委员会');
    expect(pick('yanshi', null)).toBe('演示村人民调解委员会');
    expect(pick('dongping', null)).toBe('东坪村人民调解委员会');
    expect(pick('xihe', 'xihe')).toBe('西河村人民调解委员会');
    expect(pick('beishan', null)).toBe('北山村人民调解委员会');
    expect(pick('qingshui', 'qingshui')).toBe('清水村人民调解委员会');
    // She does not live in a listed village but the other party does: where the other party lives.
    expect(pick(null, 'dongping')).toBe('东坪村人民调解委员会');
    // Across villages of one township: the township committee.
    expect(pick('yanshi', 'dongping')).toBe('演示镇人民调解委员会');
    expect(pick('xihe', 'yanshi')).toBe('演示镇人民调解委员会');
    expect(pick('beishan', 'qingshui')).toBe('城关镇人民调解委员会');
    // 南岭村 has no committee of its own: its township's.
    expect(pick('nanling', 'nanling')).toBe('城关镇人民调解委员会');
    expect(pick('nanling', null)).toBe('城关镇人民调解委员会');
    // Across townships: the township committee where she lives.
    expect(pick('nanling', 'yanshi')).toBe('城关镇人民调解委员会');
    expect(pick('yanshi', 'nanling')).toBe('演示镇人民调解委员会');
    // Nothing known: the county default.
    expect(pick(null, null)).toBe('演示镇人民调解委员会');
    // 劳务 goes to the township even within one village (content route).
    expect(committeeFor(demo, kinds, { kind: 'labour', applicantVillage: 'yanshi', otherVillage: 'yanshi' }).name).toBe(
      '演示镇人民调解委员会',
    );
  });

  it('the demo county agrees with the institutions page (演示村 committee phone and address)', () => {
    const inst = readJson('counties/demo/institutions.json') as {
      institutions: Array<{ kind: string; name: string; phone: string; address: string }>;
    };
    const listed = inst.institutions.find((i) => i.kind === 'mediationCommittee');
    const committee = demo.committees.find((c) => c.name === listed?.name);
    expect(committee?.phone).toBe(listed?.phone);
    expect(committee?.address).toBe(listed?.address);
  });
});
