// Summary statistics, shared by the page (bench/pages/page.mjs) and Node (bench/run.mjs).

/** Nearest-rank quantiles and the mean of `values`. */
export function summarize(values) {
  const s = [...values].sort((a, b) => a - b);
  const q = (p) => s[Math.max(0, Math.min(s.length - 1, Math.ceil(p * s.length) - 1))];
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, min: s[0], median: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1], mean };
}
