#include "usage.hpp"

#include <charconv>
#include <cstdint>

#include "traincost/detail/closest_names.hpp"
#include "traincost/io/printable.hpp"

namespace traincost::cli {

std::string unknown_command(const std::string& arg, const std::vector<std::string>& commands) {
  if (arg.empty() || arg.front() == '-')
    return "";
  std::vector<traincost::detail::NamedKeys> candidates;
  std::string list;
  for (const auto& c : commands) {
    if (c == arg)
      return "";
    candidates.push_back({c, {traincost::detail::normalize_name(c)}});
    list += (list.empty() ? "" : ", ") + c;
  }
  std::string msg = "unknown command \"" + io::printable(arg, 60) + "\", expected one of: " + list;
  const auto closest = traincost::detail::closest_names(arg, candidates, 1);
  if (!closest.empty())
    msg += " (closest: " + closest.front() + ")";
  return msg;
}

std::string seed_problem(const std::string& text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  const bool digits_only =
      !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  if (digits_only && ec == std::errc() && ptr == end)
    return "";
  return "got \"" + io::printable(text, 60) +
         "\", expected a whole number from 0 to 18446744073709551615";
}

std::string output_path_problem(const std::string& text) {
  if (text.empty())
    return "got an empty file name, expected a file to write the SVG to";
  if (text == "-")
    return "got \"-\", expected a file name (standard output carries the report)";
  return "";
}

std::string usage_line(const std::string& what) {
  std::string one_line = what;
  for (char& c : one_line)
    if (c == '\n' || c == '\r')
      c = ' ';
  while (!one_line.empty() && one_line.back() == ' ')
    one_line.pop_back();
  return "traincost: error: " + io::printable(one_line) + " (see traincost --help)";
}

}  // namespace traincost::cli
