import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The part boundaries of DESIGN §2 are enforced by `npm run lint`. Each case plants one import in a
// real file of a part (as text, the file on disk is untouched) and expects the linter to refuse it.

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function restrictedImports(filePath: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const planted = 1;\n`, {
    filePath: resolve(ROOT, filePath),
  });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('part boundaries (npm run lint)', () => {
  it.each([
    ['service-center/src/http/center-app.ts', "import { Agent } from '../../../device-agent/src/core/controller.js';"],
    ['device-agent/src/core/controller.ts', "import { startCenter } from '../../../service-center/src/center.js';"],
    ['kiosk-ui/src/main.ts', "import { Agent } from '../../device-agent/src/core/controller.js';"],
    ['kiosk-ui/src/main.ts', "import { openSqlite } from '@kiosk/node-common/sqlite';"],
    ['kiosk-ui/src/main.ts', "import { checkCharacter } from '../../packages/domain/src/id-number.js';"],
    ['packages/domain/src/mask.ts', "import { Agent } from '../../../device-agent/src/core/controller.js';"],
    ['packages/domain/src/mask.ts', "import { readFileSync } from 'node:fs';"],
    ['device-agent/src/devices/printer/encoder.ts', "import { SerialLink } from '../../links/serial-link.js';"],
    ['device-agent/src/devices/idcard/frame-parser.ts', "import { IdCardService } from './idcard-service.js';"],
    ['device-agent/src/core/dispatcher.ts', "import { commandRoute } from '../http/command-route.js';"],
    ['device-agent/src/core/controller.ts', "import { createServices } from '../devices/registry.js';"],
    ['device-agent/src/core/controller.ts', "import { MODULES } from '../app/modules.js';"],
    ['device-agent/src/links/serial-link.ts', "import { encodeFrame } from '../devices/idcard/frame.js';"],
    ['service-center/console/src/api.ts', "import type { ApplicationDetail } from '../../src/store/repository.js';"],
    ['service-center/console/src/api.ts', "import { StaffSessions } from '../../src/auth/staff-sessions.js';"],
    [
      'kiosk-ui/src/admin/port-patch.ts',
      "import type { PortCandidate } from '../../../device-agent/src/admin/port-scan.js';",
    ],
  ])('refuses in %s: %s', async (file, line) => {
    expect(await restrictedImports(file, line)).not.toEqual([]);
  });

  it('accepts the shared packages by name and a type from the link layer in a codec', async () => {
    expect(
      await restrictedImports(
        'service-center/src/http/center-app.ts',
        "import { canonicalJson } from '@kiosk/node-common/canonical-json';",
      ),
    ).toEqual([]);
    expect(
      await restrictedImports('kiosk-ui/src/main.ts', "import { isValidIdNumber } from '@kiosk/domain/id-number';"),
    ).toEqual([]);
    expect(
      await restrictedImports(
        'device-agent/src/devices/idcard/miaxis-envelope.ts',
        "import type { HidReportCodec } from '../../links/hid-link.js';",
      ),
    ).toEqual([]);
  });
});
