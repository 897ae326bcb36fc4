/**
 * Scorers shared by the queue (honeypots, consensus) and the renderer (comparison views).
 * Every function is pure and documented where it is defined.
 */
export {
  scoreAnswer,
  pairwiseAgreement,
  shapeSimilarity,
  shapesF1,
  transcriptOf,
  type AnswerScore,
} from './answers';
export { aggregateAnswers, majoritySpans, type Consensus } from './consensus';
export { majority, normalizeValue, sameValue, setAgreement } from './exact';
export {
  boundingBox,
  boxIoU,
  boxToPolygon,
  pointDistance,
  pointScore,
  polygonArea,
  polygonIoU,
} from './geometry';
export type { Box, Point, Polygon } from './geometry';
export { greedyMatch, softF1, type Match } from './matching';
export { exactSpanF1, spanF1, type LabelledSpan } from './spans';
export { characterErrorRate, editDistance, normalizeTranscript, wordErrorRate, words } from './text';
