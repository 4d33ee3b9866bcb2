// Issue 15 item 9: the technician reads Chinese, not JSON keys. Every key of the configuration
// schema has an `x-label` in Chinese (so the generated form shows words), every transport choice
// is named, string enums have words for their values; log lines show China time and levels in words.
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../device-agent/src/config/schema.js';
import { formatLogLine } from '../../../kiosk-ui/src/admin/kiosk-admin-logs.js';
import { buildFields, type Field, type Group, type JsonSchema } from '../../../kiosk-ui/src/admin/schema-form.js';
import { DEMO_CONFIG } from '../../helpers/agent-harness.js';

const CHINESE = /[\u4e00-\u9fff]/;

/** Every problem of a schema node and its children: keys without a Chinese label, unnamed values. */
function unlabelled(node: JsonSchema, path: string): string[] {
  const out: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const label = child['x-label'];
    if (typeof label !== 'string' || !CHINESE.test(label)) out.push(`${path}/${key}`);
    out.push(...unlabelled(child, `${path}/${key}`));
  }
  (node.oneOf ?? []).forEach((branch, i) => {
    const label = branch['x-label'];
    if (typeof label !== 'string' || !CHINESE.test(label)) out.push(`${path} (choice ${i})`);
    out.push(...unlabelled(branch, path));
  });
  if (node.enum?.some((v) => typeof v === 'string')) {
    const words = node['x-enumLabels'];
    if (!words || words.length !== node.enum.length || !words.every((w) => CHINESE.test(w)))
      out.push(`${path} (enum values)`);
  }
  return out;
}

const schema = configSchema as unknown as JsonSchema;

function flatten(node: Field | Group): Field[] {
  return node.kind === 'group' ? node.children.flatMap(flatten) : [node];
}

describe('configuration schema labels', () => {
  it('names every key, every transport choice and every string enum value in Chinese', () => {
    expect(unlabelled(schema, '')).toEqual([]);
  });

  it('the walk finds a key without a label (it can fail)', () => {
    const broken = { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } };
    expect(unlabelled(broken as JsonSchema, '')).toEqual(['/a', '/a/b']);
  });

  it('the generated form shows those words, for the keys and for the transport choice', () => {
    const fields = flatten(buildFields(schema, DEMO_CONFIG, []));
    for (const f of fields) expect(f.label, f.path).toMatch(CHINESE);
    const transport = fields.find((f) => f.path === '/devices/printer/transport')!;
    expect(transport.label).toBe('连接方式');
    expect(transport.optionLabels).toEqual([
      '模拟设备（演示和测试用）',
      '串口',
      'USB 打印口（usblp）',
      '网络（TCP）',
      '不使用',
    ]);
    expect(fields.find((f) => f.path === '/ui/locale')!.optionLabels).toEqual(['简体中文']);
    expect(fields.find((f) => f.path === '/agent/port')!.label).toBe('自助页面端口');
  });
});

describe('log lines on the admin page', () => {
  it('show China time and the level in words', () => {
    const line = JSON.stringify({
      level: 40,
      time: '2026-12-02T07:04:05.123Z',
      msg: 'printer paper out',
      service: 'printer',
    });
    expect(formatLogLine(line)).toBe('2026-12-02 15:04:05 警告 printer paper out {"service":"printer"}');
    expect(formatLogLine(JSON.stringify({ level: 30, time: '2026-12-31T16:00:00Z', msg: 'x' }))).toBe(
      '2027-01-01 00:00:00 信息 x',
    );
    expect(formatLogLine('not json')).toBe('not json');
  });
});
