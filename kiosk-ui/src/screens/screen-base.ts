import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { localizeContext, uiConfigContext, visitContext, type VisitApi } from '../context/contexts.js';
import { DEFAULT_UI_CONFIG, type UiConfig } from '../data/ui-config.js';
import { KioskNavigateEvent } from '../events/kiosk-navigate.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import type { ScreenRequest } from '../shell/nav-machine.js';
import { tokens } from '../styles/tokens.js';

/** Shared plumbing of the shell's screens: localize, UI config, navigation requests. */
export class ScreenBase extends LitElement {
  static override styles = [tokens];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  protected _t: Localize = createLocalize();

  @consume({ context: uiConfigContext, subscribe: true })
  @state()
  protected _config: UiConfig = DEFAULT_UI_CONFIG;

  @consume({ context: visitContext, subscribe: true })
  @state()
  protected _visit: VisitApi | undefined;

  protected _open(screen: ScreenRequest): void {
    this.dispatchEvent(new KioskNavigateEvent(screen));
  }
}
