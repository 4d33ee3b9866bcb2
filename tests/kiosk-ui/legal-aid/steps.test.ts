// Question steps of the legal-aid flow: behaviour, axe, sizes (≥ 64 px targets, ≥ 28 px text).
import { html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import rulesJson from '../../../content/legal-aid/rules.json' with { type: 'json' };
import demoJson from '../../../content/legal-aid/counties/demo.json' with { type: 'json' };
import {
  assessEligibility,
  mattersFor,
  type CountyRules,
  type LegalAidRules,
} from '../../../kiosk-ui/src/eligibility/index.js';
import { initialLegalAidState, type LegalAidAnswers } from '../../../kiosk-ui/src/flows/legal-aid-machine.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-assessment.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-circumstances.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-consent.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-group.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-matter.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-phone.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-pledge.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-review.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-urgency.js';
import {
  button,
  buttons,
  deepText,
  expectAxeClean,
  expectKioskSizes,
  mount,
  recordEvents,
  settle,
} from './step-helpers.js';

const rules = rulesJson as unknown as LegalAidRules;
const demo = demoJson as unknown as CountyRules;

function answers(patch: Partial<LegalAidAnswers> = {}): LegalAidAnswers {
  return { ...initialLegalAidState().answers, ...patch };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('consent', () => {
  it('agreeing records the time; refusing is its own event; axe clean, big targets', async () => {
    const el = await mount(html`<kiosk-legal-aid-consent></kiosk-legal-aid-consent>`, 'kiosk-legal-aid-consent');
    const events = recordEvents(el);
    await expectAxeClean(el);
    expectKioskSizes(el);
    button(el, '我同意').click();
    button(el, '我不同意').click();
    expect(events[0]).toMatchObject({ type: 'consentGiven' });
    expect(Date.parse((events[0] as { at: string }).at)).not.toBeNaN();
    expect(events[1]).toEqual({ type: 'consentDeclined' });
  });

  it('after a refusal it names the hotline and offers the way home', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-consent declined hotline="12348"></kiosk-legal-aid-consent>`,
      'kiosk-legal-aid-consent',
    );
    expect(deepText(el)).toContain('12348');
    let exited = '';
    el.addEventListener('kiosk-flow-exit', (e) => (exited = e.outcome));
    button(el, '回首页').click();
    expect(exited).toBe('home');
    await expectAxeClean(el);
  });
});

describe('phone', () => {
  it('refuses a short number with a message, accepts 11 digits, keeps a previous answer', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-phone .answers=${answers({ phone: '1380013800' })}></kiosk-legal-aid-phone>`,
      'kiosk-legal-aid-phone',
    );
    const events = recordEvents(el);
    expect(deepText(el)).toContain('1380013800');
    button(el, '下一步').click();
    await settle();
    expect(events).toEqual([]);
    expect(deepText(el)).toContain('手机号码应是11位数字');
    button(el, '0').click();
    await settle();
    button(el, '下一步').click();
    expect(events).toEqual([{ type: 'phoneEntered', phone: '13800138000' }]);
    await expectAxeClean(el);
    expectKioskSizes(el);
  });
});

describe('matter', () => {
  it('shows the county list as picture buttons plus 其他事情; one tap chooses', async () => {
    const matters = mattersFor(rules, demo);
    const el = await mount(
      html`<kiosk-legal-aid-matter .matters=${matters}></kiosk-legal-aid-matter>`,
      'kiosk-legal-aid-matter',
    );
    const events = recordEvents(el);
    expect(deepText(el)).toContain('假种子 假农药 假化肥');
    expect(deepText(el)).toContain('其他事情');
    // Issue 15: nothing preselected; a tap highlights, 下一步 confirms.
    expect(button(el, '下一步').getAttribute('aria-disabled')).toBe('true');
    button(el, '讨要工资').click();
    await settle();
    expect(events).toEqual([]);
    expect(button(el, '讨要工资').getAttribute('aria-pressed')).toBe('true');
    button(el, '下一步').click();
    expect(events).toEqual([{ type: 'matterChosen', matterId: 'wages' }]);
    await expectAxeClean(el);
    expectKioskSizes(el);
  });
});

