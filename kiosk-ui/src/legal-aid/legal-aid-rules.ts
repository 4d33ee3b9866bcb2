// The rule tables bundled from content/legal-aid/ (small JSON, validated by their schemas in tests).
import rulesJson from '../../../content/legal-aid/rules.json' with { type: 'json' };
import type { CountyRules, LegalAidRules } from '../eligibility/types.js';

export const LEGAL_AID_RULES = rulesJson as unknown as LegalAidRules;

const counties = import.meta.glob<CountyRules>('../../../content/legal-aid/counties/*.json', {
  eager: true,
  import: 'default',
});

export const DEFAULT_LEGAL_AID_COUNTY = 'demo';

/** The county's additions (config `county`); the demo county when the configured one has no file. */
export function countyRulesFor(county: string | undefined): CountyRules {
  const find = (name: string): CountyRules | undefined =>
    Object.entries(counties).find(([path]) => path.endsWith(`/counties/${name}.json`))?.[1];
  const found = (county ? find(county) : undefined) ?? find(DEFAULT_LEGAL_AID_COUNTY);
  if (!found) throw new Error('content/legal-aid/counties has no demo county');
  return found;
}
