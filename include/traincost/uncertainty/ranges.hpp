#pragma once
/// \file
/// Ranges on the inputs of a cost model, typed at the boundary. An input is
/// named by its path in the model ("DeepSeek-V3.price", model/path.hpp); a
/// handle (`InputRef<Q>`) carries the input's quantity type, so a range of
/// another dimension does not compile:
///
///     Ranges r;
///     r.set(price_of(run), uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)));  // ok
///     r.set(price_of(run), uniform(gpu_hours(1.5), gpu_hours(3.5)));  // compile error
///
/// A range set by path text instead is checked when the simulation binds it
/// to the model: a range that reaches no input, or one of another
/// dimension, throws naming the path.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "traincost/error.hpp"
#include "traincost/model/input_spec.hpp"
#include "traincost/provenance.hpp"
#include "traincost/uncertainty/distribution.hpp"

namespace traincost::uncertainty {

/// A typed handle to one input of a model: its path and, in the type, its
/// quantity (`double` for a plain ratio such as an MFU).
template <class Q>
struct InputRef {
  std::string path;
};

/// One ranged input.
struct RangedInput {
  std::string path;  ///< the model path the range applies to
  /// Shown in tables instead of the path when not empty (e.g. the scenario
  /// field the user wrote).
  std::string label;
  Distribution distribution;
  /// `model::dimension_tag<Q>()` of the range's quantity.
  const void* dimension;
  Provenance provenance;

  /// The label, or the path when there is none.
  const std::string& name() const { return label.empty() ? path : label; }
};

/// The ranged inputs of a simulation, by path.
class Ranges {
 public:
  /// A range on a typed input; its dimension must be the input's.
  template <class Q>
  Ranges& set(const InputRef<Q>& input, const TypedDistribution<Q>& d,
              Provenance source = assumed("range given by the user"), std::string label = {}) {
    return put(input.path, d, model::dimension_tag<Q>(), std::move(source), std::move(label));
  }
  /// A range on a plain-number input (an MFU, a multiplier, a share).
  Ranges& set(const InputRef<double>& input, const Distribution& d,
              Provenance source = assumed("range given by the user"), std::string label = {}) {
    return put(input.path, d, model::dimension_tag<double>(), std::move(source), std::move(label));
  }
  /// A range by path text, checked against the input when bound.
  template <class Q>
  Ranges& set(std::string path, const TypedDistribution<Q>& d,
              Provenance source = assumed("range given by the user"), std::string label = {}) {
    return put(std::move(path), d, model::dimension_tag<Q>(), std::move(source), std::move(label));
  }
  /// A plain-number range by path text, for an input that is a ratio.
  Ranges& set(std::string path, const Distribution& d,
              Provenance source = assumed("range given by the user"), std::string label = {}) {
    return put(std::move(path), d, model::dimension_tag<double>(), std::move(source),
               std::move(label));
  }
  /// A range whose dimension the caller vouches for (a reader that has
  /// converted the written unit to canonical): `dimension` is the input's
  /// `model::dimension_tag<Q>()`, or null to accept the input's own.
  Ranges& set_canonical(std::string path, Distribution d, const void* dimension, Provenance source,
                        std::string label) {
    return put(std::move(path), std::move(d), dimension, std::move(source), std::move(label));
  }

  /// The number of ranged inputs.
  std::size_t size() const { return inputs_.size(); }
  bool empty() const { return inputs_.empty(); }
  const RangedInput& operator[](std::size_t i) const { return inputs_[i]; }
  const std::vector<RangedInput>& inputs() const { return inputs_; }

  /// The index of the range on `path`, or `size()` when there is none.
  std::size_t find(std::string_view path) const {
    for (std::size_t i = 0; i < inputs_.size(); ++i)
      if (inputs_[i].path == path)
        return i;
    return inputs_.size();
  }

 private:
  Ranges& put(std::string path, Distribution d, const void* dimension, Provenance source,
              std::string label) {
    if (path.empty())
      throw Error(ErrorCode::invalid_input, "ranges.path", "got an empty path; expected an input");
    if (find(path) != inputs_.size())
      throw Error(ErrorCode::invalid_input, "ranges." + path,
                  "the input has a range already; expected one range per input");
    inputs_.push_back(
        RangedInput{std::move(path), std::move(label), std::move(d), dimension, std::move(source)});
    return *this;
  }

  std::vector<RangedInput> inputs_;
};

}  // namespace traincost::uncertainty
