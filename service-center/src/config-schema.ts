// The one schema of service-center/center.config.json (or $CENTER_CONFIG).

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
        },
        required: ['id', 'token', 'name'],
        additionalProperties: false,
      },
    },
    legalAid: {
      type: 'object',
      properties: { decisionDays: { type: 'integer', minimum: 1, maximum: 60 } },
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
}

export interface CenterConfig {
  configVersion: 1;
  host: string;
  port: number;
  publicHosts?: string[];
  terminals: TerminalEntry[];
  legalAid?: { decisionDays?: number };
}
