import { PNG } from 'pngjs';
import { checkCharacter } from '@kiosk/domain/id-number';

/** A real 1×1 baseline JPEG. */
export const TINY_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

const pngCache = new Map<string, string>();

export function pngBase64(width = 40, height = 20): string {
  const key = `${width}x${height}`;
  const cached = pngCache.get(key);
  if (cached) return cached;
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = (i / 4) % width < width / 2 ? 0 : 255;
    png.data[i + 1] = 0;
    png.data[i + 2] = 0;
    png.data[i + 3] = 255;
  }
  const out = PNG.sync.write(png).toString('base64');
  pngCache.set(key, out);
  return out;
}

/** A JPEG-signed blob of `bytes` bytes (the agent checks size and magic bytes). */
export function jpegOfSize(bytes: number): string {
  const buf = Buffer.alloc(bytes, 0x41);
  Buffer.from(TINY_JPEG_BASE64, 'base64').copy(buf);
  return buf.toString('base64');
}

/** A valid GB 11643 ID number built from 17 digits. */
export function validId(first17 = '45010219580301123'): string {
  return first17 + checkCharacter(first17);
}

export const APPLICANT_NAME = '韦秀兰';
export const APPLICANT_PHONE = '13907710001';

export function legalAidData(overrides: Record<string, unknown> = {}, idNumber = validId()): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    applicant: { name: APPLICANT_NAME, idNumber, phone: APPLICANT_PHONE, address: '演示省演示县演示镇演示村12号' },
    matter: { code: 'wages' },
    stage: 'notStarted',
    otherParty: { name: '演示建筑工程有限公司', address: '演示县城东路1号' },
    facts: '在工地干了三个月，老板一直不发工资，共欠12000元。',
    circumstances: [],
    exemption: { group: 'migrantWorker', proofPhotos: [0] },
    urgency: { deadlineWithin7Days: false, preservationNeeded: false },
    eligibility: {
      matterId: 'wages',
      citations: [{ article: 31, item: 5 }, { article: 42, item: 3 }, { article: 43 }],
      economic: {
        kind: 'checkExempt',
        groupId: 'migrantWorker',
        proof: ['workProof'],
        basis: [{ article: 42, item: 3 }],
      },
    },
    documents: {
      photos: [
        { dataUrl: `data:image/jpeg;base64,${TINY_JPEG_BASE64}`, label: '工资欠条' },
        { dataUrl: `data:image/png;base64,${pngBase64()}`, label: '考勤记录' },
      ],
      signature: { dataUrl: `data:image/png;base64,${pngBase64(120, 40)}` },
    },
    consent: { accepted: true, at: now },
    ...overrides,
  };
}

export function submission(
  overrides: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { kind: 'legalAid', data: legalAidData(overrides), ...extra };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed };
}

export async function waitFor<T>(
  fn: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
  stepMs = 50,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
