/**
 * Loaded by each function's thread before its handler, when the benchmark asks for it
 * (`startLocalPipeline({ functionPreload: [FUNCTION_RECORDER] })`): the function's DynamoDB and
 * SQS requests are counted and recorded by the benchmark's recorder, as if it ran in-process.
 */
import { passRequestsOn } from './requests';

passRequestsOn();
