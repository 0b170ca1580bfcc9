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

#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/model/input_spec.hpp"
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
  /// Further paths that take the same draw (one price for two runs).
  std::vector<std::string> also;
  /// Shown in tables instead of the path when not empty (e.g. the scenario
  /// field the user wrote).
  std::string label;
  /// The distribution of the value as written: in canonical units for a
  /// typed range, in the unit of a scenario field for a range read from a file.
  Distribution distribution;
  /// `model::dimension_tag<Q>()` of the range's quantity (null: the input's own).
  const void* dimension;
  Provenance provenance;
  /// From the written unit to canonical: canonical = scale x written, or
  /// scale / written when `inverse` (an exchange rate quoted as CNY per USD).
  double scale = 1.0;
  bool inverse = false;

  /// The label, or the path when there is none.
  const std::string& name() const { return label.empty() ? path : label; }
  /// A written value in canonical units.
  double canonical(double written) const { return inverse ? scale / written : scale * written; }
  /// Whether `p` is one of the range's paths.
  bool reaches(std::string_view p) const {
    if (path == p)
      return true;
    for (const auto& a : also)
      if (a == p)
        return true;
    return false;
  }
  /// Whether drawn values need converting.
  bool converts() const { return inverse || scale != 1.0; }
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
  /// A range in a written unit, whose dimension the caller vouches for (a
  /// scenario reader that knows each field's unit): drawn values become
  /// canonical as `scale x v` (or `scale / v` when `inverse`).
  Ranges& set_written(std::string path, Distribution d, double scale, bool inverse,
                      Provenance source, std::string label) {
    put(std::move(path), std::move(d), nullptr, std::move(source), std::move(label));
    inputs_.back().scale = scale;
    inputs_.back().inverse = inverse;
    return *this;
  }

  /// Gives the last range's draw to another input too, of the same
  /// quantity: `r.set(price_of(v3), d).also(price_of(r1))` draws one price
  /// for both runs.
  template <class Q>
  Ranges& also(const InputRef<Q>& input) {
    if (inputs_.empty())
      throw Error(ErrorCode::invalid_input, "ranges.also",
                  "got no range before; expected set() first");
    RangedInput& last = inputs_.back();
    if (last.dimension && last.dimension != model::dimension_tag<Q>())
      throw Error(ErrorCode::invalid_input, "ranges." + input.path,
                  "got an input of another dimension than the range on " + last.path +
                      "; expected one quantity for all the inputs of a range");
    if (find(input.path) != inputs_.size())
      throw Error(ErrorCode::invalid_input, "ranges." + input.path,
                  "the input has a range already; expected one range per input");
    last.also.push_back(input.path);
    return *this;
  }

  /// The number of ranged inputs.
  std::size_t size() const { return inputs_.size(); }
  bool empty() const { return inputs_.empty(); }
  const RangedInput& operator[](std::size_t i) const { return inputs_[i]; }
  const std::vector<RangedInput>& inputs() const { return inputs_; }

  /// The index of the range on `path`, or `size()` when there is none.
  std::size_t find(std::string_view path) const {
    for (std::size_t i = 0; i < inputs_.size(); ++i)
      if (inputs_[i].reaches(path))
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
    inputs_.push_back(RangedInput{
        std::move(path), {}, std::move(label), std::move(d), dimension, std::move(source)});
    return *this;
  }

  std::vector<RangedInput> inputs_;
};

}  // namespace traincost::uncertainty
