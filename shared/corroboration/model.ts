/**
 * The two small fitted models of corroboration: logistic regressions over named features, their
 * weights kept as data (weights.json, written by `npm run train:links`).
 */
import WEIGHTS from './weights.json' with { type: 'json' };

export interface LogisticModel {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  /** Pairs at or above this probability are decided (same story / same fact). */
  threshold: number;
}

export interface Models {
  story: LogisticModel;
  fact: LogisticModel & {
    /** Pairs from this probability up, below the threshold, are "possibly the same fact". */
    candidateFloor: number;
  };
}

export const MODELS: Models = WEIGHTS as Models;

export function probability(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
