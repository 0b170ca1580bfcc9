#pragma once
// Shared pieces of the step-time and plan reports (step_time_report.cpp,
// plan_report.cpp): the parts of a step and of memory in order, a plan in
// words, and the JSON objects of both schemas. Private to traincost::io.

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "traincost/io/scenario.hpp"
#include "traincost/print/format.hpp"

namespace traincost::io::detail_step_time {

/// The command's error for a file without a step-time stage: placed at the
/// file's first run (or the file), naming what to add.
[[noreturn]] inline void fail_without_stage(const Scenario& s, const char* command) {
  throw ScenarioError(ErrorCode::invalid_input, s.file, locate(s, scenario_field("run")),
                      scenario_field("run.stages"),
                      std::string("got no stage with a [run.stages.step_time] table, expected at "
                                  "least one for `traincost ") +
                          command + "` (docs/scenarios.md, \"Stages from a step-time model\")");
}

inline void no_step_time_stage(const Scenario& s, const char* command) {
  if (s.step_time_stages.empty())
    fail_without_stage(s, command);
}

/// Step time by cause, in the order the reports print it.
inline std::vector<std::pair<std::string, Duration>> time_parts(const perf::StepTimeBreakdown& t) {
  return {{"compute", t.compute},
          {"recompute", t.recompute},
          {"tensor/sequence/context parallel (exposed)", t.tensor_parallel},
          {"pipeline bubble", t.pipeline_bubble},
          {"pipeline transfer (exposed)", t.pipeline_transfer},
          {"data parallel (exposed)", t.data_parallel},
          {"expert all-to-all (exposed)", t.expert_all_to_all},
          {"optimizer", t.optimizer}};
}

/// Memory per accelerator by kind.
inline std::vector<std::pair<std::string, ByteCount>> memory_parts(const perf::MemoryEstimate& m) {
  return {{"weights", m.weights},
          {"gradients", m.gradients},
          {"optimizer state", m.optimizer_state},
          {"activations", m.activations},
          {"reserved (framework, buffers)", m.reserved}};
}

/// A label as a CSV/JSON key: its first words, lower case, underscores
/// ("data parallel (exposed)" -> "data_parallel").
inline std::string key_of(const std::string& label) {
  std::string out;
  for (char c : label) {
    if (c == '(')
      break;
    out += (c == ' ' || c == '/' || c == '-') ? '_' : c;
  }
  while (!out.empty() && out.back() == '_')
    out.pop_back();
  if (out == "tensor_sequence_context_parallel")
    return "tensor_parallel";
  return out;
}

/// A FLOP count per token for people: "250.0 GFLOP".
inline std::string format_flop(double v) {
  if (v < 1e9)
    return format_number(v / 1e6, 1) + " MFLOP";
  return format_number(v / 1e9, 1) + " GFLOP";
}

/// A token count for people: "14.8T", "300.0B".
inline std::string format_tokens(double v) {
  if (v >= 1e12)
    return format_number(v / 1e12, 1) + "T";
  if (v >= 1e9)
    return format_number(v / 1e9, 1) + "B";
  return format_number(v);
}

/// The dense peak the MFU is quoted against, in TFLOP/s.
inline double peak_tflops(const StepTimeStage& in) {
  return in_tflop_per_second(in.system.accelerator.peak(in.prediction.precision));
}

inline std::string zero_name(perf::ZeroStage z) {
  return "ZeRO-" + std::string(to_string(z));
}

/// "TP 1, PP 16, DP 128, EP 64, ZeRO-1, micro-batch 1, global batch 15,360,
/// recompute selective, fp8".
inline std::string describe_plan(const perf::ParallelPlan& p) {
  std::string out = "TP " + std::to_string(p.tensor);
  if (p.sequence_parallel)
    out += " + SP";
  out += ", PP " + std::to_string(p.pipeline);
  if (p.virtual_stages > 1)
    out += " (" + std::to_string(p.virtual_stages) + " virtual stages)";
  if (p.dual_pipe)
    out += " (DualPipe)";
  out += ", DP " + std::to_string(p.data);
  if (p.expert > 1)
    out += ", EP " + std::to_string(p.expert);
  if (p.context > 1)
    out += ", CP " + std::to_string(p.context);
  out += ", " + zero_name(p.zero) + ", micro-batch " + format_number(double(p.micro_batch)) +
         ", global batch " + format_number(double(p.global_batch)) + ", recompute " +
         std::string(to_string(p.recompute)) + ", " + std::string(to_string(p.precision));
  if (p.fine_grained_fp8 && p.precision == Precision::fp8)
    out += " (block-scaled)";
  return out;
}

inline nlohmann::ordered_json provenance_json(const Provenance& p) {
  return {{"evidence", std::string(to_string(p.evidence))}, {"source", p.source}};
}

inline nlohmann::ordered_json architecture_json(const perf::TransformerArchitecture& a) {
  nlohmann::ordered_json j = {{"name", a.name},
                              {"layers", a.layers},
                              {"hidden", a.hidden},
                              {"ffn", a.ffn},
                              {"ffn_kind", std::string(to_string(a.ffn_kind))},
                              {"heads", a.heads},
                              {"kv_heads", a.kv_heads},
                              {"vocabulary", a.vocabulary},
                              {"sequence_length", a.sequence_length},
                              {"tied_embeddings", a.tied_embeddings}};
  j["head_dim"] = a.head_dim ? nlohmann::ordered_json(*a.head_dim) : nlohmann::ordered_json();
  if (a.moe)
    j["moe"] = {{"experts", a.moe->experts},
                {"top_k", a.moe->top_k},
                {"shared_experts", a.moe->shared_experts},
                {"expert_ffn", a.moe->expert_ffn},
                {"dense_layers", a.moe->dense_layers},
                {"node_limit", a.moe->node_limit}};
  else
    j["moe"] = nullptr;
  if (a.latent_attention)
    j["latent_attention"] = {{"query_rank", a.latent_attention->query_rank},
                             {"kv_rank", a.latent_attention->kv_rank},
                             {"qk_head_dim", a.latent_attention->qk_head_dim},
                             {"qk_rope_head_dim", a.latent_attention->qk_rope_head_dim},
                             {"v_head_dim", a.latent_attention->v_head_dim}};
  else
    j["latent_attention"] = nullptr;
  j["provenance"] = provenance_json(a.provenance);
  return j;
}

inline nlohmann::ordered_json plan_json(const perf::ParallelPlan& p) {
  return {{"tensor", p.tensor},
          {"sequence_parallel", p.sequence_parallel},
          {"pipeline", p.pipeline},
          {"virtual_stages", p.virtual_stages},
          {"dual_pipe", p.dual_pipe},
          {"data", p.data},
          {"zero", static_cast<int>(p.zero)},
          {"expert", p.expert},
          {"context", p.context},
          {"micro_batch", p.micro_batch},
          {"global_batch", p.global_batch},
          {"recompute", std::string(to_string(p.recompute))},
          {"precision", std::string(to_string(p.precision))},
          {"fine_grained_fp8", p.fine_grained_fp8},
          {"flash_attention", p.flash_attention},
          {"overlap",
           {{"data_parallel", p.overlap.data_parallel},
            {"tensor_parallel", p.overlap.tensor_parallel},
            {"expert_all_to_all", p.overlap.expert_all_to_all},
            {"pipeline", p.overlap.pipeline},
            {"communication_sm_share", p.overlap.communication_sm_share}}},
          {"accelerators", p.accelerators()}};
}

inline nlohmann::ordered_json system_json(const StepTimeStage& in) {
  const perf::TrainingSystem& s = in.system;
  auto eff = [](const perf::Efficiency& e) {
    return nlohmann::ordered_json{{"value", e.value},
                                  {"provenance", provenance_json(e.provenance)}};
  };
  nlohmann::ordered_json j;
  j["preset"] = in.preset.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(in.preset);
  j["network"] = {{"scale_up_gb_s", in_gigabytes_per_second(s.network.scale_up)},
                  {"scale_up_domain", s.network.scale_up_domain},
                  {"scale_out_gb_s", in_gigabytes_per_second(s.network.scale_out)},
                  {"switch_domain", s.network.switch_domain},
                  {"scale_up_latency_us", in_seconds(s.network.scale_up_latency) * 1e6},
                  {"scale_out_latency_us", in_seconds(s.network.scale_out_latency) * 1e6},
                  {"provenance", provenance_json(s.network.provenance)}};
  j["efficiency"] = {{"matmul", eff(s.efficiency.matmul)},
                     {"matmul_fine_grained_fp8", eff(s.efficiency.matmul_fine_grained_fp8)},
                     {"matmul_size",
                      {{"value", s.efficiency.matmul_size},
                       {"provenance", provenance_json(s.efficiency.matmul_size_provenance)}}},
                     {"attention", eff(s.efficiency.attention)},
                     {"memory_bound", eff(s.efficiency.memory_bound)},
                     {"scale_up", eff(s.efficiency.scale_up)},
                     {"scale_out", eff(s.efficiency.scale_out)}};
  j["reserved_memory_gb"] = in_gigabytes(s.reserved_memory);
  j["reserved_memory_provenance"] = provenance_json(s.reserved_memory_provenance);
  return j;
}

inline nlohmann::ordered_json prediction_json(const perf::StepPrediction& p) {
  nlohmann::ordered_json time;
  for (const auto& [label, d] : time_parts(p.time))
    time[key_of(label)] = in_seconds(d);
  time["total"] = in_seconds(p.time.total);
  nlohmann::ordered_json mem;
  for (const auto& [label, b] : memory_parts(p.memory))
    mem[key_of(label)] = in_gigabytes(b);
  mem["total"] = in_gigabytes(p.memory.total);
  mem["capacity"] = in_gigabytes(p.memory.capacity);
  return {{"step_seconds", time},
          {"mfu", p.mfu},
          {"hfu", p.hfu},
          {"mfu_precision", std::string(to_string(p.precision))},
          {"model_flop_per_token", in_flop_per_token(p.model_flop_per_token)},
          {"hardware_flop_per_token", in_flop_per_token(p.hardware_flop_per_token)},
          {"tokens_per_second", in_tokens_per_second(p.tokens_per_second)},
          {"memory_gb", mem},
          {"fits", p.memory.fits},
          {"provenance", provenance_json(p.provenance)}};
}

}  // namespace traincost::io::detail_step_time
