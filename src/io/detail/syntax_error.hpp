#pragma once
// Friendlier places and words for some TOML syntax errors. Private to
// traincost::io.

#include <cstddef>
#include <optional>
#include <string_view>

#include "traincost/io/scenario.hpp"

namespace traincost::io::detail_reader {

/// Where a single-line string left open on line `line` (1-based) starts,
/// if one is: toml++ reports an unterminated string as "unescaped control
/// characters" at the end of the line, far from the quote that opened it.
/// Columns count characters, as toml++'s do.
inline std::optional<Location> open_string_at(std::string_view text, std::size_t line) {
  std::size_t at = 0;
  for (std::size_t l = 1; l < line; ++l) {
    at = text.find('\n', at);
    if (at == std::string_view::npos)
      return std::nullopt;
    ++at;
  }
  const std::string_view row = text.substr(at, text.find('\n', at) - at);
  enum class State { code, basic, literal } state = State::code;
  std::size_t column = 0, start = 0;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const char c = row[i];
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++column;
    if (state == State::code) {
      if (c == '#')
        break;
      if (c == '"' || c == '\'') {
        if (row.substr(i, 3) == (c == '"' ? "\"\"\"" : "'''"))
          return std::nullopt;  // multi-line strings end on other lines
        state = c == '"' ? State::basic : State::literal;
        start = column;
      }
    } else if (state == State::basic) {
      if (c == '\\')
        ++i;  // an escaped character, never the closing quote
      else if (c == '"')
        state = State::code;
    } else if (c == '\'') {
      state = State::code;
    }
  }
  if (state == State::code)
    return std::nullopt;
  return Location{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(start)};
}

}  // namespace traincost::io::detail_reader
