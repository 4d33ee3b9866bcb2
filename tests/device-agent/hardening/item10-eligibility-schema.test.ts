import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator } from '@kiosk/node-common/validator';
import { loadSubmissionContent } from '../../../device-agent/src/outbox/submission-content.js';
import { OutboxModule } from '../../../device-agent/src/outbox/outbox-module.js';
import { validateSubmission } from '../../../device-agent/src/outbox/validate-submission.js';
import { assessEligibility } from '../../../kiosk-ui/src/eligibility/engine.js';
import { exemptGroupsFor, mattersFor } from '../../../kiosk-ui/src/eligibility/catalogue.js';
import { checkSubmissionContent, loadIntakeSchemas } from '../../../service-center/src/intake-validation.js';
import { CONTENT, answers, demo, rules } from '../../content/legal-aid-fixtures.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';
import { legalAidData, postJson, submission } from '../outbox/fixtures.js';
import { FAST } from '../outbox/outbox-harness.js';

// Issue 13 item 10, the agent's part: the legal-aid eligibility object accepted any extra field
// (the kiosk's EligibilityDecision was only checked for matterId and citations).

const validator = createValidator();
const agentSchemas = loadSubmissionContent(CONTENT).schemas;
const centreSchemas = loadIntakeSchemas(CONTENT);

describe('item 10: the agent checks the eligibility decision field by field', () => {
  let t: TestAgent;
  beforeAll(async () => {
    t = await startTestAgent(DEMO_CONFIG, { modules: [(ctx) => new OutboxModule(ctx, FAST)] });
  });
  afterAll(async () => t?.stop());

  const withEligibility = (patch: Record<string, unknown>) => {
    const data = legalAidData();
    return submission({ eligibility: { ...(data['eligibility'] as object), ...patch } });
  };

  it('item 10: an eligibility with a field the kiosk never sends is refused (400), at any depth', async () => {
    for (const patch of [
      { injected: 'x'.repeat(200_000) },
      { scope: { kind: 'statute', basis: [], note: 'extra' } },
      { economic: { kind: 'pledge', maxFineYuan: 1000, basis: [], extra: true } },
      { materials: ['x'.repeat(1000)] },
      { notes: ['anything at all'] },
    ]) {
      const res = await postJson(`${t.base}/api/v1/submissions`, withEligibility(patch));
      expect(res.status, JSON.stringify(patch).slice(0, 80)).toBe(400);
      expect(['invalidField', 'textTooLong']).toContain(res.body['error']);
    }
    expect((await postJson(`${t.base}/api/v1/submissions`, withEligibility({}))).status).toBe(200);
  });

  it('item 10: every decision the kiosk’s engine makes passes the agent’s and the centre’s checks', () => {
    let checked = 0;
    for (const matter of [...mattersFor(rules, demo).map((m) => m.id), 'other']) {
      for (const group of [null, ...exemptGroupsFor(rules, demo).map((g) => g.id), 'unknownGroup']) {
        for (const [circumstances, age] of [
          [[], undefined],
          [rules.noEconomicTest.map((c) => c.id), 70],
          [['unknownCircumstance'], 12],
        ] as const) {
          const eligibility = assessEligibility(
            rules,
            demo,
            answers({
              matterId: matter,
              exemptGroupId: group,
              circumstances,
              ...(age ? { age } : {}),
              deadlineSoon: true,
            }),
          );
          const body = submission({ eligibility });
          const out = validateSubmission(body, agentSchemas, validator);
          expect(out.ok, `${matter} / ${group} / ${circumstances.length}: ${JSON.stringify(out)}`).toBe(true);
          if (!out.ok) continue;
          const atCentre = checkSubmissionContent(validator, centreSchemas, 'test-0001', {
            receiptNo: 'FY261202-0001-0001',
            kind: 'legalAid',
            data: out.value.data,
          } as never);
          expect(atCentre, `${matter} / ${group}`).toBeNull();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('item 10: 100 000-level nesting gets 400, not 500, and the agent stays up', async () => {
    const deep = `{"kind":"legalAid","data":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    const res = await fetch(`${t.base}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(res.status).toBe(400);
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
  });
});
