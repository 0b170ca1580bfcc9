#pragma once
/// \file
/// The plan search: for a model, a number of accelerators and a global
/// batch, every parallel plan the options allow, those that are invalid or
/// do not fit in memory dropped, the rest ranked by predicted step time (or
/// by cost for a deadline), the best few kept with their predictions.
///
/// How it enumerates (docs/plan-search.md): every factorisation
/// t x c x p x d = accelerators with t, c and p divisors of the count within
/// their caps, and for each every combination of virtual stages, expert
/// degree (MoE only), ZeRO stage, micro-batch, recompute mode, sequence
/// parallelism (only when t > 1) and GEMM precision in the options. A cheap
/// integer pre-filter (`detail::structural_problem`) drops plans
/// whose degrees do not divide what they split, so exceptions are not the
/// search's control flow; what passes is checked by `check_plan`, sized by
/// `estimate_memory`, and only a plan that fits is timed by `predict_step`.
///
/// Results do not depend on the number of threads: every plan has its
/// place in the enumeration, ties in step time are broken by memory and
/// then by that place, and the kept plans are evaluated again in order.

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "traincost/core/error.hpp"
#include "traincost/core/limits.hpp"
#include "traincost/hardware/precision.hpp"
#include "traincost/perf/architecture.hpp"
#include "traincost/perf/architecture_check.hpp"
#include "traincost/perf/detail/plan_enumeration.hpp"
#include "traincost/perf/memory.hpp"
#include "traincost/perf/plan.hpp"
#include "traincost/perf/step_prediction.hpp"
#include "traincost/perf/step_time.hpp"
#include "traincost/perf/system.hpp"
#include "traincost/units/units.hpp"

namespace traincost::perf {

/// Ranking by cost for a deadline: the run must train `tokens` within
/// `deadline` at `price` per GPU-hour. On the fixed cluster a search is given
/// the cost is price x accelerators x tokens / tokens-per-second, so it is
/// proportional to the step time and ranks plans the same way; the
/// deadline is what changes the answer: a plan whose time to train
/// (tokens / tokens-per-second) exceeds it is dropped, and the cheapest
/// remaining plan is the fastest one that meets it. To trade cluster size
/// against cost, search once per size and compare the costs. The time to
/// train is steps x step time, without failures or restarts.
struct CostForDeadline {
  GpuTimePrice price = usd_per_gpu_hour(0);  ///< per accelerator-hour, > 0
  TokenCount tokens = traincost::tokens(0);  ///< to train, > 0
  Duration deadline = seconds(0);            ///< wall-clock, > 0
};

/// Sequence parallelism to try for plans with tensor parallelism (t > 1);
/// plans with t = 1 have none to switch on.
enum class SequenceParallelChoice { off, on, both };

/// What to search over. The global batch and the precision the MFU is
/// quoted against have no defaults; the degrees have wide ones.
struct PlanSearchOptions {
  PlanSearchOptions(long long global_batch_sequences, Precision mfu_precision_)
      : global_batch(global_batch_sequences), mfu_precision(mfu_precision_) {}

  long long global_batch;   ///< sequences per optimizer step B (fixed, not searched)
  Precision mfu_precision;  ///< the peak MFU and HFU are quoted against

  /// Largest tensor-parallel degree; 0 = the system's scale-up domain
  /// (tensor parallelism's collectives sit on every layer's critical path,
  /// so it is kept inside NVLink unless asked otherwise).
  int max_tensor = 0;
  /// Largest context-parallel degree (a search bound, not a figure).
  int max_context = 16;
  /// Largest pipeline degree; 0 = the layer count.
  int max_pipeline = 0;
  /// Interleaved chunks per pipeline stage to try (1 = plain 1F1B); values
  /// above 1 only with a pipeline.
  std::vector<int> virtual_stages{1, 2, 4};
  /// Largest expert-parallel degree for MoE models; 0 = the routed experts.
  /// Every divisor of both the experts and d x c up to it is tried.
  int max_expert = 0;
  std::vector<ZeroStage> zero_stages{ZeroStage::none, ZeroStage::optimizer, ZeroStage::gradients,
                                     ZeroStage::parameters};
  std::vector<long long> micro_batches{1, 2, 4};  ///< sequences per micro-batch to try
  std::vector<Recompute> recompute{Recompute::none, Recompute::selective, Recompute::full};
  SequenceParallelChoice sequence_parallel = SequenceParallelChoice::both;
  std::vector<Precision> gemm_precisions{Precision::bf16};  ///< the plans' GEMM precision
  /// Every plan starts as a copy of this one: what the search does not vary
  /// (which communication overlaps, and any other setting of the plan) comes
  /// from here; what the options above search (degrees, ZeRO, micro-batch,
  /// recompute, sequence parallelism, precision) and the batch are replaced.
  ParallelPlan base;

