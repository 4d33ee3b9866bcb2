import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusChangedPayload, UnsolicitedMessage } from '@kiosk/contract/kiosk-api';
import { TestWsClient } from '../../helpers/ws-client.js';
import { startScriptedAgent } from './scripted-agent.js';

describe('common.statusChanged', () => {
  let t: Awaited<ReturnType<typeof startScriptedAgent>>;
  beforeAll(async () => {
    t = await startScriptedAgent();
  });
  afterAll(async () => t.stop());

  it('sends a snapshot per service on connect, then numbered deltas', async () => {
    const c = await TestWsClient.connect(t.wsUrl);
    const snapshot = await c.waitFor(
      (m) => m.header.type === 'unsolicited' && (m.payload as StatusChangedPayload).service === 'camera',
    );
    expect(c.messages.filter((m) => m.header.name === 'common.statusChanged')).toHaveLength(3);
    t.scripted.setDevice('powerOff');
    const delta = (await c.waitFor(
      (m) => m.header.type === 'unsolicited' && (m.payload as StatusChangedPayload).status.device === 'powerOff',
    )) as UnsolicitedMessage<StatusChangedPayload>;
    expect(delta.payload).toMatchObject({ service: 'idcard', changed: ['device'] });
    expect(delta.header.seq).toBeGreaterThan((snapshot as UnsolicitedMessage).header.seq);
    const doc = (await (await fetch(`${t.base}/api/v1/status`)).json()) as {
      agent: { seq: number };
      services: { idcard: { device: string } };
    };
    expect(doc.services.idcard.device).toBe('powerOff');
    expect(doc.agent.seq).toBe(delta.header.seq);
    await c.close();
  });
});
