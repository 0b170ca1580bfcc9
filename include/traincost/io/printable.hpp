#pragma once
/// \file
/// Echoing what a user typed or wrote (a key, a file name, a catalog query)
/// without letting it drive the terminal: control characters become \xNN.

#include <string>
#include <string_view>

namespace traincost::io {

/// `s` with every control character (below 0x20, and 0x7f) as `\xNN`, and
/// cut to `limit` bytes with "..." after it (0: no limit).
inline std::string printable(std::string_view s, std::size_t limit = 0) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (limit != 0 && i == limit) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace traincost::io
