import type { CompletionMessage, ServerMessage } from '@kiosk/contract/kiosk-api';
import type { Dispatcher } from '../core/dispatcher.js';

export type RunAdminCommand = (
  name: string,
  payload: unknown,
  options?: { timeoutMs?: number; signal?: AbortSignal },
) => Promise<CompletionMessage>;

/**
 * Runs commands through the same dispatcher as every client, each as an admin-listener
 * connection, and resolves with the completion (or the rejecting ack, turned into a
 * completion-shaped reply). Request ids count per runner, i.e. per agent.
 */
export function adminCommandRunner(dispatcher: Dispatcher): RunAdminCommand {
  let nextRequestId = 1;
  return (name, payload, options = {}) =>
    new Promise((done) => {
      const requestId = nextRequestId++;
      const signal = options.signal ?? new AbortController().signal;
      const send = (message: ServerMessage): void => {
        if (message.header.type === 'completion') done(message as CompletionMessage);
        else if (message.header.type === 'ack' && message.header.status !== null)
          done({
            header: {
              type: 'completion',
              name,
              requestId,
              completionCode: 'invalidData',
              errorDescription: `${message.header.status}: ${message.header.errorDescription ?? ''}`,
            },
            payload: {},
          });
      };
      const header: Record<string, unknown> = { type: 'command', name, requestId };
      if (options.timeoutMs !== undefined) header['timeoutMs'] = options.timeoutMs;
      dispatcher.dispatch({ id: dispatcher.newConnectionId(), listener: 'admin', signal, send }, { header, payload });
    });
}
