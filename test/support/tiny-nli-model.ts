/**
 * A tiny NLI cross-encoder written by the test itself (no downloads): an ONNX graph
 * Gather(word + position embeddings) → masked mean → MatMul → logits, in the folder layout a
 * Hugging Face ONNX export has (model.onnx, config.json, tokenizer.json, tokenizer_config.json).
 *
 * Its "knowledge": "denied/not/never/false" push towards contradiction, "confirmed/indeed/
 * agreed" towards entailment, every other token towards neutral. Outputs are declared in a
 * non-standard order (neutral, contradiction, entailment) so label mapping is exercised, and
 * positions past MAX_POSITIONS make ONNX Runtime fail, as a real BERT does past 512 tokens.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export const MAX_POSITIONS = 48;
/** Output order of the logits, as config.json declares it. */
export const ID2LABEL = { '0': 'NEUTRAL', '1': 'CONTRADICTION', '2': 'ENTAILMENT' };
const CONTRA = ['denied', 'not', 'never', 'false'];
const ENTAIL = ['confirmed', 'indeed', 'agreed'];
const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];
const WORDS = [...SPECIALS, '.', ',', ...CONTRA, ...ENTAIL, 'the', 'bridge', 'was', 'closed'];

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

function tensor(name: string, dims: number[], values: number[], type = FLOAT) {
  return onnx.TensorProto.create({
    name,
    dims,
    dataType: type,
    ...(type === FLOAT ? { floatData: values } : { int64Data: values }),
  });
}

function io(name: string, elemType: number, dims: string[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => ({ dimParam: d })) } } },
  });
}

function node(opType: string, input: string[], output: string[], attribute: object[] = []) {
  return onnx.NodeProto.create({ opType, input, output, name: output[0], attribute });
}

export function tinyNliModelBytes(): Uint8Array {
  // Semantic axes: 0 entailment, 1 neutral, 2 contradiction.
  const embedding: number[] = [];
  for (const word of WORDS) {
    if (word === '[PAD]') embedding.push(0, 0, 0);
    else if (CONTRA.includes(word)) embedding.push(0, 0, 10);
    else if (ENTAIL.includes(word)) embedding.push(10, 0, 0);
    else embedding.push(0, 0.3, 0);
  }
  // Semantic axis → output index, following ID2LABEL.
  const out = { ent: 2, neu: 0, con: 1 };
  const w = new Array<number>(9).fill(0);
  w[0 * 3 + out.ent] = 8;
  w[1 * 3 + out.neu] = 8;
  w[2 * 3 + out.con] = 8;
  const graph = onnx.GraphProto.create({
    name: 'tiny-nli',
    input: [
      io('input_ids', INT64, ['batch', 'sequence']),
      io('attention_mask', INT64, ['batch', 'sequence']),
    ],
    output: [io('logits', FLOAT, ['batch', 'labels'])],
    initializer: [
      tensor('word_embeddings', [WORDS.length, 3], embedding),
      tensor(
        'position_embeddings',
        [MAX_POSITIONS + 1, 3],
        new Array<number>((MAX_POSITIONS + 1) * 3).fill(0),
      ),
      tensor('classifier_w', [3, 3], w),
      tensor('classifier_b', [3], [0, 0, 0]),
      tensor('axis_seq', [], [1], INT64),
      tensor('axes_seq', [1], [1], INT64),
      tensor('axes_last', [1], [2], INT64),
    ],
    node: [
      node('Gather', ['word_embeddings', 'input_ids'], ['words']),
      node('CumSum', ['attention_mask', 'axis_seq'], ['positions']),
      node('Gather', ['position_embeddings', 'positions'], ['pos']),
      node('Add', ['words', 'pos'], ['embedded']),
      node(
        'Cast',
        ['attention_mask'],
        ['mask_f'],
        [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }],
      ),
      node('Unsqueeze', ['mask_f', 'axes_last'], ['mask3']),
      node('Mul', ['embedded', 'mask3'], ['masked']),
      node(
        'ReduceSum',
        ['masked', 'axes_seq'],
        ['total'],
        [{ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
      ),
      node(
        'ReduceSum',
        ['mask3', 'axes_seq'],
        ['count'],
        [{ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
      ),
      node('Div', ['total', 'count'], ['pooled']),
      node('MatMul', ['pooled', 'classifier_w'], ['scores']),
      node('Add', ['scores', 'classifier_b'], ['logits']),
    ],
  });
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'claimtrace-test',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson() {
  const special = (content: string, id: number) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const seq = (id: 'A' | 'B', typeId: number) => ({ Sequence: { id, type_id: typeId } });
  const tok = (id: string, typeId: number) => ({ SpecialToken: { id, type_id: typeId } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((s, i) => special(s, i)),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [tok('[CLS]', 0), seq('A', 0), tok('[SEP]', 0)],
      pair: [tok('[CLS]', 0), seq('A', 0), tok('[SEP]', 0), seq('B', 1), tok('[SEP]', 1)],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(WORDS.map((w, i) => [w, i])),
    },
  };
}

/** Writes the model folder and returns its path. */
export function writeTinyNliModel(dir = mkdtempSync(join(tmpdir(), 'claimtrace-nli-'))): string {
  writeFileSync(join(dir, 'model.onnx'), tinyNliModelBytes());
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      _name_or_path: 'claimtrace/tiny-nli-test',
      architectures: ['BertForSequenceClassification'],
      id2label: ID2LABEL,
      label2id: Object.fromEntries(Object.entries(ID2LABEL).map(([k, v]) => [v, Number(k)])),
      max_position_embeddings: MAX_POSITIONS,
      pad_token_id: 0,
    }),
  );
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson()));
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({
      model_max_length: MAX_POSITIONS,
      do_lower_case: true,
      pad_token: '[PAD]',
      tokenizer_class: 'BertTokenizer',
    }),
  );
  return dir;
}
