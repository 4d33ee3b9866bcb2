// Vite plugin: serves the live-person check's files from the kiosk's own origin (DESIGN §3, §7):
// the tasks-vision SIMD wasm pair in its ES-module build (the detector runs in a module worker, where
// only that build loads) and the BlazeFace short-range model completed with metadata at build time
// (tflite-metadata.ts). Dev server: middleware under /face-check/; build: emitted as assets at
// face-check/… beside index.html. Nothing is downloaded; the files come from node_modules.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { addModelMetadata, imageInputMetadata } from './tflite-metadata.js';

export const FACE_CHECK_DIR = 'face-check';
export const FACE_MODEL_FILE = 'blaze_face_short_range_with_metadata.tflite';
const WASM_FILES = ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'];

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  // @mediapipe/tasks-vision does not export ./package.json: look the folder up on the resolve paths.
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed`);
}

let patched: Uint8Array | undefined;

/** The patched model bytes (computed once per process; deterministic). */
export function faceModelBytes(): Uint8Array {
  patched ??= addModelMetadata(
    new Uint8Array(readFileSync(join(packageDir('@mediapipe/face_detection'), 'face_detection_short_range.tflite'))),
    imageInputMetadata({
      name: 'BlazeFace short-range (legacy @mediapipe/face_detection model, metadata added locally)',
      mean: 127.5,
      std: 127.5,
    }),
  );
  return patched;
}

function fileFor(name: string): { bytes: Uint8Array; type: string } | undefined {
  if (name === FACE_MODEL_FILE) return { bytes: faceModelBytes(), type: 'application/octet-stream' };
  if (!WASM_FILES.includes(name)) return undefined;
  const bytes = new Uint8Array(readFileSync(join(packageDir('@mediapipe/tasks-vision'), 'wasm', name)));
  return { bytes, type: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' };
}

export function faceModelPlugin(): Plugin {
  return {
    name: 'kiosk-face-model',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/face-check\/([A-Za-z0-9_.-]+)(\?.*)?$/.exec(req.url ?? '');
        const file = m?.[1] ? fileFor(m[1]) : undefined;
        if (!file) return next();
        res.setHeader('Content-Type', file.type);
        res.setHeader('Cache-Control', 'max-age=3600');
        res.end(Buffer.from(file.bytes));
      });
    },
    generateBundle() {
      for (const name of [...WASM_FILES, FACE_MODEL_FILE]) {
        const file = fileFor(name);
        if (file) this.emitFile({ type: 'asset', fileName: `${FACE_CHECK_DIR}/${name}`, source: file.bytes });
      }
    },
  };
}
