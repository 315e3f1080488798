import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ProcessResult } from '../pipeline/process';
import type { ReconcileReport } from '../pipeline/reconcile';

/**
 * The CloudWatch namespace of the pipeline's metrics. The CDK's NodeFunction sets it once for
 * every function (POWERTOOLS_METRICS_NAMESPACE), beside the service name (POWERTOOLS_SERVICE_NAME),
 * which becomes each metric's `service` dimension.
 */
export const METRICS_NAMESPACE = 'FactCheck';

/** Every metric the functions publish, by the name CloudWatch shows. */
export const METRIC = {
  /** webhook: answered 202 (a repeated delivery too: it is accepted again, not stored again) */
  articlesAccepted: 'ArticlesAccepted',
  /** webhook: answered 4xx or 5xx, with the dimension `statusClass` */
  articlesRefused: 'ArticlesRefused',
  /** worker: articles processed, and what extraction and corroboration found in them */
  articlesProcessed: 'ArticlesProcessed',
  claimsExtracted: 'ClaimsExtracted',
  claimsTruncated: 'ClaimsTruncated',
  linksMade: 'LinksMade',
  /** worker and reconciler: articles marked failed (unreadable, or given up on) */
  articlesFailed: 'ArticlesFailed',
  /** reconciler: unfinished articles queued again */
  articlesRequeued: 'ArticlesRequeued',
} as const;

/** What the webhook answered: accepted, or refused by status class (4xx, 5xx). */
export function countWebhookAnswer(metrics: Metrics, statusCode: number): void {
  if (statusCode < 300) {
    metrics.addMetric(METRIC.articlesAccepted, MetricUnit.Count, 1);
    return;
  }
  metrics.addDimensions({ statusClass: `${Math.floor(statusCode / 100)}xx` });
  metrics.addMetric(METRIC.articlesRefused, MetricUnit.Count, 1);
}

/** What one worker run did with its article (runs that skipped it count nothing). */
export function countProcessing(metrics: Metrics, result: ProcessResult): void {
  if (result.outcome === 'failed') metrics.addMetric(METRIC.articlesFailed, MetricUnit.Count, 1);
  if (result.outcome !== 'processed') return;
  metrics.addMetric(METRIC.articlesProcessed, MetricUnit.Count, 1);
  metrics.addMetric(METRIC.claimsExtracted, MetricUnit.Count, result.claimsExtracted);
  metrics.addMetric(METRIC.claimsTruncated, MetricUnit.Count, result.claimsTruncated);
  metrics.addMetric(METRIC.linksMade, MetricUnit.Count, result.linksMade);
}

/** What one reconciler run did (zeros too, so that a quiet run still shows). */
export function countReconcile(metrics: Metrics, report: ReconcileReport): void {
  metrics.addMetric(METRIC.articlesRequeued, MetricUnit.Count, report.requeued.length);
  metrics.addMetric(METRIC.articlesFailed, MetricUnit.Count, report.failed.length);
}
