import {
  CONSULTATION_TOPICS,
  COUNTY_CODE_PATTERN,
  type ClientMessage,
  type HangupReason,
  type SignalData,
} from '@kiosk/contract/signalling-api';

// Every client message is checked field by field before anything looks at it: wire data never
// indexes an object (no `handlers[msg.type]`), strings are bounded, unknown keys are ignored.

const HANGUP_REASONS: readonly HangupReason[] = [
  'hangup',
  'peer-timeout',
  'superseded',
  'unknown-call',
  'network',
  'resume-rejected',
  'visit-ended',
];
const ID = /^[\p{L}\p{N}._-]{1,40}$/u;
const CALL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_SDP = 32_000;
const COUNTY_CODE = new RegExp(COUNTY_CODE_PATTERN);
/** Receipt numbers as the intake accepts them (packages/domain/receipt-number). */
const RECEIPT_NO = /^[A-Z]{2}[0-9A-Z-]{6,30}$/;

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Fields, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const str = (o: Fields, key: string, max: number): string | undefined => {
  const v = own(o, key);
  return typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;
};
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  typeof v === 'string' ? list.find((x) => x === v) : undefined;

export const isCallId = (v: unknown): v is string => typeof v === 'string' && CALL_ID.test(v);
export const isClientId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
export const isReceiptNo = (v: unknown): v is string => typeof v === 'string' && RECEIPT_NO.test(v);

function signalData(v: unknown): SignalData | undefined {
  if (!isObject(v)) return undefined;
  if (own(v, 'restart') === true) return { restart: true };
  const sdp = own(v, 'sdp');
  if (isObject(sdp)) {
    const type = oneOf(['offer', 'answer'] as const, own(sdp, 'type'));
    const text = str(sdp, 'sdp', MAX_SDP);
    return type && text ? { sdp: { type, sdp: text } } : undefined;
  }
  if (Object.hasOwn(v, 'candidate')) {
    const c = own(v, 'candidate');
    // An RTCIceCandidateInit, or null (end of candidates): relayed as it came, but only its known fields.
    if (c === null) return { candidate: null };
    if (!isObject(c)) return undefined;
    const candidate: Fields = {};
    const text = own(c, 'candidate');
    if (typeof text !== 'string' || text.length > 2000) return undefined;
    candidate['candidate'] = text;
    const mid = own(c, 'sdpMid');
    if (typeof mid === 'string' && mid.length <= 64) candidate['sdpMid'] = mid;
    else if (mid === null) candidate['sdpMid'] = null;
    const line = own(c, 'sdpMLineIndex');
    if (Number.isInteger(line) && (line as number) >= 0 && (line as number) < 1000) candidate['sdpMLineIndex'] = line;
    else if (line === null) candidate['sdpMLineIndex'] = null;
    const frag = own(c, 'usernameFragment');
    if (typeof frag === 'string' && frag.length <= 256) candidate['usernameFragment'] = frag;
    return { candidate };
  }
  return undefined;
}

/** The message a client sent, or a short reason why it is not one. */
export function parseClientMessage(raw: string): ClientMessage | { bad: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { bad: 'not JSON' };
  }
  if (!isObject(value)) return { bad: 'not an object' };
  const type = own(value, 'type');
  switch (type) {
    case 'hello': {
      const role = oneOf(['kiosk', 'lawyer', 'notary'] as const, own(value, 'role'));
      const id = own(value, 'id');
      const token = str(value, 'token', 200);
      if (!role || !isClientId(id) || !token) return { bad: 'hello needs role, id and token' };
      const resume = own(value, 'resume');
      if (resume === undefined || resume === null) return { type, role, id, token };
      if (!isObject(resume) || !isCallId(own(resume, 'callId')) || !isClientId(own(resume, 'peerId')))
        return { bad: 'resume needs callId and peerId' };
      return {
        type,
        role,
        id,
        token,
        resume: { callId: resume['callId'] as string, peerId: resume['peerId'] as string },
      };
    }
    case 'enqueue': {
      const topic = oneOf(CONSULTATION_TOPICS, own(value, 'topic'));
      const consent = own(value, 'consent');
      if (!topic || typeof consent !== 'boolean') return { bad: 'enqueue needs topic and consent' };
      const terminalName = str(value, 'terminalName', 80);
      const callerName = str(value, 'callerName', 40);
      return {
        type,
        topic,
        consent,
        ...(terminalName ? { terminalName } : {}),
        ...(callerName && consent ? { callerName } : {}),
      };
    }
    case 'leave-queue':
      return { type };
    case 'take-next': {
      const county = own(value, 'county');
      if (county === undefined || county === null) return { type };
      if (typeof county !== 'string' || !COUNTY_CODE.test(county)) return { bad: 'county is a 6-digit code' };
      return { type, county };
    }
    case 'join-interview': {
      const receiptNo = own(value, 'receiptNo');
      const consent = own(value, 'consent');
      if (!isReceiptNo(receiptNo) || typeof consent !== 'boolean')
        return { bad: 'join-interview needs receiptNo and consent' };
      const terminalName = str(value, 'terminalName', 80);
      return { type, receiptNo, consent, ...(terminalName ? { terminalName } : {}) };
    }
    case 'take-interview': {
      const receiptNo = own(value, 'receiptNo');
      const kioskId = own(value, 'kioskId');
      if (!isReceiptNo(receiptNo) || !isClientId(kioskId)) return { bad: 'take-interview needs receiptNo and kioskId' };
      return { type, receiptNo, kioskId };
    }
    case 'presence': {
      const presence = oneOf(['online', 'away'] as const, own(value, 'presence'));
      return presence ? { type, presence } : { bad: 'presence is online or away' };
    }
    case 'signal': {
      const callId = own(value, 'callId');
      const data = signalData(own(value, 'data'));
      if (!isCallId(callId) || !data) return { bad: 'signal needs callId and data' };
      return { type, callId, data };
    }
    case 'hangup': {
      const callId = own(value, 'callId');
      const reason = oneOf(HANGUP_REASONS, own(value, 'reason')) ?? 'hangup';
      if (!isCallId(callId)) return { bad: 'hangup needs callId' };
      return { type, callId, reason };
    }
    default:
      return { bad: 'unknown type' };
  }
}
