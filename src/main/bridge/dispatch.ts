import {
  BRIDGE_CALL_NAMES,
  BridgeError,
  bridgeCalls,
  type BridgeCallName,
  type BridgeHandlers,
  type BridgeResult,
} from '../../shared/bridge';
import { describeProblems, problemsOf } from '../../shared/domain/common';

export type Dispatch = (name: unknown, input: unknown) => Promise<BridgeResult<unknown>>;
export type DispatchLog = (message: string, error?: unknown) => void;

const callNames = new Set<string>(BRIDGE_CALL_NAMES);

export function isCallName(name: unknown): name is BridgeCallName {
  return typeof name === 'string' && callNames.has(name);
}

/**
 * Turns the handler map into the one function both transports (IPC and HTTP) call: it checks the
 * name against the contract, validates the input, runs the handler, checks the output against the
 * contract too, and wraps everything in the `BridgeResult` envelope so error codes survive transport.
 */
export function createDispatch(handlers: BridgeHandlers, log: DispatchLog = defaultLog): Dispatch {
  return async (name, rawInput) => {
    if (!isCallName(name)) {
      return failure(new BridgeError('unknown_call', `"${String(name)}" is not a bridge call`));
    }
    const spec = bridgeCalls[name];
    // JSON has no `undefined`: the HTTP transport sends null for calls that take no input.
    const parsed = spec.input.safeParse(rawInput === null ? undefined : rawInput);
    if (!parsed.success) {
      const problems = problemsOf(parsed.error);
      return failure(
        new BridgeError('invalid_input', `${name}: ${describeProblems(problems)}`, problems[0]?.field),
      );
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(`${name} returned a value outside the contract: ${describeProblems(problemsOf(checked.error))}`);
        return failure(new BridgeError('internal', `${name} failed inside the app`));
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof BridgeError) return failure(error);
      log(`${name} failed`, error);
      return failure(new BridgeError('internal', `${name} failed inside the app: ${messageOf(error)}`));
    }
  };
}

function failure(error: BridgeError): BridgeResult<never> {
  return { ok: false, error: error.toBody() };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function defaultLog(message: string, error?: unknown): void {
  console.error(`[bridge] ${message}`, error ?? '');
}
