/**
 * The committed model matches what it was trained from: the classifier's code and verb tables, and every
 * training file present here. Editing a phrase, a frame, the features or the normalisation without
 * `npm run train` fails this test, and so does a version that does not hash them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_PATH } from '../../../scripts/lib/classifier-data';
import { codeChecksums, dataChecksums, versionHash } from '../../../scripts/lib/classifier-inputs';
import type { ModelFile } from '../../../src/classifier/model-codec';

const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as ModelFile;

describe('the committed model', () => {
  it('was trained with the current classifier code and verb tables', () => {
    expect(model.inputs?.code).toEqual(codeChecksums());
  });

  it('was trained on the current training files (those present on this machine)', () => {
    const recorded = model.inputs?.data ?? {};
    const present = dataChecksums();
    expect(Object.keys(present).filter((f) => f.startsWith('scripts/')).length).toBe(2);
    for (const [file, sum] of Object.entries(present)) expect(recorded[file]).toBe(sum);
  });

  it('is versioned by a hash of its weights and every input that changes a label', () => {
    expect(model.version).toBe(versionHash(model.weights, model.bias, model.scale, model.inputs?.code ?? {}));
  });
});
