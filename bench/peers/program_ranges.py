"""Peer of `traincost simulate examples/scenarios/deepseek_program_ranges.toml`:
the same four draws and program formula in numpy (timed by bench_command)."""
import sys
import numpy as np

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rng = np.random.default_rng(42)
price = rng.uniform(1.5, 3.5, n)  # V3 rental price, USD per GPU-hour
m = rng.uniform(1.2, 4.0, n)  # research multiplier on the V3 run
headcount = rng.uniform(100, 200, n)
years = rng.uniform(1.0, 3.0, n)
v3 = 2_788_000 * price  # pre-training + context extension + post-training GPU-hours
r1 = 147_336 * 2.0  # 512 x 198 h + 5,000 + 512 x 80 h at $2
research = (m - 1) * v3 + 50_000 * 1.45  # multiplier + the A100 preparatory ledger
data = 20_000 * 2.0
staff = headcount * 100_000 * 1.3228756555322954 * years
total = v3 + r1 + research + data + staff
p5, p95 = np.percentile(total, [5, 95])
print(f"mean {total.mean():.6e}  P5 {p5:.6e}  P95 {p95:.6e}")