describe('circumstances (Art. 32) and groups (Art. 42)', () => {
  it('a ticked applicable circumstance lifts the economic test; 都没有 does not', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-circumstances
        .circumstances=${['heroRelative', 'braveAct', 'retrialAcquittal', 'victimOfAbuse']}
        .applicable=${['heroRelative', 'braveAct', 'victimOfAbuse']}
      ></kiosk-legal-aid-circumstances>`,
      'kiosk-legal-aid-circumstances',
    );
    const events = recordEvents(el);
    // Issue 15: 都没有 is not ticked before she answers; 下一步 says what is missing.
    expect(button(el, '都没有').getAttribute('aria-pressed')).toBe('false');
    button(el, '下一步').click();
    expect(events).toEqual([]);
    button(el, '见义勇为').click();
    await settle();
    button(el, '下一步').click();
    button(el, '都没有').click();
    await settle();
    button(el, '下一步').click();
    expect(events).toEqual([
      { type: 'circumstancesChosen', ids: ['braveAct'], noEconomicTest: true },
      { type: 'circumstancesChosen', ids: [], noEconomicTest: false },
    ]);
    await expectAxeClean(el);
    expectKioskSizes(el);
  });

  it('a group choice carries whether it spares the check; 以上都不是 leads to the pledge', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-group
        .groups=${[
          { id: 'dibao', exempt: true },
          { id: 'migrantWorker', exempt: false },
        ]}
      ></kiosk-legal-aid-group>`,
      'kiosk-legal-aid-group',
    );
    const events = recordEvents(el);
    // Issue 15: a tap highlights, 下一步 confirms.
    for (const name of ['低保对象', '进城务工人员', '以上都不是']) {
      button(el, name).click();
      await settle();
      expect(button(el, name).getAttribute('aria-pressed')).toBe('true');
      button(el, '下一步').click();
    }
    expect(events).toEqual([
      { type: 'groupChosen', groupId: 'dibao', exempt: true },
      { type: 'groupChosen', groupId: 'migrantWorker', exempt: false },
      { type: 'groupChosen', groupId: 'none', exempt: false },
    ]);
    await expectAxeClean(el);
    expectKioskSizes(el);
  });
});

describe('pledge (Art. 41 / 64)', () => {
  it('states the pledge and its basis without threatening, needs an income figure, then pledges', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-pledge max-fine="3000"></kiosk-legal-aid-pledge>`,
      'kiosk-legal-aid-pledge',
    );
    const events = recordEvents(el);
    expect(deepText(el)).toContain('第四十一条');
    expect(deepText(el)).not.toContain('罚款');
    button(el, '我承诺').click();
    await settle();
    expect(events).toEqual([]);
    expect(deepText(el)).toContain('请输入全家每月收入');
    button(el, '8').click();
    button(el, '0').click();
    button(el, '0').click();
    await settle();
    button(el, '我承诺').click();
    expect(events[0]).toMatchObject({ type: 'pledgeMade', monthlyIncomeYuan: 800 });
    await expectAxeClean(el);
    expectKioskSizes(el);
  });
});

describe('urgency (Art. 44)', () => {
  it('needs both answers; pre-fills from earlier answers', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-urgency .answers=${answers({ deadlineSoon: true })}></kiosk-legal-aid-urgency>`,
      'kiosk-legal-aid-urgency',
    );
    const events = recordEvents(el);
    expect(button(el, '下一步').getAttribute('aria-disabled')).toBe('true');
    const no = buttons(el, '不是');
    expect(no).toHaveLength(2);
    no[1].click();
    await settle();
    button(el, '下一步').click();
    expect(events).toEqual([{ type: 'urgencyAnswered', deadlineSoon: true, preservationNeeded: false }]);
    await expectAxeClean(el);
    expectKioskSizes(el);
  });
});

describe('assessment', () => {
  it('says in plain words what the centre checks, with the articles, and never refuses', async () => {
    const decision = assessEligibility(rules, demo, {
      matterId: 'wages',
      circumstances: [],
      exemptGroupId: 'migrantWorker',
      deadlineSoon: true,
      preservationNeeded: false,
      stage: 'notStarted',
    });
    const el = await mount(
      html`<kiosk-legal-aid-assessment .decision=${decision}></kiosk-legal-aid-assessment>`,
      'kiosk-legal-aid-assessment',
    );
    const text = deepText(el);
    expect(text).toContain('您的申请一定会提交');
    expect(text).toContain('免予核查经济困难状况');
    expect(text).toContain('第四十二条（三）');
    expect(text).toContain('第四十四条（一）');
    expect(text).toContain('务工证明');
    // The articles are read only when asked: 依据.
    expect(button(el, '依据')).toBeTruthy();
    const events = recordEvents(el);
    button(el, '下一步').click();
    expect(events).toEqual([{ type: 'assessmentSeen' }]);
    await expectAxeClean(el);
    expectKioskSizes(el);
  });
});

describe('review', () => {
  it('shows the answers with the ID number masked', async () => {
    const a = answers({
      identity: { source: 'card', name: '张三', idNumber: '11010519491231002X' },
      phone: '13800138000',
      matterId: 'wages',
      stage: 'notStarted',
      what: '干了活，老板不给工资',
      monthlyIncomeYuan: 800,
      pledgedAt: '2026-11-29T03:00:00Z',
    });
    const decision = assessEligibility(rules, demo, {
      matterId: 'wages',
      circumstances: [],
      exemptGroupId: null,
      deadlineSoon: false,
      preservationNeeded: false,
      stage: 'notStarted',
    });
    const el = await mount(
      html`<kiosk-legal-aid-review .answers=${a} .decision=${decision}></kiosk-legal-aid-review>`,
      'kiosk-legal-aid-review',
    );
    const text = deepText(el);
    expect(text).toContain('1101**********002X');
    expect(text).not.toContain('11010519491231002X');
    expect(text).toContain('干了活，老板不给工资');
    expect(text).toContain('800元');
    await expectAxeClean(el);
    expectKioskSizes(el);
  });
});
