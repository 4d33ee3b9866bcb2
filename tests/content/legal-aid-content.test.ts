// The legal-aid rule tables validate against their schemas, and every id they use has zh-CN text.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { exemptGroupsFor, mattersFor, type CountyRules } from '../../kiosk-ui/src/eligibility/index.js';
import { CONTENT, demo, readJson, rules } from './legal-aid-fixtures.js';

const i18n = readJson('i18n/zh-CN/legalAid.json') as Record<string, Record<string, unknown>>;
const counties = readdirSync(join(CONTENT, 'legal-aid/counties')).map(
  (f) => readJson(`legal-aid/counties/${f}`) as CountyRules,
);

function validator(schemaFile: string) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(readJson(schemaFile) as object);
}

describe('legal-aid content', () => {
  it('rules.json and every county file validate against their schemas', () => {
    const vRules = validator('schemas/legal-aid-rules.schema.json');
    expect(vRules(rules), JSON.stringify(vRules.errors)).toBe(true);
    const vCounty = validator('schemas/legal-aid-county.schema.json');
    for (const c of counties) expect(vCounty(c), `${c.countyId}: ${JSON.stringify(vCounty.errors)}`).toBe(true);
  });

  it('the county schema rejects an addition without its source, naming the path', () => {
    const vCounty = validator('schemas/legal-aid-county.schema.json');
    const bad = structuredClone(demo) as unknown as { additions: Record<string, unknown>[] };
    delete bad.additions[0]['source'];
    expect(vCounty(bad)).toBe(false);
    expect(vCounty.errors?.[0]?.instancePath).toBe('/additions/0');
  });

  it('the catalogue registers both schemas', () => {
    const cat = readJson('schemas/catalog.json') as { entries: { schema: string; files: string }[] };
    expect(cat.entries).toEqual(
      expect.arrayContaining([
        { files: 'legal-aid/rules.json', schema: 'legal-aid-rules.schema.json' },
        { files: 'legal-aid/counties/*.json', schema: 'legal-aid-county.schema.json' },
      ]),
    );
  });

  it('every matter, circumstance, group and material of every county has zh-CN text', () => {
    for (const county of counties) {
      for (const m of mattersFor(rules, county)) {
        const t = i18n['matter'][m.id] as Record<string, string> | undefined;
        expect(t?.['label'], `matter.${m.id}`).toBeTruthy();
        expect(t?.['spoken'], `matter.${m.id}`).toBeTruthy();
      }
      for (const g of exemptGroupsFor(rules, county)) {
        expect(i18n['group'][g.id], `group.${g.id}`).toBeTruthy();
        for (const p of g.proof) expect(i18n['material'][p], `material.${p}`).toBeTruthy();
      }
      for (const a of county.additions)
        for (const p of a.materials ?? []) expect(i18n['material'][p], `material.${p}`).toBeTruthy();
    }
    for (const c of rules.noEconomicTest) expect(i18n['circumstance'][c.id], `circumstance.${c.id}`).toBeTruthy();
    for (const id of [...rules.phrases.common, ...Object.values(rules.phrases.byMatter).flat()])
      expect(i18n['phrases'][id], `phrases.${id}`).toBeTruthy();
    const materialIds = [...rules.materials.always, ...Object.values(rules.materials.byMatter).flat()];
    for (const id of materialIds) expect(i18n['material'][id], `material.${id}`).toBeTruthy();
  });

  it('every step has a title and a voice prompt', () => {
    for (const [step, t] of Object.entries(i18n['steps'])) {
      const texts = t as Record<string, string>;
      expect(texts['title'], `steps.${step}.title`).toBeTruthy();
      expect(texts['voice'], `steps.${step}.voice`).toBeTruthy();
    }
  });

  it('the receipt texts carry the paper-out wording staff and villagers rely on', () => {
    const receipt = i18n['steps']['receipt'] as Record<string, string>;
    expect(receipt['paperOut']).toBe('纸张用完了，请找工作人员加纸后重新打印');
    expect(receipt['numberLabel']).toBe('申请编号');
  });
});
