/* eslint-disable @typescript-eslint/consistent-type-imports -- JSON shapes need import() types with an attribute under NodeNext */
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { agentStatusContext, localizeContext } from '../context/contexts.js';
import type { AgentSocketSnapshot } from '../data/agent-socket.js';
import { loadAgentStatus } from '../data/agent-status.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize, MessageKey } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import { tokens } from '../styles/tokens.js';

declare global {
  interface KioskMessageNamespaces {
    notice: typeof import('../../../content/i18n/zh-CN/notice.json', { with: { type: 'json' } });
  }
}

/**
 * @summary Before she starts (issue 15 item 8): on a service's first screen, says plainly when the
 * printer has no paper (the receipt comes later at 查询进度) or the centre cannot be reached (the
 * submission is kept and sent later). Renders nothing when all is well. Tap to hear.
 */
@customElement('kiosk-service-notice')
export class KioskServiceNotice extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      p {
        border-left: 0.4rem solid var(--kiosk-help);
        padding-left: 1rem;
        font-weight: 700;
      }
    `,
  ];

  /** The centre's reachability comes from the agent status document (the outbox's last attempt). */
  private readonly _status = new Task(this, {
    task: async (_args: [], { signal }) => loadAgentStatus(signal),
    args: (): [] => [],
  });

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: agentStatusContext, subscribe: true })
  @state()
  private _agent: AgentSocketSnapshot | undefined;

  private _notices(): MessageKey[] {
    const out: MessageKey[] = [];
    // A snapshot may arrive before the agent has reported its services.
    const printer = this._agent?.services?.printer ?? this._status.value?.services?.printer;
    if (printer?.paper === 'out') out.push('notice.noPaper');
    else if (
      printer &&
      (printer.device === 'offline' || printer.device === 'powerOff' || printer.device === 'hardwareError')
    )
      out.push('notice.printerDown');
    if (this._status.value?.agent?.outbox?.centreReachable === false) out.push('notice.centreOffline');
    return out;
  }

  override render() {
    const notices = this._notices();
    if (!notices.length) return null;
    return html`<div role="status" data-service-notice>
      ${notices.map((key) => html`<p>${say(this._t, key)}</p>`)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-service-notice': KioskServiceNotice;
  }
}
