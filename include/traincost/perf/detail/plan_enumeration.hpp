#pragma once
/// \file
/// The plan search's enumeration: which degrees are tried, in what order,
/// and the integer pre-filter that drops plans whose degrees do not divide
/// what they split before the model sees them.
///
/// The order is fixed (tensor, context, pipeline, virtual stages, expert,
/// ZeRO, micro-batch, recompute, sequence parallelism off then on,
/// precision; each list ascending, the enums in their declared order), and a plan's place in it is
/// its identity when step times tie, so the search returns the same plans on any number of threads.

#include <string>
#include <vector>

#include "traincost/hardware/precision.hpp"
#include "traincost/perf/architecture.hpp"
#include "traincost/perf/plan.hpp"

namespace traincost::perf::detail {

/// The resolved search space: caps turned into candidate lists.
struct PlanSpace {
  long long accelerators = 1;
  long long global_batch = 1;
  std::vector<int> tensor;    ///< divisors of the count up to the tensor cap
  std::vector<int> context;   ///< divisors of the count up to the context cap
  std::vector<int> pipeline;  ///< divisors of the count up to the pipeline cap
  std::vector<int> virtual_stages;
  std::vector<int> expert{1};  ///< divisors of the routed experts up to the cap; {1} if dense
  std::vector<ZeroStage> zero_stages;
  std::vector<long long> micro_batches;
  std::vector<Recompute> recompute;
  bool sequence_parallel_off = true;
  bool sequence_parallel_on = true;
  std::vector<Precision> precisions;
  ParallelPlan base;  ///< the fields the search does not vary
};

/// The divisors of `n` from 1 to `cap`, ascending (trial division up to
/// sqrt(n): a cluster's count has few divisors and this runs once).
inline std::vector<int> divisors_up_to(long long n, long long cap) {
  std::vector<long long> low, high;
  for (long long k = 1; k * k <= n; ++k) {
    if (n % k != 0)
      continue;
    low.push_back(k);
    if (k != n / k)
      high.push_back(n / k);
  }
  std::vector<int> out;
  for (long long k : low)
    if (k <= cap)
      out.push_back(static_cast<int>(k));
  for (auto it = high.rbegin(); it != high.rend(); ++it)
    if (*it <= cap)
      out.push_back(static_cast<int>(*it));
  return out;
}

/// Why a plan's degrees do not divide what they split, or nullptr when they
/// do. Every rule here is one `check_plan` also enforces, so the pre-filter
/// never drops a plan the model would accept; it only spares the search an
/// exception per invalid plan (no allocation on either path):
///  * B is a whole number of micro-batches on every data-parallel rank;
///  * t divides the query heads, and (without latent attention) the KV heads
///    are split or replicated evenly (t divides them or they divide t);
///  * c divides the sequence;
///  * every pipeline chunk holds at least one layer (p x v <= layers);
///  * e divides the routed experts and the d x c ranks it is taken from.
/// The architecture must have passed `check_architecture` (counts positive).
inline const char* structural_problem(const TransformerArchitecture& arch,
                                      const ParallelPlan& plan) {
  if (plan.global_batch % (plan.micro_batch * plan.data) != 0)
    return "the global batch is not a whole number of micro-batches per data-parallel rank";
  if (arch.heads % plan.tensor != 0)
    return "the tensor-parallel degree does not divide the attention heads";
  const int kv = arch.kv_heads > 0 ? arch.kv_heads : arch.heads;  // 0: multi-head
  if (!arch.latent_attention && kv % plan.tensor != 0 && plan.tensor % kv != 0)
    return "the tensor-parallel degree neither divides nor is a multiple of the KV heads";
  if (arch.sequence_length % plan.context != 0)
    return "the context-parallel degree does not divide the sequence";
  if (static_cast<long long>(plan.pipeline) * plan.virtual_stages > arch.layers)
    return "more pipeline chunks (stages x virtual stages) than layers";
  if (plan.expert > 1) {
    if (!arch.moe || arch.moe->experts % plan.expert != 0)
      return "the expert-parallel degree does not divide the routed experts";
    if ((static_cast<long long>(plan.data) * plan.context) % plan.expert != 0)
      return "the expert-parallel degree does not divide data x context";
  }
  return nullptr;
}

/// Calls `visit(plan)` for every plan of `space` in the fixed order and
/// returns how many there were. Redundant combinations are not generated:
/// virtual stages above 1 need a pipeline, sequence parallelism needs
/// tensor parallelism, an expert degree above 1 needs MoE.
template <class Visit>
long long for_each_plan(const PlanSpace& space, Visit&& visit) {
  long long n = 0;
  ParallelPlan plan = space.base;
  plan.global_batch = space.global_batch;
  for (int t : space.tensor) {
    for (int c : space.context) {
      if (space.accelerators % (static_cast<long long>(t) * c) != 0)
        continue;
      for (int p : space.pipeline) {
        const long long tcp = static_cast<long long>(t) * c * p;
        if (space.accelerators % tcp != 0)
          continue;
        const long long d = space.accelerators / tcp;
        plan.tensor = t;
        plan.context = c;
        plan.pipeline = p;
        plan.data = static_cast<int>(d);
        for (int v : space.virtual_stages) {
          if (v > 1 && p == 1)
            continue;
          plan.virtual_stages = v;
          // The base plan's DualPipe is kept where it applies (an even
          // pipeline, no interleaving); other plans run 1F1B or interleaved.
          plan.dual_pipe = space.base.dual_pipe && v == 1 && p >= 2 && p % 2 == 0;
          const long long dc = d * c;
          for (int e : space.expert) {
            if (dc % e != 0)
              continue;
            plan.expert = e;
            for (ZeroStage z : space.zero_stages) {
              plan.zero = z;
              for (long long b : space.micro_batches) {
                plan.micro_batch = b;
                for (Recompute r : space.recompute) {
                  plan.recompute = r;
                  for (int sp = 0; sp < 2; ++sp) {
                    if (sp == 0 && !space.sequence_parallel_off)
                      continue;
                    if (sp == 1 && (!space.sequence_parallel_on || t == 1))
                      continue;
                    plan.sequence_parallel = sp == 1;
                    for (Precision q : space.precisions) {
                      plan.precision = q;
                      visit(plan);
                      ++n;
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  return n;
}

}  // namespace traincost::perf::detail
