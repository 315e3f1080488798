/**
 * Bounds on every string that becomes part of a DynamoDB key, and on dates: DynamoDB refuses
 * keys over 2,048 bytes (partition) and 1,024 bytes (sort), and a date outside any sane range
 * would make a range query's bounds cross. A value outside these is a 400, never a 500.
 */
import * as z from './zod';

/** A webhook delivery id (Standard Webhooks `webhook-id`): printable ASCII without spaces. */
export const DeliveryId = z.string().check(
  z.minLength(1),
  z.maxLength(256),
  z.regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
);

/** Our own ids as they appear in paths: `art_<24 hex>`, and a claim id `<article id>-c<n>`. */
export const ArticleId = z.string().check(z.regex(/^art_[0-9a-f]{24}$/, 'is not an article id'));
export const ClaimId = z.string().check(z.regex(/^art_[0-9a-f]{24}-c[0-9]{1,6}$/, 'is not a claim id'));

/** The earliest and latest publication dates the pipeline accepts. */
export const EARLIEST_PUBLISHED = '1900-01-01T00:00:00Z';
export const LATEST_PUBLISHED = '2100-12-31T23:59:59Z';

/** An ISO 8601 date-time with an offset, between 1900 and 2100. */
export const PublishedAt = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).check(
  z.refine((s) => {
    const t = Date.parse(s);
    return t >= Date.parse(EARLIEST_PUBLISHED) && t <= Date.parse(LATEST_PUBLISHED);
  }, 'must be between 1900 and 2100'),
);
