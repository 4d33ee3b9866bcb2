import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBitmap, setPixel } from '../../../device-agent/src/devices/printer/bitmap.js';
import { decodeEscPos } from '../../../device-agent/src/devices/printer/decoder.js';
import { FormCatalog } from '../../../device-agent/src/devices/printer/forms.js';
import { displayWidth } from '../../../device-agent/src/devices/printer/gb.js';
import { decodeJobs, type PrintedJob } from '../../../device-agent/src/devices/printer/job.js';
import { resolveProfile, type PrinterProfile } from '../../../device-agent/src/devices/printer/profiles.js';
import {
  CONTENT_DIR,
  FIXED_NOW,
  LEGAL_AID_FIELDS,
  RECEIPT_FIELDS,
  TERMINAL,
  decodeQrBitmap,
  jobText,
  statusUrlOf,
} from './printer-fixtures.js';

const forms = FormCatalog.load(CONTENT_DIR);
const ctx = (
  profile: PrinterProfile,
  textImages?: Record<string, { width: number; height: number; data: string }>,
) => ({
  profile,
  terminal: TERMINAL,
  now: FIXED_NOW,
  ...(textImages ? { textImages } : {}),
});

function print(
  form: string,
  fields: Record<string, unknown>,
  profile: PrinterProfile,
  images?: Parameters<typeof ctx>[1],
) {
  expect(forms.check(form, fields, ctx(profile, images))).toBeNull();
  const rendered = forms.render(form, fields, ctx(profile, images));
  const jobs = decodeJobs(rendered.bytes);
  expect(jobs).toHaveLength(1);
  return { rendered, job: jobs[0] };
}

/** The acceptance rules for every job: init first, cut last, no 4-byte text, lines fit the paper. */
function expectWellFormed(job: PrintedJob, profile: PrinterProfile): void {
  expect(job.startsWithInit).toBe(true);
  expect(job.cut).toBe(true);
  expect(job.fourByte).toBe(false);
  expect(job.unknown).toEqual([]);
  for (const item of job.items)
    if (item.kind === 'line')
      expect(displayWidth(item.line.text) * item.line.width, item.line.text).toBeLessThanOrEqual(profile.cols);
  expect(jobText(job)).not.toContain('?');
}

