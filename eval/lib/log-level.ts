/**
 * Imported first by the evaluation entry: the service's JSON logs go to stdout, where the
 * evaluation prints its tables, so they are limited to errors unless LOG_LEVEL says otherwise.
 */
process.env.LOG_LEVEL ??= 'error';
