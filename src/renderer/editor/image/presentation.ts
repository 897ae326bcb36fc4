import type { FieldProblem } from '../../../shared/domain/common';
import type { Shape } from './doc';

/** The shape a problem is about (`shapes[3].label` → 3), or null for the image-level ones. */
export function problemShapeIndex(problem: FieldProblem): number | null {
  const match = /^shapes\[(\d+)\]/.exec(problem.field);
  return match ? Number(match[1]) : null;
}

/** One line per shape and problem: several problems of one shape with the same code say it once. */
export function distinctProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problemShapeIndex(problem) ?? problem.field}|${problem.code ?? problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Rounded numbers for what a screen reader says about a shape. */
export function shapeFacts(shape: Shape): Record<string, number> {
  switch (shape.type) {
    case 'box':
      return {
        width: Math.round(shape.width),
        height: Math.round(shape.height),
        x: Math.round(shape.x),
        y: Math.round(shape.y),
      };
    case 'polygon':
      return { count: shape.points.length };
    case 'point':
      return { x: Math.round(shape.x), y: Math.round(shape.y) };
  }
}
