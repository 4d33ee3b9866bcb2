// The one schema of service-center/center.config.json (or $CENTER_CONFIG).

/** A county's 行政区划代码 (COUNTY_CODE_PATTERN of the signalling contract). */
const COUNTY_CODE = { type: 'string', pattern: '^[0-9]{6}$' } as const;

export const centerConfigSchema = {
  type: 'object',
  properties: {
    configVersion: { const: 1 },
    host: { type: 'string', minLength: 1 },
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    publicHosts: {
      description: 'Extra Host header values accepted besides 127.0.0.1/localhost (e.g. behind a reverse proxy).',
      type: 'array',
      items: { type: 'string', pattern: '^[A-Za-z0-9.-]+(:[0-9]{1,5})?$' },
      maxItems: 20,
    },
    terminals: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' },
          token: { type: 'string', minLength: 16, maxLength: 200 },
          name: { type: 'string', minLength: 1, maxLength: 80 },
          county: {
            ...COUNTY_CODE,
            'x-label': '所属县（区）行政区划代码',
            description:
              "The county whose consultation queue this terminal's callers join (one of `counties` when those are listed). Absent: the `regionCode` of its last heartbeat, else the first of `counties`.",
          },
        },
        required: ['id', 'token', 'name'],
        additionalProperties: false,
      },
    },
    counties: {
      'x-label': '服务的县（区）',
      description:
        'The counties a province-run centre serves, each with its own consultation queue; names are shown to province staff. The first is the county of a terminal that names none and has sent no heartbeat with a region code. Absent: the centre serves one county.',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { ...COUNTY_CODE, 'x-label': '行政区划代码' },
          name: { type: 'string', minLength: 1, maxLength: 40, 'x-label': '县（区）名称' },
        },
        required: ['code', 'name'],
        additionalProperties: false,
      },
      maxItems: 500,
    },
    storage: {
      description:
        'Where the centre keeps its data: embedded SQLite in the data directory (the default, a county), or PostgreSQL shared by several centre processes (a province).',
      type: 'object',
      discriminator: { propertyName: 'kind' },
      required: ['kind'],
      oneOf: [
        { properties: { kind: { const: 'sqlite' } }, additionalProperties: false },
        {
          properties: {
            kind: { const: 'postgres' },
            url: { type: 'string', pattern: '^postgres(ql)?://', maxLength: 2000 },
            poolSize: { type: 'integer', minimum: 1, maximum: 100 },
          },
          required: ['url'],
          additionalProperties: false,
        },
      ],
    },
    legalAid: {
      type: 'object',
      properties: { decisionDays: { type: 'integer', minimum: 1, maximum: 60 } },
      additionalProperties: false,
    },
    notarization: {
      type: 'object',
      properties: {
        workingDays: {
          description:
            'Working days from acceptance to the certificate that the notary office promises (default 15, 公证法 Art. 30).',
          type: 'integer',
          minimum: 1,
          maximum: 15,
        },
      },
      additionalProperties: false,
    },
    fleet: {
      description: 'Fleet health (terminal heartbeats, the 终端状态 page).',
      type: 'object',
      properties: {
        silentAfterS: {
          description: 'A terminal without a heartbeat for this long is flagged silent (default 300).',
          type: 'integer',
          minimum: 5,
          maximum: 86400,
        },
        heartbeatsPerMinute: {
          description: 'Most heartbeats one terminal may send in a minute; more get 429 (default 12).',
          type: 'integer',
          minimum: 1,
          maximum: 600,
        },
      },
      additionalProperties: false,
    },
    publicStatus: {
      description: 'The public status page /s/ (the receipt QR code).',
      type: 'object',
      properties: {
        behindProxy: {
          description:
            'True when a reverse proxy in front appends the client address to X-Forwarded-For (the rate limit keys on it).',
          type: 'boolean',
        },
      },
      additionalProperties: false,
    },
    consultation: {
      description: 'Video consultation: queue, signalling, TURN (reference/video-consultation.md).',
      type: 'object',
      properties: {
        tokenSecret: {
          description: 'HMAC key of signalling tokens; absent: a random one kept in the data directory.',
          type: 'string',
          minLength: 32,
          maxLength: 200,
        },
        queueTimeoutS: { type: 'integer', minimum: 1, maximum: 3600 },
        graceS: { type: 'integer', minimum: 1, maximum: 600 },
        tokenTtlS: { type: 'integer', minimum: 30, maximum: 86400 },
        turn: {
          type: 'object',
          properties: {
            urls: {
              type: 'array',
              items: { type: 'string', pattern: '^(turns?|stun):[^\\s]{1,200}$' },
              maxItems: 10,
            },
            secret: { type: 'string', minLength: 16, maxLength: 200 },
            relayOnly: { type: 'boolean' },
            ttlS: { type: 'integer', minimum: 300, maximum: 86400 },
          },
          additionalProperties: false,
        },
        hotline: { type: 'string', pattern: '^[0-9+-]{3,20}$' },
        kioskOrigins: {
          description:
            'Extra Origin values of kiosk pages besides loopback (http://127.0.0.1:<port>, http://localhost:<port>).',
          type: 'array',
          items: { type: 'string', pattern: '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$' },
          maxItems: 20,
        },
      },
      additionalProperties: false,
    },
  },
  required: ['configVersion', 'host', 'port', 'terminals'],
  additionalProperties: false,
} as const;

export interface TerminalEntry {
  id: string;
  token: string;
  name: string;
  /** 行政区划代码 of its county; absent: its heartbeat's `regionCode`, else the first of `counties`. */
  county?: string;
}

export interface CountyEntry {
  code: string;
  name: string;
}

export interface CenterConfig {
  configVersion: 1;
  host: string;
  port: number;
  publicHosts?: string[];
  terminals: TerminalEntry[];
  /** Absent: one county. */
  counties?: CountyEntry[];
  /** Absent: SQLite. */
  storage?: StorageConfig;
  legalAid?: { decisionDays?: number };
  notarization?: { workingDays?: number };
  consultation?: ConsultationConfig;
  fleet?: { silentAfterS?: number; heartbeatsPerMinute?: number };
  publicStatus?: { behindProxy?: boolean };
}

/** `postgres.url`: `postgres://user:password@host:port/database` (the file is 0600 like every secret). */
export type StorageConfig = { kind: 'sqlite' } | { kind: 'postgres'; url: string; poolSize?: number };

export interface ConsultationConfig {
  tokenSecret?: string;
  /** Seconds in the queue before `no-answer{timeout}` (default 180). */
  queueTimeoutS?: number;
  /** Seconds a call outlives a lost WebSocket (default 30). */
  graceS?: number;
  /** Lifetime of a signalling token (default 600 s). */
  tokenTtlS?: number;
  /** coturn with `use-auth-secret`: `secret` is its `static-auth-secret`. No urls: no ICE servers. */
  turn?: { urls?: string[]; secret?: string; relayOnly?: boolean; ttlS?: number };
  hotline?: string;
  kioskOrigins?: string[];
}
