/**
 * The compiled RecordIO kernels (recordKernels.wat, and denseKernel.wat on the same memory),
 * instantiated on first use, and the layout of their memory. One instance serves every writer of
 * the process: each call copies its inputs in, runs, and copies its output out before it returns,
 * so no state outlives a call.
 * @internal
 */
import { DENSE_KERNEL_WASM } from './generated/denseKernelWasm.js';
import { RECORD_KERNELS_WASM } from './generated/recordKernelsWasm.js';

/** The part of the WebAssembly API used here (the compiler's lib has no WebAssembly types). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: object };
}

/** The kernels' exports (see the .wat files for what each computes). */
interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly end: { readonly value: number };
  readonly blocked: { readonly value: number };
  checkRows(
    rows: number,
    ptrs: number,
    base: number,
    keys: number,
    last: number,
    counts: number,
  ): number;
  sparseSizes(
    rows: number,
    ptrs: number,
    counts: number,
    width: number,
    shapeLen: number,
    labelField: number,
  ): number;
  dense(
    rows: number,
    vals: number,
    rowBytes: number,
    labs: number,
    labelWidth: number,
    headLen: number,
    tailLen: number,
    out: number,
  ): number;
  sparse(
    rows: number,
    ptrs: number,
    base: number,
    keys: number,
    vals: number,
    width: number,
    valueTag: number,
    shapeLen: number,
    keyGuess: number,
    counts: number,
    labs: number,
    labelWidth: number,
    out: number,
    limit: number,
  ): number;
}

/**
 * Where a window of input rows and its output sit in the kernels' memory, in bytes. A window
 * holds at most `maxRows` rows and `maxKeys` stored values, so that its input and output stay in
 * cache while they are copied in, encoded and copied out. Any one record of a window, even with
 * five-byte keys and eight-byte values and labels, takes less than the stage's room past
 * `stageBytes`, where the kernel may store beyond its limit; and less than 2^21 bytes, which the
 * sparse kernel's three-byte length varints assume.
 */
export const KERNEL_LAYOUT = {
  shape: 0,
  labelHead: 16,
  denseHead: 0x40,
  denseTail: 0x80,
  /** The sparse kernels' SIMD constants, [0x100, 0x160), from recordKernels.wat's data. */
  constants: 0x100,
  keyShuffles: 0x1000,
  ptrs: 0x2000,
  keys: 0x8000,
  vals: 0x28000,
  labs: 0x68000,
  /** Each row's key bytes, as the index check counted them. */
  counts: 0x70000,
  stage: 0x80000,
  /** The stage's limit: half its region, the other half room for one record past it. */
  stageBytes: 0x80000,
  maxRows: 4096,
  maxKeys: 32768,
  /** Room for a dense window's values (from `keys`, through `vals`) and labels (`labs`). */
  denseVals: 0x68000 - 0x8000,
  denseLabs: 0x8000,
  /** Room for a dense window's records in the stage, less the 16 bytes stored past them. */
  denseStage: 0x100000 - 16,
  bytes: 0x180000,
} as const;

/**
 * The end of the window of CSR rows from `i` (before `to`): at most `maxRows` rows and
 * `maxKeys` stored values, found by bisection over `indptr`; `i` itself when row `i` alone holds
 * more values. Shared by the index check and the writer, so both see the same windows. With
 * pointers out of order the result is still in [i, to], and the check refuses the window.
 */
export function windowEnd(indptr: Int32Array, i: number, to: number): number {
  const base = indptr[i] as number;
  let hi = Math.min(to, i + KERNEL_LAYOUT.maxRows);
  if ((indptr[hi] as number) - base <= KERNEL_LAYOUT.maxKeys) return hi;
  let lo = i;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((indptr[mid] as number) - base <= KERNEL_LAYOUT.maxKeys) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The swizzles that pack eight 16-bit key encodings: for mask `m` (bit j set when key j takes
 * two bytes), byte 2j of each lane, then byte 2j + 1 where the bit is set; 0xff (a zero) after.
 */
function keyShuffles(): Uint8Array {
  const table = new Uint8Array(256 * 16).fill(0xff);
  for (let m = 0; m < 256; m++) {
    let o = m * 16;
    for (let j = 0; j < 8; j++) {
      table[o++] = 2 * j;
      if ((m >> j) & 1) table[o++] = 2 * j + 1;
    }
  }
  return table;
}

/** The instance and views of its memory (whose buffer does not change: it is never grown). */
export interface RecordKernels {
  readonly exports: KernelExports;
  readonly u8: Uint8Array;
  readonly i32: Int32Array;
}

/** Bytes of `array` as a `Uint8Array`, to copy into the kernels' memory. */
export const bytesOf = (array: ArrayBufferView): Uint8Array =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

let kernels: RecordKernels | undefined;
let state: 'untried' | 'ready' | 'unavailable' | 'disabled' = 'untried';

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function instantiate(): RecordKernels | undefined {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return undefined;
  try {
    // A kilobyte or two: synchronous compilation is cheap, and keeps the writers synchronous.
    const records = new wasm.Instance(new wasm.Module(decodeBase64(RECORD_KERNELS_WASM)), {});
    const base = records.exports as Omit<KernelExports, 'dense'>;
    const pages = Math.ceil(KERNEL_LAYOUT.bytes / 65536);
    const have = base.memory.buffer.byteLength / 65536;
    if (have < pages) base.memory.grow(pages - have);
    const dense = new wasm.Instance(new wasm.Module(decodeBase64(DENSE_KERNEL_WASM)), {
      kernels: { memory: base.memory },
    }).exports as Pick<KernelExports, 'dense'>;
    const exports: KernelExports = { ...base, dense: dense.dense };
    const { buffer } = exports.memory;
    const u8 = new Uint8Array(buffer);
    u8.set(keyShuffles(), KERNEL_LAYOUT.keyShuffles);
    return { exports, u8, i32: new Int32Array(buffer) };
  } catch {
    // No SIMD or bulk memory (an old engine), or compilation refused: the JavaScript writers.
    return undefined;
  }
}

/** The kernels, or `undefined` on hosts without (a fitting) WebAssembly, or when disabled. */
export function recordKernels(): RecordKernels | undefined {
  if (state === 'untried') {
    kernels = instantiate();
    state = kernels === undefined ? 'unavailable' : 'ready';
  }
  return state === 'ready' ? kernels : undefined;
}

/**
 * Turns the kernels off (`false`) or back on, so that tests can check the JavaScript writers
 * against them on the same inputs. Returns whether they were on.
 * @internal
 */
export function useRecordKernels(on: boolean): boolean {
  const was = recordKernels() !== undefined;
  if (!on && state === 'ready') state = 'disabled';
  if (on && state === 'disabled') state = 'ready';
  return was;
}