describe('print forms from content/forms', () => {
  it('loads every form in content/forms without problems', () => {
    expect(forms.problems).toEqual([]);
    expect(forms.ids).toEqual(expect.arrayContaining(['receipt', 'legal-aid-receipt', 'printer-self-test']));
  });

  for (const width of [58, 80] as const) {
    it(`generic receipt on ${width} mm: title, receipt number, rows, QR, notes, terminal and time, cut`, () => {
      const profile = resolveProfile(width).profile;
      const { job } = print('receipt', RECEIPT_FIELDS, profile);
      expectWellFormed(job, profile);
      const title = job.items.find((i) => i.kind === 'line' && i.line.text === '受理回执');
      expect(title).toMatchObject({ line: { width: 2, height: 2, bold: true, align: 'center' } });
      const number = job.items.find((i) => i.kind === 'line' && i.line.text === 'GZ-2026-000042');
      expect(number).toMatchObject({ line: { width: 2, height: 2 } });
      const text = jobText(job);
      expect(text).toContain('申请人：李四');
      expect(text).toContain('请妥善保管本回执');
      expect(text).toContain('测试村公共法律服务室');
      expect(text).toContain('2026-11-29 10:30'); // 02:30 UTC printed in China time
      expect(job.qrs).toEqual([statusUrlOf(RECEIPT_FIELDS.receiptNo)]);
    });
  }

  it('legal-aid receipt: 申请回执 with 申请编号 (printed before the centre accepts), masked ID, 7-day decision line with due date, materials, QR, 12348', () => {
    const profile = resolveProfile(80).profile;
    const { job } = print('legal-aid-receipt', LEGAL_AID_FIELDS, profile);
    expectWellFormed(job, profile);
    const text = jobText(job).replace(/\n/g, '');
    expect(text).toContain('申请回执');
    expect(text).not.toContain('受理回执');
    expect(text).not.toContain('网上申请');
    expect(text).toContain('申请编号');
    // The station is this terminal's configured name.
    expect(text).toContain(`申请地点：${TERMINAL.name}`);
    expect(text).toContain('FY-2026-000123');
    expect(text).toContain('证件号码：4501**********123X');
    expect(text).toContain('申请事项：劳动报酬（拖欠工资）');
    expect(text).toContain('提交时间：2026-11-29 10:05');
    expect(text).toContain('7日内作出是否给予法律援助的决定');
    expect(text).toContain('2026年12月6日');
    expect(text).toContain('√ 劳动合同');
    expect(text).toContain('□ 经济困难证明');
    expect(text).toContain('12348');
    expect(text).toContain('请妥善保管本回执');
    expect(text).not.toContain('已提交，待上传');
    // The QR is the centre's public status page from the agent's configuration, not the caller's `qr`.
    expect(job.qrs).toEqual(['https://fw.example.gov.cn/s/?r=FY-2026-000123']);
  });

  it('prints no QR (and no 扫码 line) when the agent has no public centre address', () => {
    const profile = resolveProfile(80).profile;
    const noUrl = { profile, terminal: { id: TERMINAL.id, name: TERMINAL.name }, now: FIXED_NOW };
    for (const [form, fields] of [
      ['legal-aid-receipt', LEGAL_AID_FIELDS],
      ['receipt', RECEIPT_FIELDS],
    ] as const) {
      expect(forms.check(form, fields, noUrl)).toBeNull();
      const [job] = decodeJobs(forms.render(form, fields, noUrl).bytes);
      expect(job.qrs).toEqual([]);
      expect(job.rasters).toEqual([]);
      expect(jobText(job)).not.toContain('扫码');
      expect(jobText(job)).toContain('12348');
    }
  });

  it('says 已提交，待上传 when the submission is still in the outbox', () => {
    const profile = resolveProfile(58).profile;
    const { job } = print('legal-aid-receipt', { ...LEGAL_AID_FIELDS, uploadState: 'pending' }, profile);
    expect(jobText(job)).toContain('已提交，待上传');
    // The centre has not fixed its decision date yet: the rule is printed, not a date it never gave.
    expect(job.lines.join('')).toContain('7日内作出是否给予法律援助的决定');
    expect(jobText(job)).not.toContain('最迟于');
  });

  it('a receipt for 吉𠮷祥 prints without ? and without 4-byte sequences (□ and reported)', () => {
    const profile = resolveProfile(80).profile;
    const { rendered, job } = print('legal-aid-receipt', { ...LEGAL_AID_FIELDS, applicantName: '吉𠮷祥' }, profile);
    expectWellFormed(job, profile);
    expect(jobText(job)).toContain('申请人：吉□祥');
    expect(rendered.unsupported).toEqual(['𠮷']);
    expect(rendered.placeholders).toEqual(['𠮷']);
    const textBytes = decodeEscPos(rendered.bytes).flatMap((op) => (op.op === 'text' ? [...op.bytes] : []));
    expect(textBytes).not.toContain(0x3f);
  });

  it('prints the name as the UI’s raster image when one is supplied for it', () => {
    const profile = resolveProfile(80).profile;
    const image = createBitmap(72, 24);
    for (let x = 0; x < 72; x += 2) setPixel(image, x, 12);
    const images = { 吉𠮷祥: { width: 72, height: 24, data: Buffer.from(image.data).toString('base64') } };
    const { rendered, job } = print(
      'legal-aid-receipt',
      { ...LEGAL_AID_FIELDS, applicantName: '吉𠮷祥' },
      profile,
      images,
    );
    expectWellFormed(job, profile);
    expect(rendered.unsupported).toEqual(['𠮷']);
    expect(rendered.placeholders).toEqual([]);
    expect(jobText(job)).toContain('申请人：');
    expect(jobText(job)).not.toContain('□祥');
    expect(job.rasters.some((r) => r.width === 72 && r.height === 24)).toBe(true);
  });

  it('raster-QR profile: the receipt QR decodes with jsQR', () => {
    const profile = resolveProfile(58, 'raster-qr').profile;
    const { job } = print('legal-aid-receipt', LEGAL_AID_FIELDS, profile);
    expectWellFormed(job, profile);
    expect(job.rasters.map(decodeQrBitmap)).toContain(statusUrlOf(LEGAL_AID_FIELDS.receiptNo));
  });

  it('the self-test page carries native and raster QR of the same URL', () => {
    const profile = resolveProfile(80).profile;
    const url = 'https://kiosk.invalid/self-test/test-0001';
    const { job } = print('printer-self-test', { url }, profile);
    expectWellFormed(job, profile);
    expect(job.qrs).toEqual([url]);
    expect(job.rasters.map(decodeQrBitmap)).toEqual([url]);
    expect(jobText(job)).toContain('堃 赟 昇 曌 䶮');
  });

  it('rejects an unknown form and bad fields with a clear reason', () => {
    const c = ctx(resolveProfile(80).profile);
    expect(forms.check('no-such-form', {}, c)).toMatch(/unknown form "no-such-form"/);
    expect(forms.check('receipt', { title: '回执' }, c)).toMatch(/receiptNo/);
    expect(forms.check('legal-aid-receipt', { ...LEGAL_AID_FIELDS, idNumberMasked: '450103199001011234' }, c)).toMatch(
      /idNumberMasked/,
    );
    expect(forms.check('legal-aid-receipt', { ...LEGAL_AID_FIELDS, decisionDueBy: '2026-02-30' }, c)).toMatch(
      /not a valid date/,
    );
    expect(forms.check('legal-aid-receipt', { ...LEGAL_AID_FIELDS, qr: 'https://x/张三' }, c)).toMatch(/qr/);
    expect(forms.check('receipt', { ...RECEIPT_FIELDS, extra: 1 }, c)).toMatch(/extra/);
  });

  it('field values cannot inject printer commands', () => {
    const profile = resolveProfile(80).profile;
    const { job } = print(
      'receipt',
      { ...RECEIPT_FIELDS, rows: [{ label: '姓名', value: '张三\x1d\x56\x00\x10\x04\x01' }] },
      profile,
    );
    expect(job.cut).toBe(true);
    expect(jobText(job)).toContain('姓名：张三 V');
    expect(job.items.filter((i) => i.kind === 'line').length).toBeGreaterThan(5);
  });

  it('loads again in the same process (a second catalogue, e.g. after reset)', () => {
    expect(FormCatalog.load(CONTENT_DIR).problems).toEqual([]);
  });

  it('prints an optional logo from a PBM file beside the forms, and refuses paths outside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-forms-'));
    mkdirSync(join(dir, 'forms'));
    mkdirSync(join(dir, 'schemas'));
    copyFileSync(join(CONTENT_DIR, 'schemas/form.schema.json'), join(dir, 'schemas/form.schema.json'));
    const pbm = Buffer.concat([Buffer.from('P4\n# logo\n16 2\n'), Buffer.from([0xff, 0x00, 0x0f, 0xf0])]);
    writeFileSync(join(dir, 'forms/logo.pbm'), pbm);
    const form = (src: string) => ({
      id: 'with-logo',
      description: 'logo test',
      fields: { type: 'object' },
      layout: [
        { type: 'image', src },
        { type: 'text', text: '标题' },
      ],
    });
    writeFileSync(join(dir, 'forms/with-logo.json'), JSON.stringify(form('logo.pbm')));
    const catalog = FormCatalog.load(dir);
    expect(catalog.problems).toEqual([]);
    const job = decodeJobs(catalog.render('with-logo', {}, ctx(resolveProfile(58).profile)).bytes)[0];
    expect(job.rasters[0]).toMatchObject({ width: 16, height: 2, data: new Uint8Array([0xff, 0x00, 0x0f, 0xf0]) });
    expect(job.lines).toContain('标题');
    writeFileSync(join(dir, 'forms/with-logo.json'), JSON.stringify(form('../../etc/passwd.pbm')));
    expect(FormCatalog.load(dir).problems.join()).toMatch(/with-logo/);
  });
});
