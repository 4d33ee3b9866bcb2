import type { CountyMatterRule, CountyRules, ExemptGroupRule, LegalAidRules, MatterRule } from './types.js';

export type AnyMatter = MatterRule | CountyMatterRule;

export function isCountyMatter(m: AnyMatter): m is CountyMatterRule {
  return 'source' in m;
}

/** The matters one county offers: national Art. 31/32 matters plus its additions, in its order. */
export function mattersFor(rules: LegalAidRules, county: CountyRules): AnyMatter[] {
  const all: AnyMatter[] = [...rules.matters, ...county.additions];
  const rank = (id: string): number => {
    const i = county.matterOrder.indexOf(id);
    return i === -1 ? county.matterOrder.length : i;
  };
  return all
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m.id) - rank(b.m.id) || a.i - b.i)
    .map(({ m }) => m);
}

export function findMatter(rules: LegalAidRules, county: CountyRules, id: string): AnyMatter | undefined {
  return rules.matters.find((m) => m.id === id) ?? county.additions.find((m) => m.id === id);
}

/** Art. 42 groups: the statute's seed list plus the county's (Art. 42(四)) additions. */
export function exemptGroupsFor(rules: LegalAidRules, county: CountyRules): ExemptGroupRule[] {
  return [...rules.checkExemptGroups, ...county.exemptGroupAdditions];
}
