import pino from 'pino';

/** Structured JSON logs. One root logger; request handlers use children carrying the request id. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'claimtrace' },
  redact: {
    paths: ['req.headers.authorization', 'databaseUrl', '*.password'],
    censor: '[redacted]',
  },
});
