#pragma once
// Text helpers shared by io's renderers (tables, Markdown, JSON): one copy
// of each. Numbers for people come from the library's print/format.hpp.
// Private to traincost::io.

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "traincost/io/printable.hpp"
#include "traincost/print/format.hpp"

namespace traincost::io::detail_text {

/// A Markdown table cell: pipes escaped, line breaks flattened, other
/// control characters shown as \xNN (ESC would drive a terminal).
inline std::string md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      out += printable(std::string_view(&c, 1));
    else
      out += c;
  }
  return out;
}

/// Text for an aligned table: control characters would break the columns.
inline std::string flat(std::string_view s) {
  std::string out;
  for (char c : s)
    out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
  return out;
}

/// One row of a Markdown table.
inline void markdown_row(std::ostringstream& os, const std::vector<std::string>& cells) {
  os << '|';
  for (const auto& c : cells)
    os << ' ' << c << " |";
  os << '\n';
}

/// A Markdown table's header row and its alignment row (`right[i]`: the
/// column is right-aligned).
inline void markdown_header(std::ostringstream& os, const std::vector<std::string>& head,
                            const std::vector<bool>& right) {
  markdown_row(os, head);
  os << '|';
  for (std::size_t i = 0; i < head.size(); ++i)
    os << (right[i] ? "---:|" : "---|");
  os << '\n';
}

/// JSON text; scenario text may hold any bytes, so invalid UTF-8 is
/// replaced, never thrown.
inline std::string dump_json(const nlohmann::ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

/// An input value (a range's bound, a median) with digits enough to read
/// small fractions ("0.0500" for an MFU, "2.50" for a price).
inline std::string short_number(double v) {
  const double a = std::fabs(v);
  if (a >= 1000)
    return format_number(v, 0);
  if (a >= 10)
    return format_number(v, 1);
  if (a >= 0.1)
    return format_number(v, 2);
  return format_number(v, 4);
}

/// For a value of an enumeration no case handles (memory corruption or a
/// new enumerator not rendered yet): a bug, never a fallback word in output.
[[noreturn]] inline void unknown_enum(const char* what, int value) {
  throw std::logic_error(std::string("traincost::io: no rendering for ") + what + " " +
                         std::to_string(value));
}

}  // namespace traincost::io::detail_text
