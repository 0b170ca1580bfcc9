#pragma once
/// \file
/// Serving: accelerators held for inference, priced at a rental rate. The
/// result's scope is `Scope::inference_rental`, which composes into no
/// training scope — DeepSeek's disclosed inference fleet ($87,072 a day,
/// docs/sources.md §1) is not part of any training run's cost, and the scope
/// rules (core/scoped_cost.hpp) refuse to add it to one.
///
/// A deployment's accelerator time is known one of two ways:
///  * accelerators held for a wall-clock period ("226.75 nodes x 8 GPUs for
///    24 hours"): GPU-time = accelerators x period. The count may be an
///    average, so it need not be whole;
///  * tokens served at a throughput per accelerator: GPU-time = tokens /
///    throughput, and the period = GPU-time / accelerators.
/// Cost = GPU-time x price; per day = cost / period x 24 h; per million
/// tokens = cost / tokens x 1e6, when the tokens served are known.

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "traincost/core/breakdown.hpp"
#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/hardware/accelerator.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/specs.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// Tokens served at a throughput per accelerator.
struct ServedTokens {
  TokenCount tokens;
  TokenRatePerAccelerator throughput;
};

/// An inference deployment: which accelerators, how many on average, for how
/// long (or for how many tokens), at what rental price.
struct ServingDeployment {
  std::string name;
  AcceleratorSpec accelerator;
  /// Accelerators held, on average over the period (need not be whole).
  AcceleratorCount accelerators = traincost::accelerators(0);
  /// A wall-clock period the accelerators are held, or tokens at a throughput.
  std::variant<Duration, ServedTokens> usage = hours(0);
  /// Tokens served over a wall-clock period, when known (cost per token).
  std::optional<TokenCount> tokens_served;
  Provenance usage_provenance;
  Sourced<GpuTimePrice> price{usd_per_gpu_hour(0), {}};

  /// Accelerators held for a wall-clock period.
  static ServingDeployment for_period(std::string name, AcceleratorSpec spec,
                                      AcceleratorCount count, Duration period,
                                      Sourced<GpuTimePrice> price, Provenance source) {
    return ServingDeployment{std::move(name), std::move(spec),   count,           period,
                             std::nullopt,    std::move(source), std::move(price)};
  }
  /// Tokens served at a throughput per accelerator, on `count` accelerators.
  static ServingDeployment for_tokens(std::string name, AcceleratorSpec spec,
                                      AcceleratorCount count, TokenCount tokens,
                                      TokenRatePerAccelerator throughput,
                                      Sourced<GpuTimePrice> price, Provenance source) {
    return ServingDeployment{
        std::move(name), std::move(spec),   count,           ServedTokens{tokens, throughput},
        std::nullopt,    std::move(source), std::move(price)};
  }
  /// States the tokens served over the period (for a cost per token).
  ServingDeployment& serving(TokenCount tokens) & {
    tokens_served = tokens;
    return *this;
  }
  ServingDeployment&& serving(TokenCount tokens) && { return std::move(serving(tokens)); }

  /// The tokens served, whichever way the deployment is given.
  std::optional<TokenCount> tokens() const {
    if (const auto* t = std::get_if<ServedTokens>(&usage))
      return t->tokens;
    return tokens_served;
  }
};

/// The cost of a serving deployment, scope `inference_rental`.
struct ServingCost {
  std::string name;
  std::string accelerator;
  AcceleratorCount accelerators = traincost::accelerators(0);
  GpuTime gpu_time = gpu_hours(0);
  Duration period = hours(0);  ///< wall-clock the accelerators are held
  GpuTimePrice price = usd_per_gpu_hour(0);
  Money total = usd(0);
  /// The cost of one day (24 h) of the deployment.
  Money per_day = usd(0);
  /// Tokens served, and the cost per token, when the tokens are known.
  std::optional<TokenCount> tokens;
  std::optional<TokenPrice> per_token;
  Provenance usage_provenance;
  Provenance price_provenance;

  /// Always `Scope::inference_rental`: serving never adds to a training scope.
  static constexpr Scope scope() { return Scope::inference_rental; }

