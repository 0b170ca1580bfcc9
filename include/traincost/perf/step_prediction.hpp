#pragma once
/// \file
/// What the step-time and memory model predicts for one plan: time per
/// optimizer step by cause, memory per accelerator by kind, and the MFU that
/// follows.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "traincost/core/provenance.hpp"
#include "traincost/hardware/precision.hpp"
#include "traincost/units/units.hpp"

namespace traincost::perf {

/// Time of one optimizer step on the slowest pipeline stage, by cause. Only
/// exposed (not overlapped) communication counts.
struct StepTimeBreakdown {
  /// Forward + backward work: matrix products, the attention core and the
  /// memory-bound kernels between them (norms, activations, softmax ...).
  Duration compute = seconds(0);
  Duration recompute = seconds(0);          ///< forward work done again (selective/full)
  Duration tensor_parallel = seconds(0);    ///< exposed TP/SP/CP collectives
  Duration pipeline_bubble = seconds(0);    ///< idle fill/drain of the pipeline
  Duration pipeline_transfer = seconds(0);  ///< exposed stage-to-stage sends
  Duration data_parallel = seconds(0);      ///< exposed gradient reduce / parameter gather
  Duration expert_all_to_all = seconds(0);  ///< exposed MoE dispatch and combine
  Duration optimizer = seconds(0);          ///< the optimizer update
  Duration total = seconds(0);              ///< the sum of the above

  /// One named term, for printing the breakdown in a fixed order.
  struct Part {
    std::string_view name;  ///< "compute", "tensor_parallel" ...: the field's name
    Duration value;
  };
  /// The eight terms (not the total), in the order of the fields.
  std::array<Part, 8> parts() const {
    return {{{"compute", compute},
             {"recompute", recompute},
             {"tensor_parallel", tensor_parallel},
             {"pipeline_bubble", pipeline_bubble},
             {"pipeline_transfer", pipeline_transfer},
             {"data_parallel", data_parallel},
             {"expert_all_to_all", expert_all_to_all},
             {"optimizer", optimizer}}};
  }
};

/// Bytes held per accelerator at the peak of a step, by kind.
struct MemoryEstimate {
  ByteCount weights = bytes(0);
  ByteCount gradients = bytes(0);
  ByteCount optimizer_state = bytes(0);
  ByteCount activations =
      bytes(0);                   ///< stored for backward, incl. pipeline in-flight micro-batches
  ByteCount reserved = bytes(0);  ///< the system's stated allowance
  ByteCount total = bytes(0);
  ByteCount capacity = bytes(0);  ///< the accelerator's memory
  bool fits = false;              ///< total <= capacity

  /// One named kind of memory, for printing the breakdown in a fixed order.
  struct Part {
    std::string_view name;  ///< "weights", "gradients" ...: the field's name
    ByteCount value;
  };
  /// The five kinds (not the total), in the order of the fields.
  std::array<Part, 5> parts() const {
    return {{{"weights", weights},
             {"gradients", gradients},
             {"optimizer_state", optimizer_state},
             {"activations", activations},
             {"reserved", reserved}}};
  }
};

/// The prediction for one (architecture, plan, system).
struct StepPrediction {
  StepTimeBreakdown time;
  MemoryEstimate memory;
  FlopPerToken model_flop_per_token = flop_per_token(0);  ///< training, 3 x forward, no recompute
  FlopPerToken hardware_flop_per_token = flop_per_token(0);       ///< incl. recompute
  TokenRate tokens_per_second = traincost::tokens_per_second(0);  ///< whole cluster
  double mfu = 0;  ///< model FLOP/s per accelerator over the dense peak at `precision`
  double hfu = 0;  ///< the same with recompute FLOP counted
  Precision precision = Precision::bf16;  ///< the peak MFU and HFU are quoted against
  Provenance provenance;                  ///< "derived: step-time model ..."
};

}  // namespace traincost::perf
