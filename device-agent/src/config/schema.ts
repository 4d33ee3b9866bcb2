// The one schema of kiosk.config.json (DESIGN §4). The admin page renders its form from it;
// `x-requiresRestart` marks keys that only take effect after a process restart.

const HEX4 = { type: 'string', pattern: '^[0-9a-fA-F]{4}$' } as const;
const DEVICE_PATH = { type: 'string', minLength: 1, pattern: '^/', 'x-label': '设备路径（如 /dev/ttyUSB0）' } as const;
const BAUD = { type: 'integer', enum: [9600, 19200, 38400, 57600, 115200, 230400], 'x-label': '波特率' } as const;
/** The discriminator of a device's oneOf: the branch's own `x-label` names the choice in the form. */
const transport = <T extends string>(kind: T) => ({ const: kind, 'x-label': '连接方式' }) as const;
const BRANCH_LABELS = {
  simulated: '模拟设备（演示和测试用）',
  serial: '串口',
  hid: 'USB HID 接口',
  usblp: 'USB 打印口（usblp）',
  tcp: '网络（TCP）',
  none: '不使用',
} as const;
const PAPER = { type: 'integer', enum: [58, 80], 'x-label': '纸宽 (mm)' } as const;
/** Optional WLT photo decoder: program and arguments (WLT on stdin, BMP/PNG on stdout). */
const PHOTO_DECODER = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  minItems: 1,
  maxItems: 16,
  'x-label': '身份证照片解码程序（可选）',
} as const;

const idCardSchema = {
  'x-label': '身份证阅读器',
  type: 'object',
  discriminator: { propertyName: 'transport' },
  required: ['transport'],
  oneOf: [
    {
      'x-label': BRANCH_LABELS.simulated,
      type: 'object',
      properties: { transport: transport('simulated'), photoDecoder: PHOTO_DECODER },
      required: ['transport'],
      additionalProperties: false,
    },
    {
      'x-label': BRANCH_LABELS.serial,
      type: 'object',
      properties: { transport: transport('serial'), path: DEVICE_PATH, baudRate: BAUD, photoDecoder: PHOTO_DECODER },
      required: ['transport', 'path'],
      additionalProperties: false,
    },
    {
      'x-label': BRANCH_LABELS.hid,
      type: 'object',
      properties: {
        transport: transport('hid'),
        vendorId: { ...HEX4, 'x-label': '厂商编号（VID）' },
        productId: { ...HEX4, 'x-label': '产品编号（PID）' },
        path: DEVICE_PATH,
        photoDecoder: PHOTO_DECODER,
      },
      required: ['transport', 'vendorId', 'productId'],
      additionalProperties: false,
    },
    {
      'x-label': BRANCH_LABELS.none,
      type: 'object',
      properties: { transport: transport('none') },
      required: ['transport'],
      additionalProperties: false,
    },
  ],
} as const;

const printerCommon = {
  paperWidthMm: PAPER,
  profile: { type: 'string', minLength: 1, maxLength: 40, 'x-label': '打印机型号配置' },
} as const;

const printerSchema = {
  'x-label': '小票打印机',
  type: 'object',
  discriminator: { propertyName: 'transport' },
  required: ['transport'],
  oneOf: [
    {
      'x-label': BRANCH_LABELS.simulated,
      type: 'object',
      properties: { transport: transport('simulated'), ...printerCommon },
      required: ['transport', 'paperWidthMm'],
      additionalProperties: false,
    },
    {
      'x-label': BRANCH_LABELS.serial,
      type: 'object',
      properties: { transport: transport('serial'), path: DEVICE_PATH, baudRate: BAUD, ...printerCommon },
      required: ['transport', 'path', 'paperWidthMm'],
      additionalProperties: false,
    },
    {
      'x-label': BRANCH_LABELS.usblp,
      type: 'object',
      properties: { transport: transport('usblp'), path: DEVICE_PATH, ...printerCommon },
      required: ['transport', 'path', 'paperWidthMm'],
      additionalProperties: false,
    },
    {
      'x-label': BRANCH_LABELS.tcp,
      type: 'object',
      properties: {
        transport: transport('tcp'),
        host: { type: 'string', minLength: 1, 'x-label': '打印机网络地址' },
        port: { type: 'integer', minimum: 1, maximum: 65535, 'x-label': '打印机端口' },
        ...printerCommon,
      },
      required: ['transport', 'host', 'paperWidthMm'],
      additionalProperties: false,
    },
    {
      'x-label': BRANCH_LABELS.none,
      type: 'object',
      properties: { transport: transport('none') },
      required: ['transport'],
      additionalProperties: false,
    },
  ],
} as const;

