/**
 * Desaffect's on-device comment classifier: who is speaking — a troll, an unhappy customer, a threat, or
 * nobody in particular (neutral). A linear model over hashed n-grams, phrase hits and threat frames, every
 * weight learned (`npm run train`), plus one threat safety rule; pure, synchronous and deterministic.
 */
import type { Classification } from '../shared/comment';
import { analyze, type ClassifyOptions, classifyWith, featureBuckets } from './engine';
import modelFile from './model/weights.json';
import { decodeModel, type Model, type ModelFile } from './model-codec';

export type { Adjustment, ClassifyOptions } from './engine';

/** Hashes the weights, the phrases, the frames and their verb tables, the features and the normalisation. */
export const CLASSIFIER_VERSION = `2+${(modelFile as ModelFile).version}`;

let model: Model | null = null;

/** Decodes the bundled weights (done once, lazily, on the first classification). */
export function loadModel(): Model {
  if (!model) model = decodeModel({ ...(modelFile as ModelFile), version: CLASSIFIER_VERSION });
  return model;
}

export function classify(text: string, options?: ClassifyOptions): Classification {
  return classifyWith(loadModel(), text, options);
}

/** The hashed features of `text` that a correction keeps, so the device can learn without the words. */
export function correctionFeatures(text: string): { gram: number[]; structured: number[] } {
  const model = loadModel();
  return featureBuckets(model, analyze(text));
}
