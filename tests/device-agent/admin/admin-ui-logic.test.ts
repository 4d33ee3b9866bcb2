// Pure modules of the admin page (kiosk-ui/src/admin): no DOM, so they run in the node project.
import { describe, expect, it } from 'vitest';
import { configSchema, restartRequiredPaths } from '../../../device-agent/src/config/schema.js';
import { operatorAction, severity } from '../../../kiosk-ui/src/admin/operator-action.js';
import { patchForPort } from '../../../kiosk-ui/src/admin/port-patch.js';
import {
  buildFields,
  getAt,
  setAt,
  switchBranch,
  type Field,
  type Group,
  type JsonSchema,
} from '../../../kiosk-ui/src/admin/schema-form.js';
import { DEMO_CONFIG } from '../../helpers/agent-harness.js';

const schema = configSchema as unknown as JsonSchema;

function flatten(node: Field | Group): Field[] {
  return node.kind === 'group' ? node.children.flatMap(flatten) : [node];
}

describe('operator actions on the device board', () => {
  it('says what to do in words for each fault', () => {
    expect(operatorAction({ device: 'online', paper: 'out' })).toBe('请更换打印纸');
    expect(operatorAction({ device: 'online', paper: 'jammed' })).toBe('请清除卡纸');
    expect(operatorAction({ device: 'online', paper: 'full', coverOpen: true })).toBe('请合上打印机盖');
    expect(operatorAction({ device: 'online', paper: 'low' })).toMatch(/快用完/);
    expect(operatorAction({ device: 'powerOff', media: 'unknown' })).toMatch(/USB/);
    expect(
      operatorAction({
        device: 'hardwareError',
        media: 'unknown',
        lastError: { eventId: 'x', action: 'maintenance', description: 'cutter' },
      }),
    ).toBe('请联系维修人员');
    expect(operatorAction({ device: 'online', media: 'notPresent' })).toBeNull();
  });

  it('grades severity so colour is never the only cue (the text above says the same)', () => {
    expect(severity({ device: 'online', paper: 'full' })).toBe('ok');
    expect(severity({ device: 'online', paper: 'out' })).toBe('warn');
    expect(severity({ device: 'hardwareError', paper: 'unknown' })).toBe('fault');
  });
});

describe('configuration form from the schema', () => {
  it('has a field for every leaf, the transport choice first, and restart marks from the schema', () => {
    const fields = flatten(buildFields(schema, DEMO_CONFIG, restartRequiredPaths()));
    const paths = fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/terminal/regionCode',
        '/agent/port',
        '/devices/printer/transport',
        '/devices/printer/paperWidthMm',
        '/ui/voice',
      ]),
    );
    expect(fields.find((f) => f.path === '/agent/port')!.needsRestart).toBe(true);
    expect(fields.find((f) => f.path === '/ui/voice')).toMatchObject({ kind: 'boolean', needsRestart: false });
    expect(fields.find((f) => f.path === '/devices/printer/paperWidthMm')).toMatchObject({
      kind: 'select',
      options: [58, 80],
    });
    expect(fields.find((f) => f.path === '/devices/printer/transport')!.options).toEqual([
      'simulated',
      'serial',
      'usblp',
      'tcp',
      'none',
    ]);
    expect(fields.find((f) => f.path === '/configVersion')!.kind).toBe('readonly');
  });

  it('follows the chosen transport: a serial printer gets a path field, the simulated one none', () => {
    const serial = setAt(
      DEMO_CONFIG,
      '/devices/printer',
      switchBranch(
        schema.properties!['devices'].properties!['printer'],
        DEMO_CONFIG.devices.printer,
        'transport',
        'serial',
      ),
    );
    expect(getAt(serial, '/devices/printer')).toEqual({ transport: 'serial', paperWidthMm: 80 });
    const paths = flatten(buildFields(schema, serial, [])).map((f) => f.path);
    expect(paths).toContain('/devices/printer/path');
    expect(flatten(buildFields(schema, DEMO_CONFIG, [])).map((f) => f.path)).not.toContain('/devices/printer/path');
  });
});

describe('use this port', () => {
  it('prefers the stable by-id name for a serial device and keeps the paper width', () => {
    const candidate = {
      kind: 'serial' as const,
      path: '/dev/ttyUSB0',
      byId: '/dev/serial/by-id/usb-Printer-if00',
      matchScore: 2,
    };
    expect(patchForPort(candidate, 'printer', 58)).toEqual({
      devices: {
        printer: {
          transport: 'serial',
          path: '/dev/serial/by-id/usb-Printer-if00',
          baudRate: 115200,
          paperWidthMm: 58,
        },
      },
    });
  });

  it('configures a HID reader by VID:PID', () => {
    const candidate = { kind: 'hid' as const, path: '/dev/hidraw1', vid: '10c4', pid: '0007', matchScore: 2 };
    expect(patchForPort(candidate, 'idcard')).toEqual({
      devices: { idCard: { transport: 'hid', vendorId: '10c4', productId: '0007', path: '/dev/hidraw1' } },
    });
  });
});
