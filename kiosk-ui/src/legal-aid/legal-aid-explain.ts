// Turns the engine's decision into plain zh-CN sentences (display and speech). Pure apart from `t`.
import { citationText } from '../eligibility/citation.js';
import type { Citation, EligibilityDecision } from '../eligibility/types.js';
import type { Localize, MessageKey } from '../i18n/message-types.js';
import { legalAidKey } from './legal-aid-messages.js';

export interface Sentence {
  key: MessageKey;
  params?: Record<string, string | number>;
  /** Articles this sentence rests on, shown after it. */
  basis: Citation[];
}

export function explainDecision(d: EligibilityDecision, t: Localize): Sentence[] {
  const out: Sentence[] = [{ key: 'legalAid.decision.neverRefused', basis: [] }];
  if (d.scope.kind === 'countyAddition')
    out.push({
      key: 'legalAid.decision.scope.countyAddition',
      params: { source: d.scope.source },
      basis: d.scope.basis,
    });
  else out.push({ key: legalAidKey(`decision.scope.${d.scope.kind}`), basis: d.scope.basis });
  const e = d.economic;
  if (e.kind === 'checkExempt') {
    const proof = e.proof.map((p) => t(legalAidKey(`material.${p}`))).join('、');
    out.push({ key: 'legalAid.decision.economic.checkExempt', params: { proof }, basis: e.basis });
  } else {
    out.push({ key: legalAidKey(`decision.economic.${e.kind}`), basis: e.basis });
  }
  for (const note of d.notes) out.push({ key: legalAidKey(`decision.notes.${note}`), basis: [] });
  out.push({
    key: d.urgency.urgent ? 'legalAid.decision.urgency.urgent' : 'legalAid.decision.urgency.notUrgent',
    basis: d.urgency.basis,
  });
  out.push({
    key: legalAidKey(`decision.venue.${d.venue.kind}`),
    params: { office: d.venue.office },
    basis: d.venue.basis,
  });
  out.push({
    key: 'legalAid.decision.deadlines',
    params: { decideDays: d.decision.decideDays, assignDays: d.decision.assignDays },
    basis: d.decision.basis,
  });
  return out;
}

/** "法律援助法第三十一条（五）、第四十一条" */
export function basisText(basis: Citation[], t: Localize): string {
  return basis.length ? t('legalAid.decision.citation', { articles: basis.map(citationText).join('、') }) : '';
}
