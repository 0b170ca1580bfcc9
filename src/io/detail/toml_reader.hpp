#pragma once
// Strict reading of toml++ nodes: every read names the field and, on error,
// the file, line and column. Private to traincost::io.

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relocate.hpp"
#include "toml.hpp"
#include "traincost/core/error.hpp"
#include "traincost/core/limits.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/closest_names.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/uncertainty/distribution.hpp"

namespace traincost::io::detail_reader {

/// The longest string accepted anywhere in a scenario, in bytes.
inline constexpr std::size_t max_string_bytes = 4096;

/// The smallest positive number a scenario may give: one rule for every
/// field, the library's (limits.hpp says why).
inline constexpr double min_positive = limits::min_positive;

class Reader {
 public:
  /// `text` is the document, so values can be echoed as written.
  Reader(const std::string& file, std::map<std::string, Location>& locations,
         std::string_view text = {})
      : file_(file), locations_(locations), text_(text) {}

  static Location where(const toml::source_region& r) { return {r.begin.line, r.begin.column}; }

  /// Throws "FILE:L:C: [id] field: GOT, expected EXPECTED".
  [[noreturn]] void fail(ErrorCode code, const toml::source_region& at, const std::string& field,
                         const std::string& got, const std::string& expected) const {
    // `got` reads "got VALUE" for a value, else it is a whole phrase.
    if (got.rfind("got ", 0) == 0)
      throw ScenarioError(code, file_, where(at), scenario_field(field), got.substr(4), expected);
    throw ScenarioError(code, file_, where(at), scenario_field(field),
                        got + ", expected " + expected);
  }
  /// A value of the wrong type (or a bad value described by `expected`).
  [[noreturn]] void fail_type(const toml::node& n, const std::string& field,
                              const std::string& expected) const {
    fail(ErrorCode::invalid_value, n.source(), field, "got " + describe(n), expected);
  }

  /// How a value is shown in messages: strings quoted (and cut if long),
  /// numbers as written, other types by name.
  static std::string quote(std::string_view v) {
    std::string out = "\"";
    std::size_t shown = 0;
    for (unsigned char c : v) {
      if (shown == 60) {
        out += "...";
        break;
      }
      if (c < 0x20 || c == 0x7f) {
        static const char hex[] = "0123456789abcdef";
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
      } else {
        out += static_cast<char>(c);
      }
      ++shown;
    }
    return out + "\"";
  }

  static std::string describe(const toml::node& n) {
    if (const auto* s = n.as_string())
      return quote(s->get());
    if (const auto* i = n.as_integer())
      return std::to_string(i->get());
    if (const auto* f = n.as_floating_point())
      return traincost::detail::format_value(f->get());
    if (const auto* b = n.as_boolean())
      return b->get() ? "true" : "false";
    if (n.is_table())
      return "a table";
    if (n.is_array())
      return "an array";
    return "a date or time";
  }

