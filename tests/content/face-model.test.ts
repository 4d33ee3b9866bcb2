// The build step that completes the BlazeFace model with TFLite metadata (face-check.md §4.5): structure, not hash.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faceModelBytes } from '../../kiosk-ui/build/face-model-plugin.js';
import { addModelMetadata, inspectMetadata, metadataNames } from '../../kiosk-ui/build/tflite-metadata.js';

const require = createRequire(import.meta.url);
const original = new Uint8Array(
  readFileSync(
    join(dirname(require.resolve('@mediapipe/face_detection/package.json')), 'face_detection_short_range.tflite'),
  ),
);

describe('BlazeFace model with metadata', () => {
  const out = faceModelBytes();
  const md = inspectMetadata(out);

  it('is a TFLite model with a TFLITE_METADATA entry pointing at a new M001 buffer', () => {
    expect(md.identifier).toBe('TFL3');
    expect(metadataNames(original)).toEqual([]);
    expect(metadataNames(out)).toEqual(['TFLITE_METADATA']);
    expect(md.bufferIndex).toBe(md.bufferCount - 1);
    expect(md.dataIdentifier).toBe('M001');
    expect(md.dataOffset % 16).toBe(0);
  });

  it('holds mean = std = 127.5 (as little-endian floats) and keeps the original bytes after the prefix', () => {
    const hex = Buffer.from(md.data).toString('hex');
    expect(hex.split('0000ff42').length - 1).toBeGreaterThanOrEqual(2);
    const prefix = out.length - original.length;
    expect(prefix % 64).toBe(0);
    expect(Buffer.from(out.subarray(prefix)).equals(Buffer.from(original))).toBe(true);
  });

  it('is deterministic and refuses a second pass', () => {
    expect(Buffer.from(faceModelBytes()).equals(Buffer.from(out))).toBe(true);
    expect(() => addModelMetadata(out, md.data)).toThrow(/already/);
  });
});
