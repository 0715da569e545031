import { ConfigError, loadConfig } from '../../../../src/config/env.js';

describe('choosing the relation provider from the environment', () => {
  it('is the built-in classifier by default', () => {
    expect(loadConfig({}).relationProvider).toEqual({ kind: 'builtin' });
  });
  it('RELATION_MODEL_DIR selects the local NLI model, with defaults', () => {
    expect(loadConfig({ RELATION_MODEL_DIR: '/models/nli' }).relationProvider).toEqual({
      kind: 'onnx-nli',
      dir: '/models/nli',
      maxTokens: null,
      calibrationFile: null,
      perClaim: 8,
      batchSize: 16,
    });
  });
  it('RELATION_LLM_URL selects the endpoint and needs a model name', () => {
    expect(() => loadConfig({ RELATION_LLM_URL: 'http://127.0.0.1:8000/v1' })).toThrow(
      new ConfigError('RELATION_LLM_URL is set: RELATION_LLM_MODEL must name the model to ask'),
    );
    expect(
      loadConfig({
        RELATION_LLM_URL: 'http://127.0.0.1:8000/v1',
        RELATION_LLM_MODEL: 'qwen',
        RELATION_LLM_BUDGET: '50',
      }).relationProvider,
    ).toMatchObject({
      kind: 'llm',
      model: 'qwen',
      apiKey: null,
      budgetPairs: 50,
      batchSize: 8,
    });
  });
  it('refuses ambiguous or wrong settings with a message naming the variable', () => {
    expect(() => loadConfig({ RELATION_MODEL_DIR: '/m', RELATION_LLM_URL: 'http://h/v1' })).toThrow(
      /set RELATION_PROVIDER=onnx-nli or RELATION_PROVIDER=llm/,
    );
    expect(() => loadConfig({ RELATION_PROVIDER: 'bert' })).toThrow(
      /RELATION_PROVIDER must be one of builtin, onnx-nli, llm/,
    );
    expect(() => loadConfig({ RELATION_PROVIDER: 'onnx-nli' })).toThrow(/needs RELATION_MODEL_DIR/);
    expect(() => loadConfig({ RELATION_LLM_URL: 'ftp://h', RELATION_LLM_MODEL: 'm' })).toThrow(
      /must be an http/,
    );
    expect(() => loadConfig({ RELATION_MODEL_DIR: '/m', RELATION_MODEL_BATCH: '0' })).toThrow(
      /RELATION_MODEL_BATCH must be an integer between 1 and 1024/,
    );
    expect(
      loadConfig({ RELATION_PROVIDER: 'builtin', RELATION_MODEL_DIR: '/m' }).relationProvider.kind,
    ).toBe('builtin');
  });
});