export const CONFIG_VERSION = 1;

export const configSchema = {
  $id: 'https://kiosk.invalid/kiosk.config.schema.json',
  title: '终端配置',
  type: 'object',
  properties: {
    $schema: { type: 'string', 'x-label': '编辑器用的模式文件地址' },
    configVersion: { const: CONFIG_VERSION, 'x-label': '配置格式版本', 'x-requiresRestart': true },
    terminal: {
      'x-label': '终端',
      type: 'object',
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9-]{1,32}$', 'x-label': '终端编号' },
        name: { type: 'string', minLength: 1, maxLength: 40, 'x-label': '终端名称' },
        regionCode: { type: 'string', pattern: '^[0-9]{6}$', 'x-label': '行政区划代码' },
      },
      required: ['id', 'name', 'regionCode'],
      additionalProperties: false,
    },
    agent: {
      'x-label': '本机服务',
      'x-requiresRestart': true,
      type: 'object',
      properties: {
        host: { type: 'string', minLength: 1, 'x-label': '监听地址', 'x-requiresRestart': true },
        port: { type: 'integer', minimum: 0, maximum: 65535, 'x-label': '自助页面端口', 'x-requiresRestart': true },
        adminPort: {
          type: 'integer',
          minimum: 0,
          maximum: 65535,
          'x-label': '管理页端口',
          'x-requiresRestart': true,
        },
        adminHost: { type: 'string', minLength: 1, 'x-label': '管理页监听地址', 'x-requiresRestart': true },
      },
      required: ['host', 'port', 'adminPort'],
      additionalProperties: false,
    },
    devices: {
      'x-label': '设备',
      type: 'object',
      properties: {
        idCard: idCardSchema,
        printer: printerSchema,
        camera: {
          'x-label': '摄像头',
          type: 'object',
          properties: { enabled: { type: 'boolean', 'x-label': '启用摄像头' } },
          required: ['enabled'],
          additionalProperties: false,
        },
      },
      required: ['idCard', 'printer', 'camera'],
      additionalProperties: false,
    },
    center: {
      'x-label': '县级服务中心',
      type: 'object',
      properties: {
        url: { type: 'string', pattern: '^https?://[^\\s]+$', 'x-label': '服务中心地址' },
        token: { type: 'string', minLength: 8, maxLength: 200, 'x-label': '终端令牌（保密）' },
        publicUrl: {
          type: 'string',
          pattern: '^https?://[!-~]+$',
          maxLength: 120,
          'x-label': '公开查询地址（回执二维码，村民手机能打开的地址）',
        },
        heartbeatSeconds: { type: 'integer', minimum: 1, maximum: 3600, 'x-label': '向服务中心报告状态的间隔（秒）' },
      },
      required: ['url', 'token'],
      additionalProperties: false,
    },
    ui: {
      'x-label': '界面',
      type: 'object',
      properties: {
        locale: { enum: ['zh-CN'], 'x-label': '界面语言', 'x-enumLabels': ['简体中文'] },
        idleWarningSeconds: { type: 'integer', minimum: 5, maximum: 3600, 'x-label': '无人操作多久后提醒（秒）' },
        idleCountdownSeconds: { type: 'integer', minimum: 5, maximum: 600, 'x-label': '提醒后倒计时（秒）' },
        voice: { type: 'boolean', 'x-label': '语音播报' },
        screen: {
          type: 'object',
          'x-label': '屏幕尺寸（用于按物理尺寸计算按钮大小）',
          properties: {
            diagonalInches: { type: 'number', minimum: 7, maximum: 100, 'x-label': '屏幕对角线（英寸）' },
            widthPx: { type: 'integer', minimum: 320, 'x-label': '屏幕宽度（像素）' },
            heightPx: { type: 'integer', minimum: 320, 'x-label': '屏幕高度（像素）' },
          },
          required: ['diagonalInches', 'widthPx', 'heightPx'],
          additionalProperties: false,
        },
      },
      required: ['locale', 'idleWarningSeconds', 'idleCountdownSeconds', 'voice'],
      additionalProperties: false,
    },
    hotline: {
      'x-label': '热线',
      type: 'object',
      properties: { number: { type: 'string', pattern: '^[0-9-]{3,20}$', 'x-label': '法律服务热线号码' } },
      required: ['number'],
      additionalProperties: false,
    },
    county: {
      type: 'string',
      pattern: '^[a-z0-9-]{1,40}$',
      'x-label': '县（内容目录 content/counties/ 下的名称）',
    },
  },
  required: ['configVersion', 'terminal', 'agent', 'devices', 'center', 'ui', 'hotline'],
  additionalProperties: false,
} as const;