  /// Set: rank by cost and drop plans that miss the deadline. Empty: rank by
  /// step time.
  std::optional<CostForDeadline> cost_for_deadline;

  std::size_t keep = 5;  ///< how many of the best plans to return, >= 1
  /// Threads that evaluate plans (1 or more; no more than the machine's
  /// hardware threads are started); the result is the same for any.
  /// One is the default: a 24,000-plan search takes milliseconds on one
  /// core (docs/plan-search.md), and a library should not start threads
  /// its caller did not ask for.
  unsigned threads = 1;
};

/// One kept plan with its prediction.
struct RankedPlan {
  ParallelPlan plan;
  StepPrediction prediction;
  /// Under `cost_for_deadline`: tokens / tokens-per-second, and that time
  /// priced on the whole cluster.
  std::optional<Duration> time_to_train;
  std::optional<Money> cost;
};

/// The search's answer. The counts nest: enumerated >= valid >= fitting >=
/// meeting_deadline (= fitting without a deadline).
struct PlanSearchResult {
  std::vector<RankedPlan> best;    ///< fastest (cheapest) first, at most `keep`
  long long enumerated = 0;        ///< plans generated from the options
  long long valid = 0;             ///< of those, accepted by the pre-filter and `check_plan`
  long long fitting = 0;           ///< of those, fit in the accelerator's memory
  long long meeting_deadline = 0;  ///< of those, meet the deadline (if any)
  /// Empty when `best` is not; otherwise why not, with the nearest miss
  /// ("no valid plan fits in memory: the smallest of 3972 needs 464.9 GB per
  /// accelerator (TP 8 (SP) CP 2 PP 1 ...) against 80.0 GB; ...").
  std::string reason;
};

/// A plan in one line, for reasons and reports:
/// "TP 8 (SP) CP 1 PP 16 x1 DP 128 EP 1 ZeRO-1 mb 1 recompute selective bf16".
inline std::string plan_summary(const ParallelPlan& plan) {
  char buf[192];
  std::snprintf(buf, sizeof buf,
                "TP %d%s CP %d PP %d x%d DP %d EP %d ZeRO-%d mb %lld recompute %s %s", plan.tensor,
                plan.sequence_parallel ? " (SP)" : "", plan.context, plan.pipeline,
                plan.virtual_stages, plan.data, plan.expert, static_cast<int>(plan.zero),
                plan.micro_batch, std::string(to_string(plan.recompute)).c_str(),
                std::string(to_string(plan.precision)).c_str());
  return buf;
}

namespace detail {

/// What ranks a plan: step time, then memory per accelerator (less headroom
/// used is the safer plan), then its place in the enumeration.
struct ScoredPlan {
  double seconds = 0;
  double memory_bytes = 0;
  long long index = 0;
  ParallelPlan plan;
};

inline bool ranks_before(const ScoredPlan& a, const ScoredPlan& b) {
  if (a.seconds != b.seconds)
    return a.seconds < b.seconds;
  if (a.memory_bytes != b.memory_bytes)
    return a.memory_bytes < b.memory_bytes;
  return a.index < b.index;
}

/// The smaller footprint, ties to the earlier plan.
inline bool smaller_footprint(const ScoredPlan& a, const ScoredPlan& b) {
  if (a.memory_bytes != b.memory_bytes)
    return a.memory_bytes < b.memory_bytes;
  return a.index < b.index;
}

/// One thread's share of the search: counts, the best `keep` plans (a heap
/// whose top is the worst kept), and the nearest misses for the reason.
/// Everything it holds is bounded by `keep`, not by the plans enumerated.
struct SearchShard {
  long long valid = 0, fitting = 0, meeting = 0;
  std::vector<ScoredPlan> kept;
  std::optional<ScoredPlan> first_invalid;  ///< earliest rejected plan
  std::string first_invalid_why;            ///< and why
  std::optional<ScoredPlan> smallest;       ///< smallest footprint of a valid plan
  std::optional<ScoredPlan> fastest_late;   ///< fastest plan that missed the deadline
  std::exception_ptr failure;               ///< anything but a traincost::Error
};

inline void keep_best(std::vector<ScoredPlan>& heap, std::size_t keep, const ScoredPlan& p) {
  if (heap.size() < keep) {
    heap.push_back(p);
    std::push_heap(heap.begin(), heap.end(), ranks_before);
  } else if (ranks_before(p, heap.front())) {
    std::pop_heap(heap.begin(), heap.end(), ranks_before);
    heap.back() = p;
    std::push_heap(heap.begin(), heap.end(), ranks_before);
  }
}

/// Evaluates plans `first`, `first + stride`, ... of the enumeration of
/// `space` into `shard`. Each thread enumerates the whole space (a few
/// nanoseconds a plan) and sizes only its own share, so no list of every
/// plan is ever built.
inline void search_shard(const TransformerArchitecture& arch, const TrainingSystem& system,
                         const PlanSearchOptions& options, const PlanSpace& space, long long first,
                         long long stride, SearchShard& shard) {
  long long index = -1;
  const auto reject = [&](const ParallelPlan& plan, const char* why) {
    if (!shard.first_invalid) {  // indices rise: the first is the earliest
      shard.first_invalid = ScoredPlan{0, 0, index, plan};
      shard.first_invalid_why = why;
    }
  };
  try {
    for_each_plan(space, [&](const ParallelPlan& plan) {
      ++index;
      if (index % stride != first)
        return;
      if (const char* why = structural_problem(arch, plan)) {
        reject(plan, why);
        return;
      }
      MemoryEstimate memory;
      try {
        check_plan(arch, plan, system);
        memory = estimate_memory(arch, plan, system);
      } catch (const Error& e) {
        reject(plan, e.what());
        return;
      }
      ++shard.valid;
      const double memory_bytes = in_bytes(memory.total);
      if (!memory.fits) {
        const ScoredPlan miss{0, memory_bytes, index, plan};
        if (!shard.smallest || smaller_footprint(miss, *shard.smallest))
          shard.smallest = miss;
        return;
      }
      ++shard.fitting;
      const StepPrediction prediction = predict_step(arch, plan, system, options.mfu_precision);
      const ScoredPlan scored{in_seconds(prediction.time.total), memory_bytes, index, plan};
      if (options.cost_for_deadline) {
        const Duration to_train = options.cost_for_deadline->tokens / prediction.tokens_per_second;
        if (to_train > options.cost_for_deadline->deadline) {
          if (!shard.fastest_late || ranks_before(scored, *shard.fastest_late))
            shard.fastest_late = scored;
          return;
        }
      }
      ++shard.meeting;
      keep_best(shard.kept, options.keep, scored);
    });
  } catch (...) {
    shard.failure = std::current_exception();
  }
}

inline void require_option_at_least(const char* field, long long value, long long least,
                                    const char* expected) {
  if (value < least)
    throw Error(ErrorCode::invalid_value, FieldPath("plan_search").key(field),
                std::to_string(value), expected);
}

template <class T>
void require_option_list(const char* field, const std::vector<T>& list) {
  if (list.empty())
    throw Error(ErrorCode::invalid_value, FieldPath("plan_search").key(field), "an empty list",
                "at least one value to try");
}

/// Checks the options and turns their caps into candidate lists.
inline PlanSpace resolve_plan_space(const TransformerArchitecture& arch, long long accelerators,
                                    const TrainingSystem& system,
                                    const PlanSearchOptions& options) {
  // The architecture's counts are divisors in the pre-filter.
  check_architecture(arch);
  limits::require_accelerator_count(FieldPath("plan_search.accelerators"),
                                    static_cast<double>(accelerators));
  require_option_at_least("global_batch", options.global_batch, 1,
                          "a positive number of sequences");
  require_option_at_least("max_tensor", options.max_tensor, 0, "0 (the scale-up domain) or more");
  require_option_at_least("max_context", options.max_context, 1, "a positive degree");
  require_option_at_least("max_pipeline", options.max_pipeline, 0, "0 (the layer count) or more");
  require_option_at_least("max_expert", options.max_expert, 0, "0 (the routed experts) or more");
  require_option_at_least("keep", static_cast<long long>(options.keep), 1, "at least one plan");
  require_option_at_least("threads", options.threads, 1, "at least one thread");
  require_option_list("virtual_stages", options.virtual_stages);
  require_option_list("zero_stages", options.zero_stages);
  require_option_list("micro_batches", options.micro_batches);
  require_option_list("recompute", options.recompute);
  require_option_list("gemm_precisions", options.gemm_precisions);
  for (int v : options.virtual_stages)
    require_option_at_least("virtual_stages", v, 1, "positive virtual stages");
  for (long long b : options.micro_batches)
    require_option_at_least("micro_batches", b, 1, "a positive micro-batch");
  // One clear error up front instead of every plan failing the same way:
  // the precisions, and the system through the plan on one accelerator
  // (valid for any valid architecture).
  (void)system.accelerator.peak(options.mfu_precision, "plan_search.mfu_precision");
  for (Precision q : options.gemm_precisions) {
    if (q != Precision::bf16 && q != Precision::fp8)
      throw Error(ErrorCode::unsupported_precision, "plan_search.gemm_precisions",
                  std::string(to_string(q)), "bf16 or fp8 (the training GEMM precisions)");
    (void)system.accelerator.peak(q, "plan_search.gemm_precisions");
  }
  check_plan(arch, ParallelPlan{}, system);

  PlanSpace s;
  s.accelerators = accelerators;
  s.global_batch = options.global_batch;
  const long long tensor_cap =
      options.max_tensor > 0 ? options.max_tensor : system.network.scale_up_domain;
  const long long pipeline_cap = options.max_pipeline > 0 ? options.max_pipeline : arch.layers;
  s.tensor = divisors_up_to(accelerators, tensor_cap);
  s.context = divisors_up_to(accelerators, options.max_context);
  s.pipeline = divisors_up_to(accelerators, pipeline_cap);
  // Each list sorted and without repeats: the enumeration order is fixed
  // and no plan is tried twice, whatever order the options list them in.
  const auto sorted_unique = [](auto list) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
  };
  s.virtual_stages = sorted_unique(options.virtual_stages);
  if (arch.moe) {
    const long long cap = options.max_expert > 0 ? options.max_expert : arch.moe->experts;
    s.expert = divisors_up_to(arch.moe->experts, cap);
  }
  s.zero_stages = sorted_unique(options.zero_stages);
  s.micro_batches = sorted_unique(options.micro_batches);
  s.recompute = sorted_unique(options.recompute);
  s.sequence_parallel_off = options.sequence_parallel != SequenceParallelChoice::on;
  s.sequence_parallel_on = options.sequence_parallel != SequenceParallelChoice::off;
  s.precisions = sorted_unique(options.gemm_precisions);
  s.base = options.base;
  return s;
}

inline std::string format_number(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

}  // namespace detail

/// Searches the plans of `arch` on `accelerators` accelerators of `system`.
///
/// A model too large for the cluster is not an error: the result is empty,
/// with the counts and a `reason` naming the smallest footprint found, so a
/// caller can print why and try a larger cluster. Bad options are errors
/// (`traincost::Error`, field `plan_search.<option>` or
/// `architecture.<field>`): a count below 1, an empty list, an MFU or GEMM
/// precision the accelerator has no peak for.
inline PlanSearchResult search_plans(const TransformerArchitecture& arch, long long accelerators,
                                     const TrainingSystem& system,
                                     const PlanSearchOptions& options) {
  if (options.cost_for_deadline) {
    const CostForDeadline& c = *options.cost_for_deadline;
    const FieldPath f("plan_search.cost_for_deadline");
    if (!(in_usd_per_gpu_hour(c.price) > 0))
      throw Error(ErrorCode::invalid_value, f.key("price"),
                  detail::format_number("%g", in_usd_per_gpu_hour(c.price)),
                  "a positive price per GPU-hour");
    if (!(in_tokens(c.tokens) > 0))
      throw Error(ErrorCode::invalid_value, f.key("tokens"),
                  detail::format_number("%g", in_tokens(c.tokens)), "a positive token count");
    if (!(in_seconds(c.deadline) > 0))
      throw Error(ErrorCode::invalid_value, f.key("deadline"),
                  detail::format_number("%g s", in_seconds(c.deadline)), "a positive duration");
  }
  const detail::PlanSpace space = detail::resolve_plan_space(arch, accelerators, system, options);

  PlanSearchResult result;
  result.enumerated = detail::for_each_plan(space, [](const ParallelPlan&) {});

  // Below a few hundred plans a thread costs more than it saves.
  const long long cores = std::max(1u, std::thread::hardware_concurrency());
  const long long threads =
      result.enumerated < 512 ? 1 : std::min<long long>(options.threads, cores);
  std::vector<detail::SearchShard> shards(static_cast<std::size_t>(threads));
  {
    std::vector<std::thread> workers;
    workers.reserve(shards.size() - 1);
    for (long long k = 1; k < threads; ++k)
      workers.emplace_back([&, k] {
        detail::search_shard(arch, system, options, space, k, threads,
                             shards[static_cast<std::size_t>(k)]);
      });
    detail::search_shard(arch, system, options, space, 0, threads, shards[0]);
    for (std::thread& w : workers)
      w.join();
  }

  // Merge in a fixed way: the order of the shards never decides anything.
  std::vector<detail::ScoredPlan> kept;
  detail::SearchShard all;
  for (detail::SearchShard& s : shards) {
    if (s.failure)
      std::rethrow_exception(s.failure);
    result.valid += s.valid;
    result.fitting += s.fitting;
    result.meeting_deadline += s.meeting;
    kept.insert(kept.end(), s.kept.begin(), s.kept.end());
    if (s.first_invalid &&
        (!all.first_invalid || s.first_invalid->index < all.first_invalid->index)) {
      all.first_invalid = s.first_invalid;
      all.first_invalid_why = s.first_invalid_why;
    }
    if (s.smallest && (!all.smallest || detail::smaller_footprint(*s.smallest, *all.smallest)))
      all.smallest = s.smallest;
    if (s.fastest_late &&
        (!all.fastest_late || detail::ranks_before(*s.fastest_late, *all.fastest_late)))
      all.fastest_late = s.fastest_late;
  }
  std::sort(kept.begin(), kept.end(), detail::ranks_before);
  if (kept.size() > options.keep)
    kept.resize(options.keep);

  // The kept plans again, in order, with their whole predictions.
  for (const detail::ScoredPlan& k : kept) {
    RankedPlan r{k.plan, predict_step(arch, k.plan, system, options.mfu_precision), {}, {}};
    if (options.cost_for_deadline) {
      const Duration to_train = options.cost_for_deadline->tokens / r.prediction.tokens_per_second;
      r.time_to_train = to_train;
      r.cost = options.cost_for_deadline->price *
               (traincost::accelerators(static_cast<double>(accelerators)) * to_train);
    }
    result.best.push_back(std::move(r));
  }

  if (result.best.empty()) {
    if (result.enumerated == 0) {
      result.reason = "no plan to try: no tensor x context x pipeline x data factorisation of " +
                      std::to_string(accelerators) + " accelerators within the options' caps";
    } else if (result.valid == 0) {
      result.reason = "no valid plan among " + std::to_string(result.enumerated) +
                      " enumerated; the first (" + plan_summary(all.first_invalid->plan) +
                      ") fails: " + all.first_invalid_why;
    } else if (result.fitting == 0) {
      const ParallelPlan& p = all.smallest->plan;
      result.reason =
          "no valid plan fits in memory: the smallest of " + std::to_string(result.valid) +
          " needs " + detail::format_number("%.1f GB", all.smallest->memory_bytes / 1e9) +
          " per accelerator (" + plan_summary(p) + ") against " +
          detail::format_number("%.1f GB", in_gigabytes(system.accelerator.memory)) +
          "; more accelerators, more model parallelism or a smaller micro-batch may fit";
    } else {
      const ParallelPlan& p = all.fastest_late->plan;
      const StepPrediction fastest = predict_step(arch, p, system, options.mfu_precision);
      const Duration to_train = options.cost_for_deadline->tokens / fastest.tokens_per_second;
      result.reason =
          "no plan meets the deadline of " +
          detail::format_number("%.1f days", in_days(options.cost_for_deadline->deadline)) +
          ": the fastest of " + std::to_string(result.fitting) + " fitting plans (" +
          plan_summary(p) + ") trains in " + detail::format_number("%.1f days", in_days(to_train));
    }
  }
  return result;
}

}  // namespace traincost::perf
