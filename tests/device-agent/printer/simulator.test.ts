import { describe, expect, it } from 'vitest';
import { MemoryLink } from '../../../device-agent/src/links/memory-link.js';
import { EscPosBuilder } from '../../../device-agent/src/devices/printer/encoder.js';
import { decodeJobs } from '../../../device-agent/src/devices/printer/job.js';
import { renderPreviewSvg } from '../../../device-agent/src/devices/printer/preview.js';
import { resolveProfile } from '../../../device-agent/src/devices/printer/profiles.js';
import { PrinterSimulator } from '../../../device-agent/src/devices/printer/simulator.js';

const profile = resolveProfile(80).profile;

function setup() {
  const link = new MemoryLink('sim');
  const sim = new PrinterSimulator().attach(link.device);
  const received: number[] = [];
  link.on('data', (chunk: Buffer) => received.push(...chunk));
  return { link, sim, received };
}

const job = (text: string): Uint8Array =>
  new EscPosBuilder(profile)
    .init()
    .align('center')
    .size(2)
    .line(text)
    .size(1)
    .align('left')
    .qr('https://kiosk.example/r/1')
    .cut()
    .bytes();

describe('ESC/POS printer simulator', () => {
  it('decodes jobs from chunks of any size into lines, QR payloads and cuts', async () => {
    const { link, sim } = setup();
    await link.open();
    const bytes = job('受理回执');
    for (let i = 0; i < bytes.length; i += 3) await link.write(bytes.subarray(i, i + 3));
    const [printed] = sim.jobs();
    expect(printed.lines[0]).toBe('受理回执');
    expect(printed.items[0]).toMatchObject({ kind: 'line', line: { width: 2, align: 'center' } });
    expect(printed.qrs).toEqual(['https://kiosk.example/r/1']);
    expect(printed.cut).toBe(true);
    expect(sim.preview()).toContain('受理回执');
  });

  it('answers DLE EOT n from its state', async () => {
    const { link, sim, received } = setup();
    await link.open();
    const ask = async (): Promise<number[]> => {
      received.length = 0;
      for (const n of [1, 2, 3, 4]) await link.write(Uint8Array.of(0x10, 0x04, n));
      await new Promise((r) => setTimeout(r, 5));
      return [...received];
    };
    expect(await ask()).toEqual([0x12, 0x12, 0x12, 0x12]);
    sim.setPaper('low');
    expect(await ask()).toEqual([0x12, 0x12, 0x12, 0x1e]);
    sim.setPaper('out');
    sim.setCoverOpen(true);
    expect(await ask()).toEqual([0x1a, 0x36, 0x12, 0x7e]);
    sim.setMute(true);
    expect(await ask()).toEqual([]);
  });

  it('prints nothing while paper is out, and prints again once paper is back', async () => {
    const { link, sim } = setup();
    await link.open();
    sim.setPaper('out');
    await link.write(job('第一张'));
    expect(sim.jobs()).toEqual([]);
    expect(sim.discardedJobs).toBe(1);
    sim.setPaper('full');
    await link.write(job('第二张'));
    expect(sim.jobs().map((j) => j.lines[0])).toEqual(['第二张']);
  });

  it('unplug closes the driver’s link as disconnected; plug allows a reopen', async () => {
    const { link, sim } = setup();
    await link.open();
    const closed = new Promise((r) => link.once('close', r));
    sim.unplug();
    expect(await closed).toMatchObject({ disconnected: true });
    await expect(link.open()).rejects.toThrow(/no such device/);
    sim.plug();
    await link.open();
    expect(link.isOpen).toBe(true);
  });

  it('renders an SVG preview with escaped text, the QR and the cut', () => {
    const bytes = new EscPosBuilder(profile).init().line('<张三&李四>').qr('https://kiosk.example/r/1').cut().bytes();
    const svg = renderPreviewSvg(decodeJobs(bytes)[0], profile.dots);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="576"')).toBe(true);
    expect(svg).toContain('&lt;张三&amp;李四&gt;');
    expect(svg).not.toContain('<张三');
    expect(svg).toMatch(/<path d="M\d+ \d+h\d+v1/);
    expect(svg).toContain('stroke-dasharray');
  });
});
