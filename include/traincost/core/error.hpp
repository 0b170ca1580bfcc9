#pragma once
/// \file
/// The one exception type of traincost. Every bad value (a negative count, a
/// NaN price, zero GPUs, an unknown accelerator) throws `traincost::Error`,
/// and so does every bad scenario file (`io::ScenarioError` derives from it).
///
/// An error carries its parts, not just a sentence: a stable id such as
/// `traincost.invalid_value` that users can search, the field as a path of
/// segments, the value as it was written, what was expected and the message.
/// Callers that re-locate or re-word an error (the scenario reader points at
/// a line of a file) read those parts; nobody parses `what()`.

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace traincost {

/// Stable error categories; the id in each message is derived from these.
enum class ErrorCode {
  invalid_value,          ///< a number out of range, NaN, infinite, negative ...
  unknown_name,           ///< a name (accelerator, preset, run) that is not known
  unsupported_precision,  ///< a precision the accelerator has no peak for
  scope_mismatch,         ///< amounts of different scopes combined without a conversion
  invalid_input,          ///< structurally bad input (empty run, missing field ...)
  syntax,                 ///< a scenario file that is not valid TOML
  implausible_claim,      ///< a reported figure the plausibility check doubts (check --strict)
};

/// The stable textual id of an error code, e.g. "traincost.invalid_value".
constexpr std::string_view error_id(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_value:
      return "traincost.invalid_value";
    case ErrorCode::unknown_name:
      return "traincost.unknown_name";
    case ErrorCode::unsupported_precision:
      return "traincost.unsupported_precision";
    case ErrorCode::scope_mismatch:
      return "traincost.scope_mismatch";
    case ErrorCode::invalid_input:
      return "traincost.invalid_input";
    case ErrorCode::syntax:
      return "traincost.syntax";
    case ErrorCode::implausible_claim:
      return "traincost.implausible_claim";
  }
  return "traincost.unknown";
}

/// One step of a field path: a key, or an element of a list (its index and,
/// when the element has one, its name, which makes messages readable).
struct FieldSegment {
  std::string key;                   ///< "stages"; empty for a bare element
  std::optional<std::size_t> index;  ///< set for an element of a list
  std::string name;                  ///< the element's own name, e.g. "pre-training"

  bool operator==(const FieldSegment&) const = default;
};

/// Where in the input an error is: segments, so that a reader can map them
/// back to its own syntax (a TOML key, a line) without parsing text.
class FieldPath {
 public:
  FieldPath() = default;
  /// A dotted path of plain keys, e.g. "cluster.accelerators". Library code
  /// writes these as literals; list elements are added with `element`.
  FieldPath(
      std::string_view dotted) {  // NOLINT(google-explicit-constructor): literals read naturally
    std::size_t start = 0;
    while (start <= dotted.size() && !dotted.empty()) {
      const std::size_t dot = dotted.find('.', start);
      const std::size_t end = dot == std::string_view::npos ? dotted.size() : dot;
      segments_.push_back({std::string(dotted.substr(start, end - start)), std::nullopt, {}});
      if (dot == std::string_view::npos)
        break;
      start = dot + 1;
    }
  }
  FieldPath(const char* dotted) : FieldPath(std::string_view(dotted)) {}         // NOLINT
  FieldPath(const std::string& dotted) : FieldPath(std::string_view(dotted)) {}  // NOLINT

  /// This path followed by a key.
  FieldPath key(std::string_view k) const& {
    FieldPath p = *this;
    p.segments_.push_back({std::string(k), std::nullopt, {}});
    return p;
  }
  /// This path's last key taken as a list, at element `index` (named `name`).
  FieldPath element(std::size_t index, std::string_view name = {}) const& {
    FieldPath p = *this;
    if (!p.segments_.empty() && !p.segments_.back().index) {
      p.segments_.back().index = index;
      p.segments_.back().name = std::string(name);
    } else {
      p.segments_.push_back({{}, index, std::string(name)});
    }
    return p;
  }
  /// This path followed by all of `tail`'s segments.
  FieldPath then(const FieldPath& tail) const& {
    FieldPath p = *this;
    p.segments_.insert(p.segments_.end(), tail.segments_.begin(), tail.segments_.end());
    return p;
  }

