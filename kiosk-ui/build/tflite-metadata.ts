// Build step (face-check.md §4): adds TFLite Model Metadata (one NormalizationOptions, mean = std = 127.5,
// on the input tensor) to the legacy BlazeFace short-range model of @mediapipe/face_detection, so that
// @mediapipe/tasks-vision's FaceDetector accepts it. Deterministic: the same input gives the same bytes.
// Technique: a new root Model table is *prepended* to the untouched original bytes (FlatBuffers
// offsets point forward); only `buffers` and `metadata` become new vectors inside the prefix.
import { Builder, ByteBuffer } from 'flatbuffers';

export const METADATA_NAME = 'TFLITE_METADATA';
const MODEL_SLOTS = 8; // version, operator_codes, subgraphs, description, buffers, metadata_buffer, metadata, signature_defs
const SLOT_BUFFERS = 4;
const SLOT_METADATA = 6;

function floatVector(b: Builder, values: number[]): number {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i] ?? 0);
  return b.endVector();
}

function offsetVector(b: Builder, offsets: number[]): number {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i] ?? 0);
  return b.endVector();
}

/** The `ModelMetadata` FlatBuffer (file identifier M001) for an RGB image input normalised by (x − mean) / std. */
export function imageInputMetadata(opts: { name: string; mean: number; std: number }): Uint8Array {
  const b = new Builder(512);
  const modelName = b.createString(opts.name);
  const parser = b.createString('1.0.0');
  const tensorName = b.createString('image');
  const max = floatVector(b, [(255 - opts.mean) / opts.std]);
  const min = floatVector(b, [(0 - opts.mean) / opts.std]);
  b.startObject(2); // Stats
  b.addFieldOffset(0, max, 0);
  b.addFieldOffset(1, min, 0);
  const stats = b.endObject();
  const mean = floatVector(b, [opts.mean]);
  const std = floatVector(b, [opts.std]);
  b.startObject(2); // NormalizationOptions
  b.addFieldOffset(0, mean, 0);
  b.addFieldOffset(1, std, 0);
  const normalization = b.endObject();
  b.startObject(2); // ProcessUnit { options_type: NormalizationOptions (1), options }
  b.addFieldInt8(0, 1, 0);
  b.addFieldOffset(1, normalization, 0);
  const unit = b.endObject();
  b.startObject(2); // ImageProperties { color_space: RGB (1) }
  b.addFieldInt8(0, 1, 0);
  const image = b.endObject();
  b.startObject(3); // Content { content_properties_type: ImageProperties (2), content_properties }
  b.addFieldInt8(0, 2, 0);
  b.addFieldOffset(1, image, 0);
  const content = b.endObject();
  const units = offsetVector(b, [unit]);
  b.startObject(6); // TensorMetadata
  b.addFieldOffset(0, tensorName, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, units, 0);
  b.addFieldOffset(5, stats, 0);
  const tensor = b.endObject();
  const inputs = offsetVector(b, [tensor]);
  b.startObject(3); // SubGraphMetadata { input_tensor_metadata }
  b.addFieldOffset(2, inputs, 0);
  const subgraph = b.endObject();
  const subgraphs = offsetVector(b, [subgraph]);
  b.startObject(8); // ModelMetadata
  b.addFieldOffset(0, modelName, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, parser, 0);
  b.finish(b.endObject(), 'M001');
  return b.asUint8Array().slice();
}

interface ModelView {
  bb: ByteBuffer;
  root: number;
  /** Absolute position of each slot's 4 bytes, or 0 when absent. */
  slots: number[];
}

function viewModel(bytes: Uint8Array): ModelView {
  const bb = new ByteBuffer(bytes);
  if (String.fromCharCode(...bytes.subarray(4, 8)) !== 'TFL3')
    throw new Error('not a TFLite model (no TFL3 identifier)');
  const root = bb.readUint32(0);
  const vtable = root - bb.readInt32(root);
  const vtableSize = bb.readUint16(vtable);
  const count = (vtableSize - 4) / 2;
  if (count > MODEL_SLOTS) throw new Error(`Model table has ${count} fields; this step knows ${MODEL_SLOTS}`);
  const slots: number[] = [];
  for (let i = 0; i < MODEL_SLOTS; i++) {
    const off = i < count ? bb.readUint16(vtable + 4 + 2 * i) : 0;
    slots.push(off ? root + off : 0);
  }
  return { bb, root, slots };
}

/** Absolute positions the elements of the vector at `slot` point to. */
function vectorTargets(view: ModelView, slotPos: number): number[] {
  if (!slotPos) return [];
  const vec = slotPos + view.bb.readUint32(slotPos);
  const n = view.bb.readUint32(vec);
  return Array.from({ length: n }, (_, i) => {
    const at = vec + 4 + 4 * i;
    return at + view.bb.readUint32(at);
  });
}

function readString(bb: ByteBuffer, pos: number): string {
  const len = bb.readUint32(pos);
  return new TextDecoder().decode(bb.bytes().subarray(pos + 4, pos + 4 + len));
}

/** Names of the model's `metadata` entries (Metadata.name). */
export function metadataNames(bytes: Uint8Array): string[] {
  const view = viewModel(bytes);
  return vectorTargets(view, view.slots[SLOT_METADATA] ?? 0).map((table) => {
    const vt = table - view.bb.readInt32(table);
    const off = view.bb.readUint16(vt + 4);
    return off ? readString(view.bb, table + off + view.bb.readUint32(table + off)) : '';
  });
}

const align = (n: number, a: number): number => Math.ceil(n / a) * a;

/**
 * The model with `metadata` appended as a new Buffer referenced by a `TFLITE_METADATA` Metadata entry.
 * The original bytes follow the prefix unchanged. Refuses a model that already has the entry.
 */
