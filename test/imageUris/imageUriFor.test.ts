/**
 * `imageUriFor` keeps the URI it found for the same string options: what it answers the second
 * time equals what a first lookup answers, a failure is not kept, and options holding objects are
 * looked up each time.
 */
import { describe, expect, it } from 'vitest';
import { imageUriFor, knnRegistry, pytorchRegistry, retrieve } from '../../src/imageUris/index.js';

describe('imageUriFor', () => {
  it('answers a repeated lookup as the full lookup does, per region', () => {
    // GIVEN lookups in two regions, each asked twice
    for (const region of ['us-west-2', 'eu-central-1', 'us-west-2']) {
      // THEN each answer is the one retrieve (no cache) gives
      expect(imageUriFor(knnRegistry, { region })).toBe(retrieve({ framework: 'knn', region }));
    }
  });

  it('fails a repeated bad lookup every time', () => {
    // GIVEN a version the registry does not have, WHEN asked twice, THEN both calls fail typed
    for (let i = 0; i < 2; i++) {
      expect(() =>
        imageUriFor(pytorchRegistry, { region: 'us-west-2', version: '0.0.1', pyVersion: 'py3' }),
      ).toThrow(expect.objectContaining({ code: expect.any(String) }) as Error);
    }
  });

  it('looks up options with objects each time', () => {
    // GIVEN the same lookup with a distribution, asked twice
    const options = {
      region: 'us-west-2',
      version: '2.0.0',
      pyVersion: 'py310',
      instanceType: 'ml.p4d.24xlarge',
      imageScope: 'training',
      distribution: { torch_distributed: { enabled: true } },
    };
    const first = imageUriFor(pytorchRegistry, options);
    // THEN both answers equal retrieve's
    expect(imageUriFor(pytorchRegistry, options)).toBe(first);
    expect(first).toBe(retrieve({ framework: 'pytorch', ...options }));
  });
});
