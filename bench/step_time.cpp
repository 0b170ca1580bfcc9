// The step-time model and the plan search, timed.
//
//  * StepTime/{Typed,Raw}: one `predict_step` for Llama 3 405B on Llama 3's
//    published 8,192-GPU plan (TP 8, PP 16, DP 64; docs/sources.md §15),
//    next to a raw-double baseline in the same run. The baseline is
//    deliberately minimal — the step time a user would write by hand:
//    6 x parameters + causal attention FLOP per token over peak x one GEMM
//    efficiency, a 1F1B bubble of (p - 1) / m, ring all-reduces of the
//    activations (TP) and of the gradients (DP) at one bandwidth each, and
//    a weights + gradients + Adam + activations memory check. It is not
//    the model; it is the floor of what any step-time evaluation costs, so
//    the ratio says what the model's fuller physics and its typed units
//    cost on top. Goal: Typed <= 10 us.
//  * PlanSearch/Llama405B_16384/threads: the whole search (>= 10,000 plans
//    enumerated) for Llama 3 405B on 16,384 H100s with Llama 3's 2,048-
//    sequence batch, on 1 and 2 threads; counters `plans/s` (enumerated)
//    and `evaluated/s` (plans the model sized). Goal: <= 1 s on 2 cores.
//  * StepTime/Korthikanti175B and Calculon/Korthikanti175B: the peer a user
//    would pick instead. Calculon (Isaev et al., SC'23; Python) evaluates
//    the same run — GPT-3 175B, SP + selective recompute on 64 A100
//    (Korthikanti et al. Table 5, docs/sources.md §15 A) — from its own
//    model, system and execution files; the time is Calculon's own, per
//    evaluation (compile + run), measured inside Python over 200
//    evaluations so interpreter start-up is not counted. Needs
//    /usr/bin/python3 with numpy and psutil (Debian's python3-numpy,
//    python3-psutil) and a checkout of calculon-ai/calculon named by
//    $TRAINCOST_CALCULON_REPO (traincost does not ship Calculon's code);
//    skipped with a message otherwise.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "traincost/perf/plan_search.hpp"
#include "traincost/perf/systems.hpp"
#include "traincost/reference/step_time_runs.hpp"

