// The JSON Schema of a terminal heartbeat (`TerminalHeartbeat`, @kiosk/contract/intake-api). Every
// object is closed and every string is a short code or a timestamp: a heartbeat has no room for a
// name, an ID number or free text, so no personal data can arrive through it.

const DEVICE_STATES = [
  'starting',
  'online',
  'deviceBusy',
  'offline',
  'powerOff',
  'noDevice',
  'hardwareError',
  'userError',
] as const;
const ACTIONS = ['reset', 'softwareError', 'configuration', 'clear', 'maintenance', 'suspend'] as const;
const ISO = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})$',
};
const CODE = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9._-]{0,59}$' };
const COUNT = { type: 'integer', minimum: 0, maximum: 1e12 };

const device = (extra: Record<string, unknown> = {}, required: string[] = []) => ({
  type: 'object',
  properties: { device: { enum: DEVICE_STATES }, lastErrorCode: CODE, lastErrorAction: { enum: ACTIONS }, ...extra },
  required: ['device', ...required],
  additionalProperties: false,
});

export const heartbeatSchema = {
  type: 'object',
  properties: {
    agentVersion: { type: 'string', pattern: '^[0-9A-Za-z.+-]{1,40}$' },
    uptimeSec: COUNT,
    sentAt: ISO,
    regionCode: { type: 'string', pattern: '^[0-9]{6}$' },
    devices: {
      type: 'object',
      properties: {
        idcard: device(),
        printer: device({ paper: { enum: ['full', 'low', 'out', 'jammed', 'unknown'] } }, ['paper']),
        camera: device(),
      },
      required: ['idcard', 'printer', 'camera'],
      additionalProperties: false,
    },
    outbox: {
      type: 'object',
      properties: {
        depth: COUNT,
        oldestAgeSec: { anyOf: [COUNT, { type: 'null' }] },
        lastForwardAt: { anyOf: [ISO, { type: 'null' }] },
      },
      required: ['depth', 'oldestAgeSec', 'lastForwardAt'],
      additionalProperties: false,
    },
    diskFreeBytes: { anyOf: [{ type: 'integer', minimum: 0, maximum: 1e16 }, { type: 'null' }] },
    clockOffsetMs: { type: 'integer', minimum: -1e12, maximum: 1e12 },
    readiness: {
      type: 'object',
      properties: {
        generatedAt: ISO,
        ok: { type: 'boolean' },
        checks: {
          type: 'array',
          maxItems: 40,
          items: {
            type: 'object',
            properties: {
              id: CODE,
              ok: { type: 'boolean' },
              // Device words, paths and process names ("缺纸", "/dev/ttyUSB0:brltty(812)"); one line.
              detail: { type: 'string', maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f]*$' },
            },
            required: ['id', 'ok'],
            additionalProperties: false,
          },
        },
      },
      required: ['generatedAt', 'ok', 'checks'],
      additionalProperties: false,
    },
  },
  required: ['agentVersion', 'uptimeSec', 'sentAt', 'devices', 'outbox', 'diskFreeBytes'],
  additionalProperties: false,
} as const;
