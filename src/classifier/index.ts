/**
 * Desaffect's on-device comment classifier: who is speaking — a troll, an unhappy customer, a threat,
 * or nobody in particular (neutral). A hashed n-gram linear model (trained by `npm run train`) combined
 * with French and English lexicons; pure, synchronous and deterministic.
 */
import type { Classification } from '../shared/comment';
import { type ClassifyContext, classifyWith } from './engine';
import modelFile from './model/weights.json';
import { decodeModel, type Model, type ModelFile } from './model-codec';

export type { ClassifyContext } from './engine';

export const CLASSIFIER_VERSION = `1.0.0+${(modelFile as ModelFile).version}`;

let model: Model | null = null;

/** Decodes the bundled weights (done once, lazily, on the first classification). */
export function loadModel(): Model {
  if (!model) model = decodeModel(modelFile as ModelFile);
  return model;
}

export function classify(text: string, context?: ClassifyContext): Classification {
  return classifyWith(loadModel(), text, context);
}
