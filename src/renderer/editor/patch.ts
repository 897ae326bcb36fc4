/**
 * Minimal JSON patches between immutable documents. Documents are plain JSON updated by copying
 * only what changes (structural sharing), so `diff` skips every branch that is the same object and
 * costs little even for a drawing with thousands of shapes.
 */
export type PatchPath = ReadonlyArray<string | number>;
export type PatchOp =
  | { op: 'set'; path: PatchPath; value: unknown }
  | { op: 'delete'; path: PatchPath }
  | { op: 'splice'; path: PatchPath; index: number; remove: number; insert: unknown[] };

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The operations that turn `before` into `after`. */
export function diff(before: unknown, after: unknown, path: PatchPath = []): PatchOp[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) return diffArrays(before, after, path);
  if (isRecord(before) && isRecord(after)) {
    const ops: PatchOp[] = [];
    for (const key of Object.keys(before)) {
      if (!(key in after)) ops.push({ op: 'delete', path: [...path, key] });
    }
    for (const key of Object.keys(after)) {
      ops.push(
        ...(key in before
          ? diff(before[key], after[key], [...path, key])
          : [{ op: 'set' as const, path: [...path, key], value: after[key] }]),
      );
    }
    return ops;
  }
  return [{ op: 'set', path, value: after }];
}

function diffArrays(before: unknown[], after: unknown[], path: PatchPath): PatchOp[] {
  let start = 0;
  while (start < before.length && start < after.length && Object.is(before[start], after[start])) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && Object.is(before[endBefore - 1], after[endAfter - 1])) {
    endBefore -= 1;
    endAfter -= 1;
  }
  // One element changed in place: go inside it, so the patch names only what changed in it.
  if (endBefore - start === 1 && endAfter - start === 1)
    return diff(before[start], after[start], [...path, start]);
  return [
    { op: 'splice', path, index: start, remove: endBefore - start, insert: after.slice(start, endAfter) },
  ];
}

/** Applies operations without mutating `doc`: every changed branch is copied, the rest shared. */
export function applyPatch<T>(doc: T, ops: ReadonlyArray<PatchOp>): T {
  let result: unknown = doc;
  for (const op of ops) result = applyOne(result, op, 0);
  return result as T;
}

function applyOne(node: unknown, op: PatchOp, depth: number): unknown {
  if (depth === op.path.length) {
    if (op.op === 'set') return op.value;
    if (op.op === 'splice' && Array.isArray(node)) {
      const copy = node.slice();
      copy.splice(op.index, op.remove, ...op.insert);
      return copy;
    }
    return node;
  }
  const key = op.path[depth]!;
  const last = depth === op.path.length - 1;
  if (Array.isArray(node) && typeof key === 'number') {
    const copy = node.slice();
    if (last && op.op === 'delete') copy.splice(key, 1);
    else copy[key] = applyOne(node[key], op, depth + 1);
    return copy;
  }
  if (isRecord(node)) {
    const copy: Json = { ...node };
    if (last && op.op === 'delete') delete copy[String(key)];
    else copy[String(key)] = applyOne(node[String(key)], op, depth + 1);
    return copy;
  }
  // The path no longer exists (a change that was not recorded removed it): nothing to do.
  return node;
}