export type IdCardDeviceConfig =
  | { transport: 'simulated'; photoDecoder?: string[] }
  | { transport: 'serial'; path: string; baudRate?: number; photoDecoder?: string[] }
  | { transport: 'hid'; vendorId: string; productId: string; path?: string; photoDecoder?: string[] }
  | { transport: 'none' };

interface PrinterCommon {
  paperWidthMm: 58 | 80;
  profile?: string;
}

export type PrinterDeviceConfig =
  | ({ transport: 'simulated' } & PrinterCommon)
  | ({ transport: 'serial'; path: string; baudRate?: number } & PrinterCommon)
  | ({ transport: 'usblp'; path: string } & PrinterCommon)
  | ({ transport: 'tcp'; host: string; port?: number } & PrinterCommon)
  | { transport: 'none' };

export interface KioskConfig {
  configVersion: 1;
  terminal: { id: string; name: string; regionCode: string };
  agent: { host: string; port: number; adminPort: number; adminHost?: string };
  devices: { idCard: IdCardDeviceConfig; printer: PrinterDeviceConfig; camera: { enabled: boolean } };
  center: {
    url: string;
    token: string;
    /** The centre's public base URL (the receipt QR: `${publicUrl}/s/?r=<receiptNo>`); absent: no QR. */
    publicUrl?: string;
    /** Fleet heartbeat interval (default 60). */
    heartbeatSeconds?: number;
  };
  ui: {
    locale: 'zh-CN';
    idleWarningSeconds: number;
    idleCountdownSeconds: number;
    voice: boolean;
    screen?: { diagonalInches: number; widthPx: number; heightPx: number };
  };
  hotline: { number: string };
  county?: string;
}

export const DEFAULT_AGENT = { host: '127.0.0.1', port: 7300, adminPort: 7301 } as const;

/** JSON paths (as prefixes) whose change needs a process restart, read from the schema. */
export function restartRequiredPaths(schema: object = configSchema, prefix = ''): string[] {
  const out: string[] = [];
  const node = schema as Record<string, unknown>;
  if (node['x-requiresRestart'] === true && prefix) out.push(prefix);
  const props = node['properties'] as Record<string, object> | undefined;
  for (const [key, child] of Object.entries(props ?? {})) out.push(...restartRequiredPaths(child, `${prefix}/${key}`));
  return out;
}