  /// A key as it appears in a field path: bare keys as they are; an empty
  /// key, or one with other characters, quoted (escaped, cut if long) as
  /// TOML would write it, so a path is never empty and never carries
  /// control characters or a megabyte of key.
  static std::string key_name(std::string_view k) {
    const bool bare = !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_' || c == '-';
    });
    return bare && k.size() <= 60 ? std::string(k) : quote(k);
  }

  /// A number as the file writes it ("1e297", not "1e+297"); other values
  /// as `describe` shows them.
  std::string written(const toml::node& n) const {
    if (!n.is_number())
      return describe(n);
    const auto& b = n.source().begin;
    const auto& e = n.source().end;
    if (b.line == 0 || b.line != e.line || e.column <= b.column)
      return describe(n);
    // Find the line; columns count characters, so only an ASCII line is
    // sliced (otherwise the value is shown as describe() would).
    std::size_t at = 0;
    for (std::size_t line = 1; line < b.line; ++line) {
      at = text_.find('\n', at);
      if (at == std::string_view::npos)
        return describe(n);
      ++at;
    }
    const std::string_view line = text_.substr(at, text_.find('\n', at) - at);
    if (std::any_of(line.begin(), line.end(), [](char c) { return (c & 0x80) != 0; }) ||
        e.column - 1 > line.size())
      return describe(n);
    const std::string_view v = line.substr(b.column - 1, e.column - b.column);
    const bool plausible =
        !v.empty() && v.size() <= 40 && std::all_of(v.begin(), v.end(), [](char c) {
          return (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '+' || c == '-' ||
                 c == 'e' || c == 'E' || c == 'x' || c == 'o' || c == 'b' ||
                 (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == 'i' || c == 'n';
        });
    return plausible ? std::string(v) : describe(n);
  }

  static std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
      if (!out.empty())
        out += ", ";
      out += n;
    }
    return out;
  }

  static std::string child(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

  /// Refuses unknown keys (so typos are caught) and records where each key is.
  void check_keys(const toml::table& t, const std::string& path,
                  std::initializer_list<std::string_view> allowed) {
    if (!path.empty())
      locations_.emplace(path, where(t.source()));
    std::vector<std::string> names(allowed.begin(), allowed.end());
    for (const auto& [k, v] : t) {
      if (std::find(names.begin(), names.end(), k.str()) == names.end())
        unknown_key(k, path, names);
      locations_.emplace(child(path, k.str()), where(v.source()));
    }
  }

  [[noreturn]] void unknown_key(const toml::key& k, const std::string& path,
                                const std::vector<std::string>& names) const {
    std::vector<traincost::detail::NamedKeys> candidates;
    for (const auto& n : names)
      candidates.push_back({n, {traincost::detail::normalize_name(n)}});
    const auto closest = traincost::detail::closest_names(k.str(), candidates, 1);
    std::string expected = "one of: " + join(names);
    if (!closest.empty())
      expected += " (closest: " + closest.front() + ")";
    fail(ErrorCode::unknown_name, k.source(), child(path, key_name(k.str())),
         "got unknown key " + quote(k.str()), expected);
  }

  const toml::node* required(const toml::table& t, const std::string& path, std::string_view key,
                             const std::string& expected) const {
    const toml::node* n = t.get(key);
    if (!n)
      fail(ErrorCode::invalid_input, t.source(), child(path, key), "missing", expected);
    return n;
  }

  const toml::table* table_at(const toml::array& a, std::size_t i, const std::string& path) {
    const toml::node* n = a.get(i);
    const toml::table* t = n ? n->as_table() : nullptr;
    if (!t)
      fail_type(n ? *n : static_cast<const toml::node&>(a), path, "a table");
    locations_.emplace(path, where(t->source()));
    return t;
  }

  std::string string_value(const toml::node& n, const std::string& field) const {
    const auto* s = n.as_string();
    if (!s)
      fail_type(n, field, "a string");
    if (s->get().size() > max_string_bytes)
      fail(ErrorCode::invalid_value, n.source(), field,
           "got a string of " + std::to_string(s->get().size()) + " bytes",
           "at most " + std::to_string(max_string_bytes) + " bytes");
    return s->get();
  }

  std::string nonempty_string(const toml::node& n, const std::string& field) const {
    std::string v = string_value(n, field);
    if (v.find_first_not_of(" \t") == std::string::npos)
      fail_type(n, field, "a non-empty string");
    return v;
  }

  std::optional<std::string> optional_string(const toml::table& t, const std::string& path,
                                             std::string_view key) const {
    if (const toml::node* n = t.get(key))
      return string_value(*n, child(path, key));
    return std::nullopt;
  }

  /// A number (TOML integer or float) as double.
  double number(const toml::node& n, const std::string& field, const std::string& what) const {
    if (const auto* i = n.as_integer())
      return static_cast<double>(i->get());
    if (const auto* f = n.as_floating_point())
      return f->get();
    fail_type(n, field, "a number (" + what + ")");
  }

  /// Runs a traincost::detail check, re-throwing its error with the location.
  template <class Check>
  double checked(const toml::node& n, const std::string& field, Check check) const {
    try {
      return check();
    } catch (const ScenarioError&) {
      throw;  // already placed in the file
    } catch (const Error& e) {
      throw ScenarioError(e, file_, where(n.source()), scenario_field(field));
    }
  }

  /// Like `checked`, for a check that returns any value.
  template <class Check>
  auto checked_value(const toml::node& n, const std::string& field, Check check) const {
    try {
      return check();
    } catch (const ScenarioError&) {
      throw;  // already placed in the file
    } catch (const Error& e) {
      // Models name their own fields ("workload.training_precision"); keep
      // the last part under this table's path.
      FieldPath f = scenario_field(field);
      if (const auto& segs = e.field().segments(); segs.size() > 1)
        f = append(f, segs.back());
      throw ScenarioError(e, file_, where(n.source()), f);
    }
  }

  /// A finite number of at least `min_positive`. `scale` is the factor the
  /// model's unit conversion applies (1e12 for TFLOP/s): a value whose
  /// conversion overflows is refused here, at the field the user wrote.
  double positive(const toml::node& n, const std::string& field, const std::string& what,
                  double scale = 1.0) const {
    const double v = number(n, field, what);
    if (!std::isfinite(v) || !(v > 0.0))
      fail(ErrorCode::invalid_value, n.source(), field, "got " + written(n), "a positive " + what);
    if (v < min_positive)
      fail(ErrorCode::invalid_value, n.source(), field, "got " + written(n),
           "a positive " + what + " of at least " + traincost::detail::format_value(min_positive));
    if (!std::isfinite(v * scale))
      fail(ErrorCode::invalid_value, n.source(), field, "got " + written(n),
           "a positive " + what + " of at most " +
               traincost::detail::format_value(std::numeric_limits<double>::max() / scale));
    return v;
  }

  double non_negative(const toml::node& n, const std::string& field,
                      const std::string& what) const {
    const double v = number(n, field, what);
    return checked(n, field,
                   [&] { return traincost::detail::require_non_negative(field, v, what); });
  }

  double unit_fraction(const toml::node& n, const std::string& field) const {
    const double v = number(n, field, "a fraction in (0, 1]");
    if (v > 0.0 && v < min_positive)
      fail(ErrorCode::invalid_value, n.source(), field, "got " + written(n),
           "a fraction in (0, 1] of at least " + traincost::detail::format_value(min_positive));
    return checked(n, field, [&] { return traincost::detail::require_unit_fraction(field, v); });
  }

  double optional_positive(const toml::table& t, const std::string& path, std::string_view key,
                           const std::string& what, double fallback, double scale = 1.0) const {
    if (const toml::node* n = t.get(key))
      return positive(*n, child(path, key), what, scale);
    return fallback;
  }

  /// A whole number in [lo, hi].
  double whole_in_range(const toml::node& n, const std::string& field, double lo, double hi,
                        const std::string& what) const {
    const double v = number(n, field, what);
    if (!std::isfinite(v) || std::floor(v) != v || v < lo || v > hi)
      fail(ErrorCode::invalid_value, n.source(), field, "got " + describe(n),
           what + " from " + traincost::detail::format_value(lo) + " to " +
               traincost::detail::format_value(hi));
    return v;
  }

  /// `evidence` and `source` keys of a table; an unsourced figure is an
  /// assumption of whoever wrote the scenario.
  Provenance provenance(const toml::table& t, const std::string& path) const {
    Provenance p = assumed("stated in scenario " + file_);
    if (const toml::node* e = t.get("evidence")) {
      const std::string v = string_value(*e, child(path, "evidence"));
      if (v == "published" || v == "P")
        p.evidence = Evidence::published;
      else if (v == "analyst_estimate" || v == "A")
        p.evidence = Evidence::analyst_estimate;
      else if (v == "derived" || v == "D")
        p.evidence = Evidence::derived;
      else if (v == "assumed" || v == "?")
        p.evidence = Evidence::assumed;
      else
        fail_type(*e, child(path, "evidence"),
                  "one of: published, analyst_estimate, derived, assumed (or P, A, D, ?)");
    }
    if (auto s = optional_string(t, path, "source"))
      p.source = *s;
    return p;
  }

  /// A range written instead of a number: { low, high } (uniform),
  /// { low, mode, high } (triangular), { p5, p95 } (lognormal with that 90%
  /// interval), { mean, sd, low, high } (truncated normal) or
  /// { values = [...], weights = [...] } (discrete). Every parameter must pass
  /// `check_value` (the same check as a plain number of the field).
  template <class CheckValue>
  UncertainInput range(const toml::table& t, const std::string& field, const std::string& unit,
                       CheckValue check_value) {
    check_keys(t, field, {"low", "high", "mode", "p5", "p95", "mean", "sd", "values", "weights"});
    UncertainInput in;
    in.field = field;
    in.unit = unit;
    in.where = where(t.source());
    auto param = [&](std::string_view key) -> double {
      const toml::node* n = t.get(key);
      const double v = check_value(*n, child(field, key));
      in.parameters.emplace_back(std::string(key), v);
      return v;
    };
    auto has = [&](std::initializer_list<std::string_view> keys) {
      std::size_t n = 0;
      for (auto k : keys)
        n += t.contains(k) ? 1 : 0;
      return n == keys.size() && n == t.size();
    };
    const std::string expected =
        "a range: { low, high }, { low, mode, high }, { p5, p95 }, { mean, sd, low, high } "
        "or { values = [...], weights = [...] }, in " +
        unit;
    auto fmt = traincost::detail::format_value;
    try {
      if (has({"low", "high"})) {
        const double lo = param("low"), hi = param("high");
        in.distribution = uncertainty::Distribution::uniform(lo, hi);
        in.description = "uniform " + fmt(lo) + " to " + fmt(hi);
      } else if (has({"low", "mode", "high"})) {
        const double lo = param("low"), mode = param("mode"), hi = param("high");
        in.distribution = uncertainty::Distribution::triangular(lo, mode, hi);
        in.description = "triangular " + fmt(lo) + ", " + fmt(mode) + ", " + fmt(hi);
      } else if (has({"p5", "p95"})) {
        const double p5 = param("p5"), p95 = param("p95");
        in.distribution = uncertainty::Distribution::lognormal_90(p5, p95);
        in.description = "lognormal, 90% in " + fmt(p5) + " to " + fmt(p95);
      } else if (has({"mean", "sd", "low", "high"})) {
        const double mean = param("mean");
        const toml::node* sdn = t.get("sd");
        const double sd = positive(*sdn, child(field, "sd"), "standard deviation in " + unit);
        in.parameters.emplace_back("sd", sd);
        const double lo = param("low"), hi = param("high");
        in.distribution = uncertainty::Distribution::truncated_normal(mean, sd, lo, hi);
        in.description =
            "normal " + fmt(mean) + " +- " + fmt(sd) + " within " + fmt(lo) + " to " + fmt(hi);
      } else if (has({"values"}) || has({"values", "weights"})) {
        const toml::node* vn = t.get("values");
        const toml::array* va = vn->as_array();
        if (!va || va->empty() || va->size() > 1000)
          fail(ErrorCode::invalid_value, vn->source(), child(field, "values"),
               va ? "got an array of " + std::to_string(va->size()) + " values"
                  : "got " + describe(*vn),
               "an array of 1 to 1000 values in " + unit);
        std::vector<double> values, weights;
        for (std::size_t i = 0; i < va->size(); ++i) {
          const std::string f = child(field, "values") + "[" + std::to_string(i) + "]";
          values.push_back(check_value(*va->get(i), f));
          in.parameters.emplace_back("values[" + std::to_string(i) + "]", values.back());
        }
        if (const toml::node* wn = t.get("weights")) {
          const toml::array* wa = wn->as_array();
          if (!wa || wa->size() != va->size())
            fail_type(*wn, child(field, "weights"),
                      "an array of " + std::to_string(va->size()) + " weights, one per value");
          for (std::size_t i = 0; i < wa->size(); ++i) {
            const std::string f = child(field, "weights") + "[" + std::to_string(i) + "]";
            weights.push_back(non_negative(*wa->get(i), f, "weight"));
            in.parameters.emplace_back("weights[" + std::to_string(i) + "]", weights.back());
          }
        } else {
          weights.assign(values.size(), 1.0);
        }
        in.distribution = uncertainty::Distribution::discrete(values, weights);
        in.description = "one of " + std::to_string(values.size()) + " values";
      } else {
        std::vector<std::string> keys;
        for (const auto& [k, v] : t)
          keys.push_back(key_name(k.str()));
        fail(ErrorCode::invalid_input, t.source(), field, "got { " + join(keys) + " }", expected);
      }
    } catch (const ScenarioError&) {
      throw;  // already placed in the file
    } catch (const Error& e) {
      // The distribution names its parameters "uniform.low"; the file says "low".
      std::string msg = e.message();
      const auto& segs = e.field().segments();
      if (segs.size() > 1) {
        const std::string family = segs.front().key + ".";
        for (auto at = msg.find(family); at != std::string::npos; at = msg.find(family))
          msg.erase(at, family.size());
      }
      const std::string key = segs.size() > 1 ? segs[1].key : std::string();
      const toml::node* n = key.empty() ? nullptr : t.get(key);
      throw ScenarioError(e, file_, where(n ? n->source() : t.source()),
                          scenario_field(key.empty() ? field : child(field, key)), msg);
    }
    return in;
  }

  /// Refuses a range that can draw values a model rejects: a lognormal has no
  /// upper bound and reaches towards zero, so a field with a bound (an MFU
  /// <= 1, a PUE >= 1) needs a bounded range.
  void require_bounded(const toml::table& t, const UncertainInput& in,
                       const std::string& bounds) const {
    if (in.distribution.kind() == uncertainty::Distribution::Kind::lognormal)
      fail(ErrorCode::invalid_value, t.source(), in.field,
           "got a lognormal range { p5, p95 }, which has no bounds",
           "a bounded range ({ low, high }, { low, mode, high }, { mean, sd, low, high } or "
           "{ values = [...] }) with every value " +
               bounds);
  }

 private:
  const std::string& file_;
  std::map<std::string, Location>& locations_;
  std::string_view text_;
};

}  // namespace traincost::io::detail_reader
