#pragma once
/// \file
/// What a training run computes: model size (total and active parameters, so
/// mixture-of-experts models are first-class), training tokens, the FLOP each
/// token costs, and the precision the run trains in.
///
/// Training FLOP = FLOP per token x tokens. FLOP per token comes from one of
/// three rules, and the rule is part of the workload so every result can say
/// which one it used:
///
///  * `FlopPerTokenRule::six_n()` (the default): 6 x active parameters —
///    2 FLOP per parameter for the forward pass (one multiply, one add) and
///    twice that for the backward pass. Kaplan et al. 2020, "Scaling Laws for
///    Neural Language Models" (arXiv 2001.08361), §2.1, C = 6N; Hoffmann et
///    al. 2022 (arXiv 2203.15556) use the same C = 6ND. For a mixture of
///    experts N is the *active* parameters: a token only passes through the
///    experts it is routed to.
///  * `FlopPerTokenRule::stated(f, source)`: a figure the model's authors
///    publish, e.g. DeepSeek's 250 GFLOP per token for V3 (sources.md §1).
///  * `FlopPerTokenRule::six_n_plus_attention(shape)`: 6N plus the attention
///    matrix products that 6N leaves out, which grow with sequence length:
///        FLOP/token = 6·N + 12·L·(H·Q)·T
///    with L layers, H·Q the attention width (heads x head dimension) and T
///    the training sequence length. This is the formula of Chowdhery et al.
///    2022, "PaLM" (arXiv 2204.02311), Appendix B, the one that paper defines
///    MFU with: forward QK^T and (softmax)V are each 2·T·H·Q FLOP per token
///    per layer, and training is 3x forward. (Kaplan et al. 2020, Table 1,
///    count only 2·L·T·d_attn forward, i.e. 6N + 6·L·T·d_attn for training;
///    we follow PaLM because it counts both products.) With causal masking
///    half of the score matrix is skipped, so `AttentionMask::causal` halves
///    the attention term — DeepSeek quotes its MFU both ways (sources.md §1:
///    38.94% causal, 43.73% non-causal).

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/hardware/precision.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// Whether the attention scores of a training sequence are all computed
/// (full, PaLM's convention) or only the causal lower triangle.
enum class AttentionMask { full, causal };

/// "full" or "causal".
constexpr std::string_view to_string(AttentionMask m) {
  switch (m) {
    case AttentionMask::full:
      return "full";
    case AttentionMask::causal:
      return "causal";
  }
  detail::fail_enum_value("AttentionMask", static_cast<long long>(m));
}

/// The transformer shape the attention term of FLOP per token depends on.
struct AttentionShape {
  /// Number of transformer layers L; a positive whole number.
  double layers = 0;
  /// Attention width H·Q: heads x head dimension (of queries and keys), a
  /// positive whole number. Equals the model width in a vanilla transformer.
  double attention_width = 0;
  /// Training sequence length T, in tokens.
  TokenCount sequence_length = tokens(0);
  /// Full (PaLM's count) or causal (half the score matrix).
  AttentionMask mask = AttentionMask::full;
};

/// How FLOP per token is obtained.
class FlopPerTokenRule {
 public:
  /// 6 x active parameters (Kaplan et al. 2020, §2.1). The default.
  static FlopPerTokenRule six_n() { return FlopPerTokenRule(SixN{}); }
  /// A published figure, e.g. 250 GFLOP per token for DeepSeek-V3.
  /// \param value  training FLOP per token (forward + backward)
  /// \param source where the figure comes from
  static FlopPerTokenRule stated(FlopPerToken value, Provenance source) {
    return FlopPerTokenRule(Stated{value, std::move(source)});
  }
  /// 6N + 12·L·(H·Q)·T (PaLM, arXiv 2204.02311, Appendix B), halved attention
  /// term for a causal mask.
  static FlopPerTokenRule six_n_plus_attention(AttentionShape shape) {
    return FlopPerTokenRule(WithAttention{shape});
  }

  /// Whether the rule is a stated figure rather than a formula.
  bool is_stated() const { return std::holds_alternative<Stated>(rule_); }
  /// Whether the rule includes the attention term.
  bool has_attention() const { return std::holds_alternative<WithAttention>(rule_); }
  /// The attention shape; only meaningful when `has_attention()`.
  const AttentionShape* attention() const {
    const auto* a = std::get_if<WithAttention>(&rule_);
    return a ? &a->shape : nullptr;
  }