export function addModelMetadata(model: Uint8Array, metadata: Uint8Array): Uint8Array {
  const view = viewModel(model);
  if (metadataNames(model).includes(METADATA_NAME)) throw new Error(`model already has ${METADATA_NAME}`);
  const oldBuffers = vectorTargets(view, view.slots[SLOT_BUFFERS] ?? 0);
  const oldMetadata = vectorTargets(view, view.slots[SLOT_METADATA] ?? 0);
  const present = view.slots.map((p, i) => p !== 0 || i === SLOT_BUFFERS || i === SLOT_METADATA);

  // Layout of the prefix (absolute positions).
  const vtable = 8;
  const vtableSize = 4 + 2 * MODEL_SLOTS;
  const table = align(vtable + vtableSize, 4);
  const buffersVec = table + 4 + 4 * MODEL_SLOTS;
  const metadataVec = buffersVec + 4 + 4 * (oldBuffers.length + 1);
  const mdVtable = metadataVec + 4 + 4 * (oldMetadata.length + 1);
  const mdTable = mdVtable + 8;
  const nameStr = mdTable + 12;
  const nameBytes = new TextEncoder().encode(METADATA_NAME);
  const bufVtable = align(nameStr + 4 + nameBytes.length + 1, 4);
  const bufTable = align(bufVtable + 6, 4);
  const data = align(bufTable + 8 + 4, 16);
  const prefix = align(data + metadata.length, 64);

  const out = new Uint8Array(prefix + model.length);
  out.set(model, prefix);
  const dv = new DataView(out.buffer);
  const u32 = (at: number, v: number): void => dv.setUint32(at, v, true);
  const u16 = (at: number, v: number): void => dv.setUint16(at, v, true);
  const uoffset = (at: number, target: number): void => {
    if (target <= at) throw new Error(`offset at ${at} would point backward to ${target}`);
    u32(at, target - at);
  };

  uoffset(0, table);
  out.set(model.subarray(4, 8), 4);
  u16(vtable, vtableSize);
  u16(vtable + 2, 4 + 4 * MODEL_SLOTS);
  for (let i = 0; i < MODEL_SLOTS; i++) u16(vtable + 4 + 2 * i, present[i] ? 4 + 4 * i : 0);
  dv.setInt32(table, table - vtable, true);
  for (let i = 0; i < MODEL_SLOTS; i++) {
    const slot = table + 4 + 4 * i;
    const old = view.slots[i] ?? 0;
    if (i === SLOT_BUFFERS) uoffset(slot, buffersVec);
    else if (i === SLOT_METADATA) uoffset(slot, metadataVec);
    else if (!old) continue;
    else if (i === 0) u32(slot, view.bb.readUint32(old));
    else uoffset(slot, prefix + old + view.bb.readUint32(old));
  }
  u32(buffersVec, oldBuffers.length + 1);
  oldBuffers.forEach((t, i) => uoffset(buffersVec + 4 + 4 * i, prefix + t));
  uoffset(buffersVec + 4 + 4 * oldBuffers.length, bufTable);
  u32(metadataVec, oldMetadata.length + 1);
  oldMetadata.forEach((t, i) => uoffset(metadataVec + 4 + 4 * i, prefix + t));
  uoffset(metadataVec + 4 + 4 * oldMetadata.length, mdTable);
  // Metadata { name, buffer }
  u16(mdVtable, 8);
  u16(mdVtable + 2, 12);
  u16(mdVtable + 4, 4);
  u16(mdVtable + 6, 8);
  dv.setInt32(mdTable, mdTable - mdVtable, true);
  uoffset(mdTable + 4, nameStr);
  u32(mdTable + 8, oldBuffers.length);
  u32(nameStr, nameBytes.length);
  out.set(nameBytes, nameStr + 4);
  // Buffer { data }
  u16(bufVtable, 6);
  u16(bufVtable + 2, 8);
  u16(bufVtable + 4, 4);
  dv.setInt32(bufTable, bufTable - bufVtable, true);
  uoffset(bufTable + 4, data - 4);
  u32(data - 4, metadata.length);
  out.set(metadata, data);
  return out;
}

export interface MetadataCheck {
  identifier: string;
  bufferIndex: number;
  bufferCount: number;
  dataOffset: number;
  dataIdentifier: string;
}

/** Reads back what addModelMetadata wrote (for tests): the TFLITE_METADATA entry and its data bytes. */
export function inspectMetadata(bytes: Uint8Array): MetadataCheck & { data: Uint8Array } {
  const view = viewModel(bytes);
  const names = metadataNames(bytes);
  const i = names.indexOf(METADATA_NAME);
  if (i < 0) throw new Error('no TFLITE_METADATA');
  const entry = vectorTargets(view, view.slots[SLOT_METADATA] ?? 0)[i] ?? 0;
  const bufferIndex = view.bb.readUint32(entry + 8);
  const buffers = vectorTargets(view, view.slots[SLOT_BUFFERS] ?? 0);
  const buf = buffers[bufferIndex] ?? 0;
  const vt = buf - view.bb.readInt32(buf);
  const off = view.bb.readUint16(vt + 4);
  const vec = buf + off + view.bb.readUint32(buf + off);
  const len = view.bb.readUint32(vec);
  const data = bytes.subarray(vec + 4, vec + 4 + len);
  return {
    identifier: String.fromCharCode(...bytes.subarray(4, 8)),
    bufferIndex,
    bufferCount: buffers.length,
    dataOffset: vec + 4,
    dataIdentifier: String.fromCharCode(...data.subarray(4, 8)),
    data,
  };
}
