import { html, type TemplateResult } from 'lit';
import type { MessageKey } from '../i18n/message-types.js';
import { asMessageKey } from '../i18n/localize.js';
import { GUIDE } from '../data/content.js';
import '../screens/kiosk-attract-screen.js';
import '../screens/kiosk-guide-detail-screen.js';
import '../screens/kiosk-guide-screen.js';
import '../screens/kiosk-help-screen.js';
import '../screens/kiosk-home-screen.js';
import '../screens/kiosk-hotline-screen.js';
import '../screens/kiosk-institutions-screen.js';
import '../screens/kiosk-preparing-screen.js';
import '../screens/kiosk-progress-screen.js';
import type { Screen } from './nav-machine.js';

/** The prompt spoken when a screen opens; flows speak their own step prompts. */
export function promptKeyOf(screen: Screen): MessageKey | null {
  switch (screen.kind) {
    case 'attract':
      return 'attract.prompt';
    case 'home':
      return 'home.prompt';
    case 'info':
      return `${screen.page}.prompt`;
    case 'guideDetail': {
      const entry = GUIDE.find((g) => g.service === screen.service);
      return entry ? asMessageKey(entry.promptKey) : 'guide.prompt';
    }
    case 'preparing':
      return 'preparing.prompt';
    case 'flow':
      return null;
    default: {
      const never: never = screen;
      return never;
    }
  }
}

/** The shell's own screens; a flow screen is rendered by <kiosk-app> from the loaded module. */
export function renderScreen(screen: Screen): TemplateResult | null {
  switch (screen.kind) {
    case 'attract':
      return html`<kiosk-attract-screen></kiosk-attract-screen>`;
    case 'home':
      return html`<kiosk-home-screen></kiosk-home-screen>`;
    case 'info':
      switch (screen.page) {
        case 'guide':
          return html`<kiosk-guide-screen></kiosk-guide-screen>`;
        case 'institutions':
          return html`<kiosk-institutions-screen></kiosk-institutions-screen>`;
        case 'hotline':
          return html`<kiosk-hotline-screen></kiosk-hotline-screen>`;
        case 'progress':
          return html`<kiosk-progress-screen></kiosk-progress-screen>`;
        case 'help':
          return html`<kiosk-help-screen></kiosk-help-screen>`;
        default: {
          const never: never = screen.page;
          return never;
        }
      }
    case 'guideDetail':
      return html`<kiosk-guide-detail-screen .service=${screen.service}></kiosk-guide-detail-screen>`;
    case 'preparing':
      return html`<kiosk-preparing-screen .service=${screen.service}></kiosk-preparing-screen>`;
    case 'flow':
      return null;
    default: {
      const never: never = screen;
      return never;
    }
  }
}
