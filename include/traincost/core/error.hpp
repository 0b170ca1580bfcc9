#pragma once
/// \file
/// The one exception type of traincost. Every bad value (a negative count, a
/// NaN price, zero GPUs, an unknown accelerator) throws `traincost::Error`,
/// whose message names the field, the value and what was expected, prefixed
/// by a stable id such as `[traincost.invalid_value]` that users can search.

#include <stdexcept>
#include <string>
#include <string_view>

namespace traincost {

/// Stable error categories; the id in each message is derived from these.
enum class ErrorCode {
  invalid_value,          ///< a number out of range, NaN, infinite, negative ...
  unknown_name,           ///< a name (accelerator, preset) not in the catalog
  unsupported_precision,  ///< a precision the accelerator has no peak for
  scope_mismatch,         ///< amounts of different scopes combined without a conversion
  invalid_input,          ///< structurally bad input (empty run, missing field ...)
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
  }
  return "traincost.unknown";
}

/// The library's exception: `what()` is "[id] field: message".
class Error : public std::runtime_error {
 public:
  /// \param code  the category, which fixes the id in the message
  /// \param field the input that was wrong, e.g. "cluster.accelerators"
  /// \param message what was found and what was expected
  Error(ErrorCode code, std::string_view field, std::string_view message)
      : std::runtime_error(compose(code, field, message)), code_(code), field_(field) {}

  /// The category of the error.
  ErrorCode code() const noexcept { return code_; }
  /// The input field the error is about.
  const std::string& field() const noexcept { return field_; }

 private:
  static std::string compose(ErrorCode code, std::string_view field, std::string_view message) {
    std::string s = "[";
    s += error_id(code);
    s += "] ";
    s += field;
    s += ": ";
    s += message;
    return s;
  }

  ErrorCode code_;
  std::string field_;
};

}  // namespace traincost