  /// Training FLOP per token for a model with `active` parameters per token.
  /// Throws `traincost::Error` on a non-positive count or a bad shape.
  FlopPerToken evaluate(ParameterCount active) const {
    if (const auto* s = std::get_if<Stated>(&rule_)) {
      detail::require_positive("workload.flop_per_token", in_flop_per_token(s->value),
                               "number of FLOP per token");
      return s->value;
    }
    const double n = detail::require_positive("workload.active_parameters", in_parameters(active),
                                              "number of parameters");
    // 6N, plus the attention term when the rule has one (zero otherwise).
    return flop_per_token(6.0 * n + in_flop_per_token(attention_term()));
  }

  /// The attention term of the rule per token, zero unless `has_attention()`:
  /// what the rule adds to 6 x active parameters. Validates the shape.
  FlopPerToken attention_term() const {
    const auto* a = std::get_if<WithAttention>(&rule_);
    if (!a)
      return flop_per_token(0);
    const AttentionShape& s = a->shape;
    const double l =
        detail::require_positive_whole("workload.attention.layers", s.layers, "layers");
    const double w = detail::require_positive_whole("workload.attention.attention_width",
                                                    s.attention_width, "channels");
    const double t = detail::require_positive("workload.attention.sequence_length",
                                              in_tokens(s.sequence_length), "number of tokens");
    return flop_per_token(attention_factor(s.mask) * l * w * t);
  }
  /// The stated figure; only meaningful when `is_stated()`.
  FlopPerToken stated_value() const {
    const auto* s = std::get_if<Stated>(&rule_);
    return s ? s->value : flop_per_token(0);
  }
  /// The rule in words, for provenance strings, e.g. "6 x active parameters".
  std::string describe() const {
    if (const auto* s = std::get_if<Stated>(&rule_))
      return "stated FLOP per token (" + s->source.source + ")";
    if (const auto* a = std::get_if<WithAttention>(&rule_))
      return std::string("6 x active parameters + ") +
             (a->shape.mask == AttentionMask::causal ? "6" : "12") +
             " x layers x attention width x sequence length (PaLM, arXiv 2204.02311, App. B; " +
             std::string(to_string(a->shape.mask)) + " mask)";
    return "6 x active parameters (Kaplan et al. 2020, arXiv 2001.08361)";
  }

  /// Where the FLOP-per-token figure comes from: the stated figure's own
  /// provenance, or `derived` from the formula.
  Provenance provenance() const {
    if (const auto* s = std::get_if<Stated>(&rule_))
      return s->source;
    return derived(describe());
  }

 private:
  struct SixN {};
  struct Stated {
    FlopPerToken value;
    Provenance source;
  };
  struct WithAttention {
    AttentionShape shape;
  };
  using Rule = std::variant<SixN, Stated, WithAttention>;

  // 12 = 2 products (QK^T, softmax·V) x 2 FLOP per multiply-add x 3 (forward
  // + backward); causal masking computes half the scores.
  static double attention_factor(AttentionMask m) {
    return m == AttentionMask::causal ? 6.0 : 12.0;
  }

  explicit FlopPerTokenRule(Rule r) : rule_(std::move(r)) {}
  Rule rule_;
};

/// A training workload: what is trained, on how many tokens, at what cost
/// per token, in which precision.
struct Workload {
  std::string name;
  /// All parameters of the model (for a mixture of experts, every expert).
  ParameterCount total_parameters = parameters(0);
  /// Parameters each token passes through; equals total for a dense model.
  ParameterCount active_parameters = parameters(0);
  /// Training tokens.
  TokenCount training_tokens = tokens(0);
  /// How FLOP per token is obtained; 6 x active parameters by default.
  FlopPerTokenRule flop_rule = FlopPerTokenRule::six_n();
  /// The precision the matrix products run in (DeepSeek-V3: FP8). The
  /// cluster's accelerator must have a peak for it. This is *not* the
  /// precision an MFU is quoted against; see `Throughput`.
  Precision training_precision = Precision::bf16;
  /// Where the sizes and token count come from.
  Provenance provenance;
  /// A total training compute the authors publish ("3.14e23 FLOP"), used
  /// instead of FLOP per token x tokens; the sizes and tokens may then be
  /// left zero (unknown). Its provenance is `provenance`.
  std::optional<FlopCount> total_flop;

