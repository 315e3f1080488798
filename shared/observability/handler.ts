import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';

/**
 * What Powertools' `injectLambdaContext` and `logMetrics` decorators do, for a plain handler
 * function: every log line of the invocation carries its context (request id, function name and
 * version, memory, cold start), and the metrics it recorded are published as one CloudWatch EMF
 * document when it ends, whether it answers or throws.
 */
export function observed<E, R>(
  tools: { logger: Logger; metrics?: Metrics },
  handler: (event: E, context: Context) => Promise<R>,
): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    tools.logger.addContext(context);
    try {
      return await handler(event, context);
    } finally {
      // an invocation that counted nothing prints nothing (Powertools would warn about it)
      if (tools.metrics?.hasStoredMetrics()) tools.metrics.publishStoredMetrics();
    }
  };
}
