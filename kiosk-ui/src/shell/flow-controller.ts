import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KioskBackRequestEvent } from '../events/kiosk-back-request.js';
import type { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import { loadFlow } from '../flows/flow-registry.js';
import type { Screen } from './nav-machine.js';

export interface FlowHooks {
  /** The screen's flow module is missing or failed to load. */
  onUnavailable(service: string): void;
  /** The flow fired `kiosk-flow-exit`. */
  onExit(outcome: KioskFlowExitEvent['outcome']): void;
}

/**
 * The flow on a flow screen (style R6): loads its module lazily (flows/flow-registry.ts), creates
 * its element, drops a load that a newer screen overtook, asks the flow about 返回 and passes its
 * `kiosk-flow-exit` on.
 */
export class FlowController implements ReactiveController {
  /** The element of the flow being shown, once its module has loaded. */
  element: HTMLElement | undefined;
  private _ticket = 0;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _hooks: FlowHooks,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._host.addEventListener('kiosk-flow-exit', this._onExit);
  }

  hostDisconnected(): void {
    this._host.removeEventListener('kiosk-flow-exit', this._onExit);
  }

  private readonly _onExit = (e: KioskFlowExitEvent): void => {
    e.stopPropagation();
    this._hooks.onExit(e.outcome);
  };

  private _setElement(element: HTMLElement | undefined): void {
    if (element === this.element) return;
    this.element = element;
    this._host.requestUpdate();
  }

  /** A new screen is shown: drop the previous flow and, on a flow screen, load this one. */
  async show(screen: Screen): Promise<void> {
    const ticket = ++this._ticket;
    this._setElement(undefined);
    if (screen.kind !== 'flow') return;
    const definition = await loadFlow(screen.flow).catch(() => null);
    if (ticket !== this._ticket) return;
    if (!definition) {
      this._hooks.onUnavailable(screen.service);
      return;
    }
    const element = document.createElement(definition.tag);
    // Which entry opened it (e.g. `homeVisit.legalAid`: the booking offered on legal aid's first screen).
    element.dataset['service'] = screen.service;
    this._setElement(element);
  }

  /** The visit ended: drop the flow and any load still in flight. */
  clear(): void {
    this._ticket++;
    this._setElement(undefined);
  }

  /** 返回: a flow that steps back itself cancels the request; true when the shell may leave. */
  mayLeave(): boolean {
    return !this.element || this.element.dispatchEvent(new KioskBackRequestEvent());
  }
}
