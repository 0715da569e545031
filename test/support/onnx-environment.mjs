// Jest's node environment with the host's typed-array constructors. ONNX Runtime's native
// binding creates output tensors with the host realm's Float32Array, which fails the
// `instanceof` checks of code running in Jest's own realm ("A float32 tensor's data must be
// type of Float32Array"). Test files that run a model opt in with
// `@jest-environment ./test/support/onnx-environment.mjs`.
import { TestEnvironment } from 'jest-environment-node';

const TYPED = [
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

export default class OnnxEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED) this.global[name] = globalThis[name];
  }
}
