// Issue 15 item 9: after a decision is saved, the decision form starts again empty — nothing chosen,
// no reason, no materials list — so the next decision cannot carry the last one's text or a radio
// left checked on a reused row. A refused decision keeps what was typed. The real detail and form
// elements; only the centre's HTTP answers are scripted (a fetch stand-in).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail, StatusChangeRequest } from '@kiosk/contract/staff-api';
import '../../../service-center/console/src/center-application-detail.js';

let detail: ApplicationDetail;
let refuseNext = false;
const realFetch = globalThis.fetch;
const posted: StatusChangeRequest[] = [];

function scriptedCentre(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
  const json = (status: number, body: unknown) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  if (url.endsWith('/api/v1/staff/applications/c1/status') && init?.method === 'POST') {
    const change = JSON.parse(init.body as string) as StatusChangeRequest;
    posted.push(change);
    if (refuseNext) {
      refuseNext = false;
      return json(409, { error: 'stateChanged' });
    }
    detail = {
      ...detail,
      state: change.state,
      version: (detail.version ?? 0) + 1,
      ...(change.missingMaterials ? { missingMaterials: change.missingMaterials } : {}),
      history: [...detail.history, { state: change.state, at: new Date().toISOString(), by: 'clerk' }],
    };
    return json(200, detail);
  }
  if (url.endsWith('/api/v1/staff/applications/c1')) return json(200, detail);
  return json(404, { error: 'notFound' });
}

const tick = () => new Promise((r) => setTimeout(r, 0));

async function until<T>(probe: () => T | null | undefined | false, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('decision form after a decision', () => {
  beforeEach(() => {
    detail = {
      centerId: 'c1',
      terminalId: 'test-0001',
      receiptNo: 'FY261202-0001-0007',
      kind: 'legalAid',
      state: 'received',
      submittedAt: '2026-12-02T01:00:00.000Z',
      receivedAt: '2026-12-02T01:00:05.000Z',
      updatedAt: '2026-12-02T01:00:05.000Z',
      urgent: false,
      data: { applicant: { name: '王桂兰' } },
      documents: [],
      history: [{ state: 'received', at: '2026-12-02T01:00:05.000Z' }],
      version: 0,
    };
    posted.length = 0;
    refuseNext = false;
    globalThis.fetch = scriptedCentre;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    document.body.replaceChildren();
  });

  async function open() {
    const page = document.createElement('center-application-detail');
    page.centerId = 'c1';
    document.body.append(page);
    const form = await until(() => page.shadowRoot?.querySelector('center-status-form'));
    await form.updateComplete;
    const root = form.shadowRoot!;
    const radio = (value: string) =>
      [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.value === value)!;
    const checked = () => [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => r.checked);
    const submit = () => root.querySelector<HTMLButtonElement>('button[type=submit]')!;
    return { page, form, root, radio, checked, submit };
  }

  it('clears the chosen state, the materials list and the reason once the decision is saved', async () => {
    const { page, form, root, radio, checked, submit } = await open();
    radio('needMaterials').click();
    await form.updateComplete;
    root.querySelector<HTMLTextAreaElement>('#missing')!.value = '劳动合同\n工资欠条原件';
    submit().click();
    await until(() => detail.state === 'needMaterials' && page.shadowRoot!.textContent?.includes('补充材料'));
    await until(() => !form.busy && form.version === 1);
    await form.updateComplete;
    await tick();
    expect(posted).toEqual([{ state: 'needMaterials', missingMaterials: ['劳动合同', '工资欠条原件'], version: 0 }]);
    // The row that held 补充材料 now offers another state: it must not stay ticked.
    expect(checked()).toEqual([]);
    expect(root.querySelector('#missing')).toBeNull();
    expect(submit().disabled).toBe(true);

    // The next decision starts from nothing, and its reason box is empty.
    radio('rejected').click();
    await form.updateComplete;
    expect(root.querySelector<HTMLTextAreaElement>('#reason')!.value).toBe('');
  });

  it('keeps what was typed when the centre refuses the decision', async () => {
    const { form, root, radio, checked, submit } = await open();
    refuseNext = true;
    radio('needMaterials').click();
    await form.updateComplete;
    root.querySelector<HTMLTextAreaElement>('#missing')!.value = '劳动合同';
    submit().click();
    await until(() => posted.length === 1 && !form.busy && form.error !== '');
    await form.updateComplete;
    expect(checked().map((r) => r.value)).toEqual(['needMaterials']);
    expect(root.querySelector<HTMLTextAreaElement>('#missing')!.value).toBe('劳动合同');
  });
});
