// The notarization catalogue (content/notarization/) validates, cites 公证法 Art 11, blocks agents for the
// in-person matters, and every id it uses has zh-CN text.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidator } from '@kiosk/node-common/validator';
import {
  materialsToPhotograph,
  proxyAllowed,
  type NotarizationCatalogue,
  type NotaryCounty,
} from '../../kiosk-ui/src/notarization/catalogue.js';
import { initialNotarizationState, nextNotarization } from '../../kiosk-ui/src/flows/notarization-machine.js';
import { CONTENT, readJson } from './legal-aid-fixtures.js';

const { validate } = createValidator();
const catalogue = readJson('notarization/catalogue.json') as NotarizationCatalogue;
const counties = readdirSync(join(CONTENT, 'notarization/counties')).map(
  (f) => readJson(`notarization/counties/${f}`) as NotaryCounty,
);
const i18n = readJson('i18n/zh-CN/notarization.json') as Record<string, Record<string, unknown>>;
const schema = readJson('schemas/notarization-catalogue.schema.json') as object;

/** The Art 11 terms as the statute lists them per item (legal-content.md §4.1). */
const ART11: Record<number, string> = {
  1: '合同',
  2: '继承',
  3: '委托、声明、赠与、遗嘱',
  4: '财产分割',
  5: '招标投标、拍卖',
  6: '婚姻状况、亲属关系、收养关系',
  7: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
  8: '公司章程',
  9: '保全证据',
  10: '文书上的签名、印鉴、日期，文书的副本、影印本与原本相符',
  11: '自然人、法人或者其他组织自愿申请办理的其他公证事项',
};

describe('notarization content', () => {
  it('the catalogue and every county file validate', () => {
    expect(validate(schema, catalogue)).toEqual([]);
    const countySchema = readJson('schemas/notarization-county.schema.json') as object;
    for (const c of counties) expect({ c: c.countyId, e: validate(countySchema, c) }).toEqual({ c: c.countyId, e: [] });
  });

  it('the schema refuses an in-person matter without its basis and a blocked matter without a way instead', () => {
    const bad = structuredClone(catalogue);
    const will = bad.matters.find((m) => m.id === 'will');
    if (!will) throw new Error('will missing');
    delete will.inPersonBasis;
    delete will.instead;
    const paths = validate(schema, bad).map((e) => e.path);
    expect(paths.some((p) => p.startsWith(`/matters/${bad.matters.indexOf(will)}`))).toBe(true);
    expect(validate(schema, bad).length).toBeGreaterThanOrEqual(2);
  });

  it('holds at least the matters the plan and the issue name', () => {
    const ids = catalogue.matters.map((m) => m.id);
    for (const id of [
      'education',
      'degree',
      'income',
      'legalPerson',
      'textMatch',
      'criminalRecord',
      'maritalStatus',
      'kinship',
      'birth',
      'experience',
      'declaration',
      'mandate',
      'signatureSeal',
      'licence',
      'will',
      'survival',
      'adoption',
    ])
      expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('each matter cites its Art 11 item, with the statute’s own term', () => {
    for (const m of catalogue.matters) {
      expect(ART11[m.article11.item], m.id).toBeDefined();
      if (m.article11.item === 11) expect(m.article11.note, `${m.id}: why item 11`).toBeTruthy();
      else expect(ART11[m.article11.item], m.id).toContain(m.article11.term.split('，')[0]);
    }
  });

  it('every in-person-only matter is blocked for proxies, the statute’s three among them', () => {
    const inPerson = catalogue.matters.filter((m) => m.inPersonOnly);
    for (const id of ['will', 'survival', 'adoption', 'mandate', 'declaration'])
      expect(inPerson.map((m) => m.id)).toContain(id);
    for (const m of inPerson) {
      expect(proxyAllowed(m), m.id).toBe(false);
      // …and the flow refuses it when a family member applies (Art 26)
      let s = initialNotarizationState();
      s = nextNotarization(s, { type: 'matterChosen', matterId: m.id, remote: true, inPersonOnly: true });
      s = nextNotarization(s, { type: 'purposeChosen', where: 'domestic', use: 'work', country: null });
      s = nextNotarization(s, { type: 'applicantChosen', role: 'family', relation: 'child' });
      expect(s.step, m.id).toBe('proxyBlocked');
    }
    for (const m of catalogue.matters.filter((x) => !x.inPersonOnly)) expect(proxyAllowed(m), m.id).toBe(true);
  });

  it('a proxy request asks for the principal’s ID and the letter of authorisation', () => {
    const education = catalogue.matters.find((m) => m.id === 'education');
    if (!education) throw new Error('education missing');
    const list = materialsToPhotograph(education, { cardRead: true, proxy: true });
    expect(list.slice(0, 2)).toEqual(['principalId', 'authorisation']);
    expect(materialsToPhotograph(education, { cardRead: true, proxy: false })).not.toContain('idCard');
  });

  it('a matter the terminal cannot take says how to do it instead; every material has a source', () => {
    for (const m of catalogue.matters) {
      if (!m.remote) expect(m.instead?.length, m.id).toBeGreaterThan(0);
      for (const mat of m.materials) expect(mat.source.length, `${m.id}.${mat.id}`).toBeGreaterThan(1);
    }
    expect(catalogue.defaults.workingDays).toBe(15);
    expect(catalogue.defaults.workingDaysBasis).toEqual({ law: '公证法', article: 30 });
    expect(catalogue.defaults.feeReduction).toEqual({ law: '公证法', article: 34 });
  });

  it('every group, matter, material and fee note has zh-CN text', () => {
    for (const g of catalogue.groups) expect(i18n['group'][g.id], `group.${g.id}`).toBeTruthy();
    for (const m of catalogue.matters) {
      expect((i18n['matter'][m.id] as Record<string, string> | undefined)?.['label'], m.id).toBeTruthy();
      expect(catalogue.groups.map((g) => g.id)).toContain(m.group);
      expect(i18n['fee'][m.fee], `fee.${m.fee}`).toBeTruthy();
      for (const mat of m.materials) expect(i18n['material'][mat.id], `material.${mat.id}`).toBeTruthy();
    }
    for (const id of ['principalId', 'authorisation']) expect(i18n['material'][id]).toBeTruthy();
  });
});
