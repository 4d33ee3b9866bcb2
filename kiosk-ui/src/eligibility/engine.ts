// The legal-aid eligibility engine: pure, deterministic, no DOM and no I/O.
// It never refuses an application. It says on which articles the application rests and what the
// legal-aid office will check (Art. 23 duty to inform); the office decides (Art. 43).
import { exemptGroupsFor, findMatter, isCountyMatter, type AnyMatter } from './catalogue.js';
import { mergeCitations } from './citation.js';
import type {
  CentreCheck,
  Citation,
  CountyRules,
  DecisionNote,
  EconomicDecision,
  EligibilityAnswers,
  EligibilityDecision,
  LegalAidRules,
  ScopeDecision,
  UrgencyDecision,
  VenueDecision,
} from './types.js';

function scopeOf(rules: LegalAidRules, matter: AnyMatter | undefined): ScopeDecision {
  if (!matter) return { kind: 'unlisted', basis: [{ article: 31 }, rules.outOfScope.basis, rules.outOfScope.services] };
  if (isCountyMatter(matter)) {
    return {
      kind: 'countyAddition',
      source: matter.source,
      verified: matter.verified !== false,
      basis: [matter.basis],
    };
  }
  return { kind: 'statute', basis: [matter.basis] };
}

function economicOf(
  rules: LegalAidRules,
  county: CountyRules,
  matter: AnyMatter | undefined,
  answers: EligibilityAnswers,
  notes: DecisionNote[],
): EconomicDecision {
  const matterId = matter?.id;
  const circumstanceIds = matter?.noEconomicTest
    ? [matter.noEconomicTest, ...answers.circumstances]
    : answers.circumstances;
  for (const id of circumstanceIds) {
    const rule = rules.noEconomicTest.find((r) => r.id === id);
    if (!rule) {
      if (!notes.includes('unknownCircumstance')) notes.push('unknownCircumstance');
      continue;
    }
    if (rule.matters && (matterId === undefined || !rule.matters.includes(matterId))) {
      if (!notes.includes('circumstanceNotForThisMatter')) notes.push('circumstanceNotForThisMatter');
      continue;
    }
    return { kind: 'noEconomicTest', circumstanceId: rule.id, basis: [rule.basis] };
  }

  if (answers.exemptGroupId !== null) {
    const group = exemptGroupsFor(rules, county).find((g) => g.id === answers.exemptGroupId);
    if (!group) notes.push('unknownGroup');
    else if (group.onlyForMigrantWorkerClaims && !matter?.migrantWorkerClaim) notes.push('groupNotForThisMatter');
    else if (
      answers.age !== undefined &&
      ((group.minAge !== undefined && answers.age < group.minAge) ||
        (group.maxAge !== undefined && answers.age > group.maxAge))
    ) {
      notes.push('ageDoesNotMatchGroup');
    } else {
      return { kind: 'checkExempt', groupId: group.id, proof: [...group.proof], basis: [group.basis] };
    }
  }

  return {
    kind: 'pledge',
    maxFineYuan: rules.pledge.maxFineYuan,
    basis: [rules.pledge.basis, rules.pledge.penalty, county.hardship.basis],
  };
}

function urgencyOf(rules: LegalAidRules, answers: EligibilityAnswers): UrgencyDecision {
  const picked = rules.urgency.reasons.filter(
    (r) =>
      (r.id === 'deadlineSoon' && answers.deadlineSoon) ||
      (r.id === 'preservationNeeded' && answers.preservationNeeded),
  );
  return {
    urgent: picked.length > 0,
    reasons: picked.map((r) => r.id),
    deadlineDays: rules.urgency.deadlineDays,
    basis: picked.map((r) => r.basis),
  };
}

function venueOf(
  rules: LegalAidRules,
  county: CountyRules,
  matter: AnyMatter | undefined,
  answers: EligibilityAnswers,
): VenueDecision {
  const litigation = answers.stage === 'litigation' || matter?.proceeding === 'litigation';
  return {
    kind: litigation ? 'litigation' : 'nonLitigation',
    office: county.office,
    station: county.station,
    basis: [rules.venue.basis, rules.venue.station],
  };
}

function materialsOf(rules: LegalAidRules, matter: AnyMatter | undefined, economic: EconomicDecision): string[] {
  const list = [...rules.materials.always];
  if (matter) list.push(...(rules.materials.byMatter[matter.id] ?? []));
  if (matter && isCountyMatter(matter)) list.push(...(matter.materials ?? []));
  if (economic.kind === 'checkExempt') list.push(...economic.proof);
  return [...new Set(list)];
}

function checksOf(scope: ScopeDecision, economic: EconomicDecision, urgency: UrgencyDecision): CentreCheck[] {
  const checks: CentreCheck[] = ['identity'];
  if (scope.kind === 'unlisted') checks.push('matterCovered');
  if (scope.kind === 'countyAddition' && !scope.verified) checks.push('unverifiedAddition');
  if (economic.kind === 'pledge') checks.push('hardship');
  if (economic.kind === 'checkExempt') checks.push('groupProof');
  if (economic.kind === 'noEconomicTest') checks.push('circumstanceProof');
  if (urgency.urgent) checks.push('urgency');
  return checks;
}

/** Assesses one application against the national rules and one county's additions. */
export function assessEligibility(
  rules: LegalAidRules,
  county: CountyRules,
  answers: EligibilityAnswers,
): EligibilityDecision {
  const matter = findMatter(rules, county, answers.matterId);
  const notes: DecisionNote[] = [];
  const scope = scopeOf(rules, matter);
  const economic = economicOf(rules, county, matter, answers, notes);
  const urgency = urgencyOf(rules, answers);
  const venue = venueOf(rules, county, matter, answers);
  const decision = {
    decideDays: rules.decision.decideDays,
    assignDays: rules.decision.assignDays,
    basis: [rules.decision.basis],
  };
  const all: Citation[][] = [scope.basis, economic.basis, urgency.basis, venue.basis, decision.basis];
  return {
    matterId: answers.matterId,
    scope,
    economic,
    urgency,
    venue,
    decision,
    materials: materialsOf(rules, matter, economic),
    centreChecks: checksOf(scope, economic, urgency),
    notes,
    citations: mergeCitations(all),
  };
}

/** Whole years between an ISO birth date (YYYY-MM-DD or YYYYMMDD) and `today`; undefined when unreadable. */
export function ageOn(birthDate: string, today: Date): number | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(birthDate);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < mo || (today.getUTCMonth() + 1 === mo && today.getUTCDate() < d)) age -= 1;
  return age >= 0 && age < 150 ? age : undefined;
}