  const std::vector<FieldSegment>& segments() const noexcept { return segments_; }
  bool empty() const noexcept { return segments_.empty(); }

  /// The path as people read it: "run.stages[1] (context extension).gpu_hours".
  std::string str() const {
    std::string s;
    for (const FieldSegment& seg : segments_) {
      if (!s.empty() && !seg.key.empty())
        s += '.';
      s += seg.key;
      if (seg.index) {
        ((s += '[') += std::to_string(*seg.index)) += ']';
        if (!seg.name.empty())
          ((s += " (") += seg.name) += ')';
      }
    }
    return s;
  }

  bool operator==(const FieldPath&) const = default;

 private:
  std::vector<FieldSegment> segments_;
};

/// Writes the path as people read it (`path.str()`); gtest prints paths with
/// it. Declared with <iosfwd>: the string insertion it uses is in <string>.
inline std::ostream& operator<<(std::ostream& os, const FieldPath& path) {
  return os << path.str();
}

/// The library's exception: `what()` is "[id] field: message", where the
/// message is "got VALUE, expected EXPECTED" when the error is about a value.
class Error : public std::runtime_error {
 public:
  /// An error about a value: the message is "got `value`, expected `expected`".
  /// \param value    the value as written (or formatted), e.g. "-1", "\"H900\""
  /// \param expected what would have been accepted, e.g. "a positive count"
  Error(ErrorCode code, FieldPath field, std::string value, std::string expected)
      : Error(code, std::move(field), value, expected, value_message(value, expected)) {}

  /// An error whose message is not about one value (a missing field, a
  /// mixed scope); `value()` and `expected()` are empty.
  Error(ErrorCode code, FieldPath field, std::string_view message)
      : Error(code, std::move(field), {}, {}, std::string(message)) {}
  Error(ErrorCode code, FieldPath field, const char* message)
      : Error(code, std::move(field), std::string_view(message)) {}

  /// The category of the error.
  ErrorCode code() const noexcept { return code_; }
  /// The stable id, e.g. "traincost.invalid_value".
  std::string_view id() const noexcept { return error_id(code_); }
  /// Where the error is, as segments.
  const FieldPath& field() const noexcept { return field_; }
  /// The offending value as written; empty when the error is not about one.
  const std::string& value() const noexcept { return value_; }
  /// What would have been accepted; empty when the error is not about a value.
  const std::string& expected() const noexcept { return expected_; }
  /// The message without id and field: "got -1, expected a positive count".
  const std::string& message() const noexcept { return message_; }

 protected:
  /// For derived errors that say more in `what()` (a file and a line).
  Error(ErrorCode code, FieldPath field, std::string value, std::string expected,
        std::string message, std::string what)
      : std::runtime_error(std::move(what)),
        code_(code),
        field_(std::move(field)),
        value_(std::move(value)),
        expected_(std::move(expected)),
        message_(std::move(message)) {}

  /// "[id] field: message", the text every error starts from.
  static std::string compose(ErrorCode code, const FieldPath& field, std::string_view message) {
    std::string s = "[";
    s += error_id(code);
    s += "] ";
    s += field.str();
    s += ": ";
    s += message;
    return s;
  }

  static std::string value_message(std::string_view value, std::string_view expected) {
    std::string m = "got ";
    m += value;
    m += ", expected ";
    m += expected;
    return m;
  }

 private:
  Error(ErrorCode code, FieldPath field, std::string value, std::string expected,
        std::string message)
      : std::runtime_error(compose(code, field, message)),
        code_(code),
        field_(std::move(field)),
        value_(std::move(value)),
        expected_(std::move(expected)),
        message_(std::move(message)) {}

  ErrorCode code_;
  FieldPath field_;
  std::string value_;
  std::string expected_;
  std::string message_;
};

namespace detail {

/// Throws `invalid_input` for an enumeration value that is none of its
/// enumerators (a `static_cast` from a bad integer): the names of enums never
/// fall back to a plausible word. `type` names the enum, e.g. "Precision".
[[noreturn, gnu::cold]] inline void fail_enum_value(std::string_view type, long long value) {
  std::string expected = "one of the enumerators of traincost::";
  expected += type;
  throw Error(ErrorCode::invalid_input, FieldPath(type), std::to_string(value),
              std::move(expected));
}

}  // namespace detail

}  // namespace traincost