namespace {

using namespace traincost;
using namespace traincost::perf;

// Llama 3 405B (docs/sources.md §15, published).
TransformerArchitecture llama3_405b() {
  TransformerArchitecture a;
  a.name = "Llama 3 405B";
  a.layers = 126;
  a.hidden = 16384;
  a.ffn = 53248;
  a.ffn_kind = FeedForwardKind::swiglu;
  a.heads = 128;
  a.kv_heads = 8;
  a.vocabulary = 128256;
  a.sequence_length = 8192;
  return a;
}

// Llama 3's 8,192-GPU row (docs/sources.md §15): TP 8, CP 1, PP 16
// published, DP 64 and 2,048 sequences per step derived; micro-batch 1, SP,
// ZeRO-1 and selective recompute assumed.
ParallelPlan llama3_8192_plan() {
  ParallelPlan p;
  p.tensor = 8;
  p.sequence_parallel = true;
  p.pipeline = 16;
  p.data = 64;
  p.zero = ZeroStage::optimizer;
  p.micro_batch = 1;
  p.global_batch = 2048;
  p.recompute = Recompute::selective;
  return p;
}

void StepTime_Typed(benchmark::State& state) {
  const TransformerArchitecture arch = llama3_405b();
  ParallelPlan plan = llama3_8192_plan();
  const TrainingSystem sys = h100_hgx_cluster();
  for (auto _ : state) {
    benchmark::DoNotOptimize(plan);
    StepPrediction p = predict_step(arch, plan, sys, Precision::bf16);
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(StepTime_Typed);

// ---- the raw-double baseline: a hand-written minimal step time ----
struct RawModel {
  double layers, hidden, ffn, heads, kv_heads, vocabulary, sequence;
};
struct RawPlan {
  double tensor, pipeline, data, micro_batch, global_batch;
};
struct RawSystem {
  double peak, matmul_efficiency, scale_up, scale_out, memory, domain;
};
struct RawStep {
  double compute, bubble, tensor_parallel, data_parallel, total, memory, mfu;
  bool fits;
};

void raw_require_positive(double v) {
  if (!std::isfinite(v) || !(v > 0.0))
    throw std::invalid_argument("not positive");
}

RawStep raw_step(const RawModel& m, const RawPlan& p, const RawSystem& s) {
  raw_require_positive(m.layers);
  raw_require_positive(m.hidden);
  raw_require_positive(p.tensor);
  raw_require_positive(p.pipeline);
  raw_require_positive(p.data);
  raw_require_positive(p.micro_batch);
  if (std::fmod(p.global_batch, p.micro_batch * p.data) != 0.0)
    throw std::invalid_argument("batch");
  const double head_dim = m.hidden / m.heads;
  const double attention_params =
      m.hidden * m.hidden * 2.0 + 2.0 * m.hidden * m.kv_heads * head_dim;  // q, o, k, v
  const double ffn_params = 3.0 * m.hidden * m.ffn;                        // SwiGLU
  const double params = m.layers * (attention_params + ffn_params) + 2.0 * m.vocabulary * m.hidden;
  // Training FLOP per token: 6N plus causal attention 6 x l x h x s.
  const double flop_per_token = 6.0 * params + 6.0 * m.layers * m.hidden * m.sequence;
  const double gpus = p.tensor * p.pipeline * p.data;
  const double tokens = p.global_batch * m.sequence;
  const double compute = tokens * flop_per_token / (gpus * s.peak * s.matmul_efficiency);
  const double micro_batches = p.global_batch / (p.micro_batch * p.data);
  const double bubble = compute * (p.pipeline - 1.0) / micro_batches;
  // TP: 4 all-reduces of b x s x h BF16 per layer per micro-batch (2 fwd, 2 bwd).
  const double tp_bytes = 4.0 * (m.layers / p.pipeline) * micro_batches * p.micro_batch *
                          m.sequence * m.hidden * 2.0 * 2.0 * (p.tensor - 1.0) / p.tensor;
  const double tp = p.tensor > 1 ? tp_bytes / (p.tensor <= s.domain ? s.scale_up : s.scale_out) : 0;
  // DP: one ring all-reduce of the BF16 gradients of this rank's shard.
  const double shard = params / (p.tensor * p.pipeline);
  const double dp = 2.0 * shard * 2.0 * (p.data - 1.0) / p.data / s.scale_out;
  const double total = compute + bubble + tp + dp;
  // Memory: 2 + 2 + 12 bytes per parameter (ZeRO-1 shards the 12), and
  // Korthikanti's 34 s b h per layer / t for p in-flight micro-batches.
  const double weights = 4.0 * shard + 12.0 * shard / p.data;
  const double activations = 34.0 * m.sequence * p.micro_batch * m.hidden / p.tensor *
                             (m.layers / p.pipeline) * p.pipeline;
  const double memory = weights + activations;
  return {compute,
          bubble,
          tp,
          dp,
          total,
          memory,
          tokens * 6.0 * params / (total * gpus * s.peak),
          memory <= s.memory};
}

void StepTime_Raw(benchmark::State& state) {
  // Llama 3 405B's shapes and plan (docs/sources.md §15); H100 SXM's dense
  // BF16 peak and 80 GB (docs/sources.md §5); assumed for the baseline only:
  // 450 GB/s NVLink each way, 50 GB/s scale-out per GPU, 70% GEMM efficiency.
  RawModel m{126, 16384, 53248, 128, 8, 128256, 8192};
  RawPlan p{8, 16, 64, 1, 2048};
  RawSystem s{989.5e12, 0.7, 450e9, 50e9, 80e9, 8};
  for (auto _ : state) {
    // The inputs may have changed, as far as the compiler knows: no folding.
    benchmark::DoNotOptimize(m);
    benchmark::DoNotOptimize(p);
    benchmark::DoNotOptimize(s);
    RawStep r = raw_step(m, p, s);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(StepTime_Raw);

// ---- the plan search ----
void PlanSearch_Llama405B_16384(benchmark::State& state) {
  const TransformerArchitecture arch = llama3_405b();
  const TrainingSystem sys = h100_hgx_cluster();
  PlanSearchOptions o(2048, Precision::bf16);
  o.threads = static_cast<unsigned>(state.range(0));
  long long enumerated = 0, evaluated = 0;
  for (auto _ : state) {
    PlanSearchResult r = search_plans(arch, 16384, sys, o);
    enumerated += r.enumerated;
    evaluated += r.valid;
    benchmark::DoNotOptimize(r);
  }
  state.counters["plans/s"] =
      benchmark::Counter(static_cast<double>(enumerated), benchmark::Counter::kIsRate);
  state.counters["evaluated/s"] =
      benchmark::Counter(static_cast<double>(evaluated), benchmark::Counter::kIsRate);
  state.counters["plans"] =
      static_cast<double>(enumerated) / static_cast<double>(state.iterations());
}
BENCHMARK(PlanSearch_Llama405B_16384)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// A wider space: TP up to 16 (beyond one node), CP up to 32, 1-6 virtual
// stages, micro-batches 1-8, FP8 as well as BF16 GEMMs.
void PlanSearch_Llama405B_16384_Wide(benchmark::State& state) {
  const TransformerArchitecture arch = llama3_405b();
  const TrainingSystem sys = h100_hgx_cluster();
  PlanSearchOptions o(2048, Precision::bf16);
  o.max_tensor = 16;
  o.max_context = 32;
  o.virtual_stages = {1, 2, 3, 4, 6};
  o.micro_batches = {1, 2, 4, 8};
  o.gemm_precisions = {Precision::bf16, Precision::fp8};
  o.threads = static_cast<unsigned>(state.range(0));
  long long enumerated = 0, evaluated = 0;
  for (auto _ : state) {
    PlanSearchResult r = search_plans(arch, 16384, sys, o);
    enumerated += r.enumerated;
    evaluated += r.valid;
    benchmark::DoNotOptimize(r);
  }
  state.counters["plans/s"] =
      benchmark::Counter(static_cast<double>(enumerated), benchmark::Counter::kIsRate);
  state.counters["evaluated/s"] =
      benchmark::Counter(static_cast<double>(evaluated), benchmark::Counter::kIsRate);
  state.counters["plans"] =
      static_cast<double>(enumerated) / static_cast<double>(state.iterations());
}
BENCHMARK(PlanSearch_Llama405B_16384_Wide)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

/// GPT-3 175B, SP + selective, on Selene: the run both evaluations below
/// predict (Korthikanti et al. Table 5; docs/sources.md §15 A).
const traincost::reference::step_time::PublishedRun& korthikanti_175b_selective() {
  static const traincost::reference::step_time::PublishedRun run = [] {
    for (const auto& r : traincost::reference::step_time::korthikanti_table5_runs())
      if (r.name == "Korthikanti 175B, SP + selective")
        return r;
    throw std::logic_error("Korthikanti 175B, SP + selective is not in the validation set");
  }();
  return run;
}

void StepTime_Korthikanti175B(benchmark::State& state) {
  const auto& run = korthikanti_175b_selective();
  const TrainingSystem sys = traincost::reference::step_time::system_for(run.system);
  ParallelPlan plan = run.plan;
  for (auto _ : state) {
    benchmark::DoNotOptimize(plan);
    StepPrediction p = predict_step(run.architecture, plan, sys, run.mfu_precision);
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(StepTime_Korthikanti175B)->Name("StepTime/Korthikanti175B");

void Calculon_Korthikanti175B(benchmark::State& state) {
  namespace fs = std::filesystem;
  const char* repo = std::getenv("TRAINCOST_CALCULON_REPO");
  if (!repo || !fs::exists(fs::path(repo) / "calculon" / "llm" / "llm.py")) {
    state.SkipWithError(
        "skipped: set TRAINCOST_CALCULON_REPO to a checkout of calculon-ai/calculon");
    return;
  }
  if (std::system("/usr/bin/python3 -c 'import numpy, psutil' >/dev/null 2>&1") != 0) {
    state.SkipWithError(
        "skipped: /usr/bin/python3 lacks numpy or psutil (python3-numpy, python3-psutil)");
    return;
  }
  // Calculon's own validation inputs for this run; it prints seconds per
  // evaluation and its predicted step time.
  const std::string cmd =
      "cd '" + std::string(repo) +
      "' && /usr/bin/python3 -c \"import sys, time, json, logging; sys.path.insert(0, '.'); "
      "from calculon.llm import Llm; from calculon.system import System; "
      "app = Llm.Application(json.load(open('models/gpt3-175B.json'))); "
      "exe = "
      "Llm.Execution.from_json(json.load(open('validation/seqsel/tab5/gpt3-175B_seqsel.json'))); "
      "syst = System(json.load(open('systems/a100_80g.json'))); log = logging.getLogger(); "
      "n = 200; t = time.perf_counter()\n"
      "for i in range(n):\n m = Llm(app, log); m.compile(syst, exe); m.run(syst)\n"
      "print((time.perf_counter() - t) / n, m.get_stats_json(False)['total_time'])\"";
  double step_seconds = 0;
  for (auto _ : state) {
    FILE* out = popen(cmd.c_str(), "r");
    double per_eval = 0;
    const int read = out ? std::fscanf(out, "%lf %lf", &per_eval, &step_seconds) : 0;
    const int status = out ? pclose(out) : -1;
    if (read != 2 || status != 0 || !(per_eval > 0)) {
      state.SkipWithError("Calculon failed to run");
      return;
    }
    state.SetIterationTime(per_eval);
  }
  state.counters["calculon_step_s"] = step_seconds;
  state.counters["published_step_s"] = korthikanti_175b_selective().published;
}
BENCHMARK(Calculon_Korthikanti175B)
    ->Name("Calculon/Korthikanti175B")
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(3);

}  // namespace
