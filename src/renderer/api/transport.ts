import {
  BridgeError,
  bridgeErrorBodySchema,
  type BridgeCallName,
  type BridgeEventName,
  type BridgeResult,
} from '../../shared/bridge';

/**
 * How the renderer reaches main. Electron's preload and the browser-mode HTTP host both carry the
 * same envelopes, so everything above this type is the same code whatever the transport.
 */
export type Transport = {
  call(name: BridgeCallName, input: unknown): Promise<BridgeResult<unknown>>;
  on(event: BridgeEventName, listener: (payload: unknown) => void): () => void;
};

/** Opens an envelope: the value, or a BridgeError carrying the code main sent. */
export function unwrapResult(result: unknown): unknown {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    if (result.ok === true && 'value' in result) return result.value;
    if (result.ok === false && 'error' in result) {
      const body = bridgeErrorBodySchema.safeParse(result.error);
      if (body.success) throw new BridgeError(body.data.code, body.data.message, body.data.field);
      throw new BridgeError('internal', 'the app answered with an error it could not read');
    }
  }
  throw new BridgeError('internal', 'the app answered with something that is not a bridge result');
}

/** Any failure of a transport itself (host gone, broken pipe) becomes an `internal` BridgeError. */
export function asBridgeError(error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BridgeError('internal', message);
}