  /// A workload known only by its published total training compute, e.g.
  /// "3.14e23 FLOP" for GPT-3 175B: FLOP per token and tokens stay unknown.
  /// \param total  training FLOP (forward + backward, all tokens)
  /// \param source where the figure comes from
  static Workload from_total_flop(std::string name, FlopCount total,
                                  Provenance source = assumed("user input")) {
    Workload w{std::move(name),           parameters(0),   parameters(0),     tokens(0),
               FlopPerTokenRule::six_n(), Precision::bf16, std::move(source), std::nullopt};
    w.total_flop = total;
    return w;
  }
  /// Whether the workload is a stated total rather than FLOP per token x tokens.
  bool has_total_flop() const { return total_flop.has_value(); }
  /// A dense model: every parameter is active for every token.
  /// \param params   model parameters
  /// \param training training tokens
  /// \param source   where the sizes and token count come from
  static Workload dense(std::string name, ParameterCount params, TokenCount training,
                        Provenance source = assumed("user input")) {
    return Workload{std::move(name),
                    params,
                    params,
                    training,
                    FlopPerTokenRule::six_n(),
                    Precision::bf16,
                    std::move(source),
                    std::nullopt};
  }
  /// A mixture-of-experts model: `active` of `total` parameters per token.
  /// \param total    all parameters, every expert included
  /// \param active   parameters each token passes through
  /// \param training training tokens
  static Workload mixture_of_experts(std::string name, ParameterCount total, ParameterCount active,
                                     TokenCount training,
                                     Provenance source = assumed("user input")) {
    return Workload{std::move(name),
                    total,
                    active,
                    training,
                    FlopPerTokenRule::six_n(),
                    Precision::bf16,
                    std::move(source),
                    std::nullopt};
  }

  /// Uses another FLOP-per-token rule.
  Workload& with_flop_rule(FlopPerTokenRule rule) & {
    flop_rule = std::move(rule);
    return *this;
  }
  Workload&& with_flop_rule(FlopPerTokenRule rule) && {
    return std::move(with_flop_rule(std::move(rule)));
  }
  /// Sets the training precision.
  Workload& trained_in(Precision p) & {
    training_precision = p;
    return *this;
  }
  Workload&& trained_in(Precision p) && { return std::move(trained_in(p)); }
  /// The same model trained on a different number of tokens.
  Workload on_tokens(TokenCount t) const {
    Workload w = *this;
    w.training_tokens = t;
    return w;
  }
};

/// Checks a workload: positive parameter counts, active <= total, positive
/// tokens; for a stated total, a positive total (sizes and tokens, when
/// given, are checked as well). Throws `traincost::Error` naming the field
/// and the value.
inline void validate(const Workload& w) {
  if (w.total_flop) {
    // Sizes and tokens are optional beside a total: zero means unknown.
    detail::require_positive("workload.total_flop", in_flop(*w.total_flop), "number of FLOP");
    const double total = in_parameters(w.total_parameters);
    const double active = in_parameters(w.active_parameters);
    if (total != 0.0)
      detail::require_positive("workload.total_parameters", total, "number of parameters");
    if (active != 0.0)
      detail::require_positive("workload.active_parameters", active, "number of parameters");
    if (total != 0.0 && active > total)
      detail::fail_value("workload.active_parameters", active,
                         "at most the total parameters (" + detail::format_value(total) + ")");
    if (in_tokens(w.training_tokens) != 0.0)
      detail::require_positive("workload.training_tokens", in_tokens(w.training_tokens),
                               "number of tokens");
    return;
  }
  const double total = detail::require_positive(
      "workload.total_parameters", in_parameters(w.total_parameters), "number of parameters");
  const double active = detail::require_positive(
      "workload.active_parameters", in_parameters(w.active_parameters), "number of parameters");
  if (active > total)
    detail::fail_value("workload.active_parameters", active,
                       "at most the total parameters (" + detail::format_value(total) + ")");
  detail::require_positive("workload.training_tokens", in_tokens(w.training_tokens),
                           "number of tokens");
}

/// Training FLOP per token of a workload under its rule.
inline FlopPerToken training_flop_per_token(const Workload& w) {
  return w.flop_rule.evaluate(w.active_parameters);
}

/// Total training FLOP: the stated total, or FLOP per token x tokens.
/// Validates the workload.
inline FlopCount training_flop(const Workload& w) {
  validate(w);
  if (w.total_flop)
    return *w.total_flop;
  return training_flop_per_token(w) * w.training_tokens;
}

/// How a workload's training FLOP is obtained, in words.
inline std::string describe_flop(const Workload& w) {
  if (w.total_flop)
    return "stated total " + detail::format_value(in_flop(*w.total_flop)) + " FLOP";
  return w.flop_rule.describe() + " x " + detail::format_value(in_tokens(w.training_tokens)) +
         " tokens";
}

}  // namespace traincost
