// Shapes of the legal-aid rule tables in content/legal-aid/ and of the engine's answer.
// Pure data types: no DOM, no I/O, so the service centre can import them too.

/** One article (and optionally one numbered item) of 《法律援助法》. */
export interface Citation {
  article: number;
  item?: number;
}

export type ProceedingKind = 'litigation' | 'either';

export interface MatterRule {
  id: string;
  icon: string;
  basis: Citation;
  proceeding: ProceedingKind;
  /** Art. 42(三): a migrant worker claiming wages or work-injury damages. */
  migrantWorkerClaim?: boolean;
  /** Id of an Art. 32 circumstance the matter itself implies (e.g. domestic violence). */
  noEconomicTest?: string;
}

export interface CountyMatterRule extends MatterRule {
  /** The provincial or county rule that adds it under Art. 31(九). */
  source: string;
  /** False when nobody has confirmed the provincial list contains it. */
  verified?: boolean;
  materials?: string[];
}

export interface NoEconomicTestRule {
  id: string;
  basis: Citation;
  /** Limits the circumstance to these matters (e.g. retrial acquittal → state compensation). */
  matters?: string[];
}

export interface ExemptGroupRule {
  id: string;
  basis: Citation;
  /** Documents that prove membership (material ids). */
  proof: string[];
  minAge?: number;
  maxAge?: number;
  onlyForMigrantWorkerClaims?: boolean;
  source?: string;
}

export interface LegalAidRules {
  law: string;
  lawShort: string;
  adopted: string;
  inForce: string;
  matters: MatterRule[];
  noEconomicTest: NoEconomicTestRule[];
  checkExemptGroups: ExemptGroupRule[];
  pledge: { basis: Citation; penalty: Citation; maxFineYuan: number };
  urgency: { deadlineDays: number; reasons: { id: UrgencyReason; basis: Citation }[] };
  decision: { basis: Citation; decideDays: number; assignDays: number };
  venue: { basis: Citation; station: Citation };
  outOfScope: { basis: Citation; services: Citation };
  /** Common phrases for 发生了什么, by matter (keys of legalAid.phrases). */
  phrases: { common: string[]; byMatter: Record<string, string[]> };
  materials: { always: string[]; byMatter: Record<string, string[]> };
}

export interface CountyRules {
  countyId: string;
  regionCode: string;
  province: string;
  office: string;
  station: string;
  /** Receipt QR target; `{receiptNo}` is replaced. */
  progressUrl: string;
  hardship: { basis: Citation; monthlyIncomeYuan: number; version: string };
  additions: CountyMatterRule[];
  exemptGroupAdditions: ExemptGroupRule[];
  matterOrder: string[];
}

export type UrgencyReason = 'deadlineSoon' | 'preservationNeeded';

/** Where the case stands now (法律状态), as the villager picked it. */
export type LegalStage = 'notStarted' | 'litigation' | 'arbitration' | 'mediation' | 'administrative';

/** What the villager told the kiosk; every field has a "don't know" answer. */
export interface EligibilityAnswers {
  matterId: string;
  /** Art. 32 circumstance ids the villager ticked. */
  circumstances: readonly string[];
  /** Art. 42 group id, or null for "none of these" (→ Art. 41 pledge). */
  exemptGroupId: string | null;
  /** Age from the ID card's birth date, when known. */
  age?: number;
  deadlineSoon: boolean;
  preservationNeeded: boolean;
  stage: LegalStage;
}

export type ScopeDecision =
  | { kind: 'statute'; basis: Citation[] }
  | { kind: 'countyAddition'; source: string; verified: boolean; basis: Citation[] }
  | { kind: 'unlisted'; basis: Citation[] };

export type EconomicDecision =
  | { kind: 'noEconomicTest'; circumstanceId: string; basis: Citation[] }
  | { kind: 'checkExempt'; groupId: string; proof: string[]; basis: Citation[] }
  | { kind: 'pledge'; maxFineYuan: number; basis: Citation[] };

export interface UrgencyDecision {
  urgent: boolean;
  reasons: UrgencyReason[];
  deadlineDays: number;
  basis: Citation[];
}

export interface VenueDecision {
  kind: 'litigation' | 'nonLitigation';
  office: string;
  station: string;
  basis: Citation[];
}

/** Something the centre will look at; the kiosk only tells, it never refuses. */
export type CentreCheck =
  'matterCovered' | 'unverifiedAddition' | 'hardship' | 'groupProof' | 'circumstanceProof' | 'urgency' | 'identity';

export type DecisionNote =
  | 'circumstanceNotForThisMatter'
  | 'groupNotForThisMatter'
  | 'ageDoesNotMatchGroup'
  | 'unknownGroup'
  | 'unknownCircumstance';

export interface EligibilityDecision {
  matterId: string;
  scope: ScopeDecision;
  economic: EconomicDecision;
  urgency: UrgencyDecision;
  venue: VenueDecision;
  decision: { decideDays: number; assignDays: number; basis: Citation[] };
  /** Material ids to bring or photograph. */
  materials: string[];
  centreChecks: CentreCheck[];
  notes: DecisionNote[];
  /** Every article the decision rests on, sorted, without duplicates. */
  citations: Citation[];
}