  /// One line: the deployment, as weak as the weaker of usage and price.
  LineItem breakdown() const {
    Provenance p = derived_from({usage_provenance.evidence, price_provenance.evidence},
                                std::string(tag(usage_provenance.evidence)) + " usage (" +
                                    usage_provenance.source + ") x " +
                                    std::string(tag(price_provenance.evidence)) + " price (" +
                                    price_provenance.source + ")");
    return LineItem{name, total, scope(), std::move(p), {}};
  }
};

/// A deployment's figures over a value type `V`.
template <class V>
struct ServingValues {
  model::Val<V, GpuTime> gpu_time;
  model::Val<V, Duration> period;
  model::Val<V, Money> cost;
};

/// The one definition of a deployment's arithmetic, over any evaluator.
/// Inputs are read under `root`: "accelerators", "price", and either
/// "wall_clock_hours" or "tokens_served" and "tokens_per_second_per_accelerator".
template <class E>
ServingValues<typename E::value_type> evaluate_serving(const ServingDeployment& d, E& e,
                                                       const model::Path& root) {
  namespace specs = model::specs;
  const auto count =
      e.read(model::Path(root, "accelerators"), d.accelerators, specs::average_accelerators);
  const auto price = e.read(model::Path(root, "price"), d.price.value, specs::usd_per_gpu_hour);
  if (const auto* period = std::get_if<Duration>(&d.usage)) {
    const auto wall =
        e.read(model::Path(root, "wall_clock_hours"), *period, specs::wall_clock_hours);
    const auto gpu = count * wall;
    return {gpu, wall, gpu * price};
  }
  const ServedTokens& t = std::get<ServedTokens>(d.usage);
  const auto gpu = e.read(model::Path(root, "tokens_served"), t.tokens, specs::tokens) /
                   e.read(model::Path(root, "tokens_per_second_per_accelerator"), t.throughput,
                          specs::tokens_per_second_per_accelerator);
  return {gpu, gpu / count, gpu * price};
}

/// The cost of a deployment at its own figures. Throws `traincost::Error`
/// naming the field for a non-positive or non-finite input or a cost that
/// overflows or vanishes.
inline ServingCost cost_serving(const ServingDeployment& d) {
  // Fields are named from the model's root, "serving.<field>", which a
  // scenario re-roots at its own table ("serving[1].<field>").
  auto positive = [&](std::string_view field, double v, std::string_view what) {
    if (!detail::is_positive(v))
      detail::fail_value(FieldPath("serving").key(std::string(field)), v,
                         std::string("a positive ") += what);
  };
  positive("accelerators", in_accelerators(d.accelerators), "number of accelerators");
  positive("price", in_usd_per_gpu_hour(d.price.value), "price in USD per GPU-hour");
  if (const auto* p = std::get_if<Duration>(&d.usage)) {
    positive("wall_clock_hours", in_hours(*p), "number of hours");
  } else {
    const ServedTokens& t = std::get<ServedTokens>(d.usage);
    positive("tokens_served", in_tokens(t.tokens), "number of tokens");
    positive("tokens_per_second_per_accelerator",
             in_tokens_per_second_per_accelerator(t.throughput),
             "number of tokens per second per accelerator");
  }
  if (d.tokens_served)
    positive("tokens_served", in_tokens(*d.tokens_served), "number of tokens");

  model::PointEvaluator e;
  const ServingValues<double> v = evaluate_serving(d, e, model::Path(d.name));
  if (!std::isfinite(in_usd(v.cost)) || !(in_usd(v.cost) > 0.0) ||
      !detail::is_positive(in_hours(v.period)))
    detail::fail_value(FieldPath("serving").key("cost"), in_usd(v.cost),
                       "a positive, finite cost in USD over a positive, finite period (the "
                       "deployment's figures overflow or vanish)");
  ServingCost out;
  out.name = d.name;
  out.accelerator = d.accelerator.name;
  out.accelerators = d.accelerators;
  out.gpu_time = v.gpu_time;
  out.period = v.period;
  out.price = d.price.value;
  out.total = v.cost;
  out.per_day = v.cost * ratio(days(1), v.period);  // exact for a whole day
  out.tokens = d.tokens();
  if (out.tokens)
    out.per_token = out.total / *out.tokens;
  out.usage_provenance = d.usage_provenance;
  out.price_provenance = d.price.provenance;
  return out;
}

}  // namespace traincost
