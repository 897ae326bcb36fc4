import type { z } from 'zod';

/**
 * Parses CSV cells (all text) against a schema, converting a cell to a number, a boolean or JSON
 * where the schema wants one there. Values already of the right type are left alone.
 */
export function parseWithCoercion<T extends z.ZodType>(
  schema: T,
  value: unknown,
): z.ZodSafeParseResult<z.output<T>> {
  let current = value;
  let result = schema.safeParse(current);
  for (let round = 0; round < 5 && !result.success; round += 1) {
    let changed = false;
    for (const issue of result.error.issues) {
      if (issue.code !== 'invalid_type') continue;
      const cell = getPath(current, issue.path);
      if (typeof cell !== 'string') continue;
      const converted = convert(cell, issue.expected);
      if (converted === undefined) continue;
      current = setPath(current, issue.path, converted);
      changed = true;
    }
    if (!changed) break;
    result = schema.safeParse(current);
  }
  return result;
}

function convert(cell: string, expected: string): unknown {
  const text = cell.trim();
  switch (expected) {
    case 'number':
    case 'int':
      return text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
    case 'boolean':
      if (/^(true|yes|1)$/i.test(text)) return true;
      if (/^(false|no|0)$/i.test(text)) return false;
      return undefined;
    case 'object':
    case 'array':
    case 'record':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    default:
      return undefined;
  }
}

function getPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let cursor: unknown = value;
  for (const key of path) {
    if (typeof cursor !== 'object' || cursor === null) return undefined;
    cursor = (cursor as Record<PropertyKey, unknown>)[key];
  }
  return cursor;
}

function setPath(value: unknown, path: readonly PropertyKey[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [key, ...rest] = path;
  const base = Array.isArray(value) ? [...value] : { ...(value as Record<PropertyKey, unknown>) };
  (base as Record<PropertyKey, unknown>)[key as PropertyKey] = setPath(
    (value as Record<PropertyKey, unknown>)[key as PropertyKey],
    rest,
    next,
  );
  return base;
}
