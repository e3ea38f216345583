/**
 * Usage across a fallback chain. Decision: the response a FallbackModel returns carries in
 * `usage` the SUM over every hop that consumed tokens (failed, rejected, hedged-and-aborted and
 * winning hops alike), so an agent run that adds up response usages charges the whole chain,
 * never only the winner. The winner's own usage stays in its `HopRecord` (`winner: true`), and
 * every other hop's usage in its own record, which is where per-hop spans read it.
 */
import type { HopRecord } from '../hop.js';
import { computeUsageSum, requestUsage, type RequestUsage } from '../usage.js';

/**
 * Adds up the usage of every hop record that has one (skipped hops never do).
 * @example computeChainUsage([failedHopWith10Input, winnerWith20Input]).inputTokens === 30
 */
export function computeChainUsage(records: readonly Pick<HopRecord, 'usage'>[]): RequestUsage {
  let total = requestUsage();
  for (const record of records) if (record.usage) total = computeUsageSum(total, record.usage);
  return total;
}
