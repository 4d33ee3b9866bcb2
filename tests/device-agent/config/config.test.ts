import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { atomicWriteFile } from '../../../device-agent/src/config/atomic-write.js';
import { loadConfig, saveConfig } from '../../../device-agent/src/config/load.js';
import { restartRequiredPaths } from '../../../device-agent/src/config/schema.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'kiosk-config-'));
const envFor = (file: string, dir: string): NodeJS.ProcessEnv => ({
  KIOSK_CONFIG: file,
  KIOSK_DATA_DIR: join(dir, 'data'),
});

describe('configuration', () => {
  let agent: TestAgent | undefined;
  afterEach(async () => {
    await agent?.stop();
    agent = undefined;
  });

  it('the committed kiosk.config.json is valid', () => {
    const loaded = loadConfig({ KIOSK_CONFIG: 'kiosk.config.json', KIOSK_DATA_DIR: join(tmp(), 'data') });
    expect(loaded.errors).toEqual([]);
    expect(loaded.config?.devices.idCard.transport).toBe('simulated');
  });

  it('collects every error with its JSON path', () => {
    const dir = tmp();
    const file = join(dir, 'bad.json');
    const bad = structuredClone(DEMO_CONFIG) as unknown as Record<string, any>;
    bad['devices']['printer']['paperWidthMm'] = 70;
    bad['ui']['idleWarningSeconds'] = 'soon';
    writeFileSync(file, JSON.stringify(bad));
    const loaded = loadConfig(envFor(file, dir));
    expect(loaded.config).toBeNull();
    const paths = loaded.errors.map((e) => e.path);
    expect(paths).toContain('/devices/printer/paperWidthMm');
    expect(paths).toContain('/ui/idleWarningSeconds');
    expect(loaded.agent.port).toBe(0); // agent section was valid, so it is still used
  });

  it('keeps running in the configuration error state: every service noDevice, errors listed', async () => {
    const bad = structuredClone(DEMO_CONFIG) as unknown as Record<string, any>;
    bad['devices']['idCard'] = { transport: 'serial' }; // path missing
    bad['hotline']['number'] = 'call us';
    agent = await startTestAgent(bad);
    const doc = (await (await fetch(`${agent.base}/api/v1/status`)).json()) as Record<string, any>;
    expect(doc['agent']['configState']).toBe('error');
    for (const s of Object.values(doc['services'] as Record<string, { device: string }>))
      expect(s.device).toBe('noDevice');
    const paths = (doc['configErrors'] as Array<{ path: string; message: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/devices/idCard/path', '/hotline/number']));
    const read = await fetch(`${agent.base}/api/v1/services/idcard/commands/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload: {} }),
    });
    expect(((await read.json()) as Record<string, any>)['header']['completionCode']).toBe('deviceNotReady');
  });

  it('survives a file that is not JSON at all', async () => {
    agent = await startTestAgent('{ "configVersion": 1, ');
    const doc = (await (await fetch(`${agent.base}/api/v1/status`)).json()) as Record<string, any>;
    expect(doc['configErrors'][0]['message']).toMatch(/not valid JSON/);
  });

  it('migrates a version-0 file, keeping a .v0.bak copy', () => {
    const dir = tmp();
    const file = join(dir, 'old.json');
    const old = structuredClone(DEMO_CONFIG) as unknown as Record<string, any>;
    delete old['configVersion'];
    old['devices']['idcard'] = old['devices']['idCard'];
    delete old['devices']['idCard'];
    writeFileSync(file, JSON.stringify(old));
    const loaded = loadConfig(envFor(file, dir));
    expect(loaded.errors).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      configVersion: 1,
      devices: { idCard: { transport: 'simulated' } },
    });
    expect(JSON.parse(readFileSync(`${file}.v0.bak`, 'utf8')).devices.idcard).toBeDefined();
  });

  it('an invalid save leaves the file untouched; a valid save keeps the previous file as .bak', () => {
    const dir = tmp();
    const file = join(dir, 'kiosk.config.json');
    writeFileSync(file, JSON.stringify(DEMO_CONFIG));
    const before = readFileSync(file, 'utf8');
    const errors = saveConfig(file, { ...DEMO_CONFIG, agent: { host: '127.0.0.1', port: 'x', adminPort: 1 } });
    expect(errors.map((e) => e.path)).toContain('/agent/port');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const next = { ...DEMO_CONFIG, terminal: { ...DEMO_CONFIG.terminal, name: '新村服务室' } };
    expect(saveConfig(file, next)).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8')).terminal.name).toBe('新村服务室');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(before);
  });

  it('a crash between write and rename leaves the old file complete and valid', () => {
    const dir = tmp();
    const file = join(dir, 'kiosk.config.json');
    writeFileSync(file, JSON.stringify(DEMO_CONFIG));
    const before = readFileSync(file, 'utf8');
    expect(() =>
      atomicWriteFile(file, JSON.stringify({ ...DEMO_CONFIG, hotline: { number: '110' } }), {
        hooks: {
          beforeRename: () => {
            throw new Error('power cut');
          },
        },
      }),
    ).toThrow('power cut');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(loadConfig(envFor(file, dir)).errors).toEqual([]);
    // The half-done temp file is beside it, never in its place.
    expect(readdirSync(dir).some((n) => n.includes('.tmp-'))).toBe(true);
    expect(existsSync(`${file}.bak`)).toBe(true);
  });

  it('marks the keys that need a restart', () => {
    expect(restartRequiredPaths()).toEqual(expect.arrayContaining(['/agent', '/agent/host', '/agent/port']));
    expect(restartRequiredPaths()).not.toContain('/devices');
  });
});
