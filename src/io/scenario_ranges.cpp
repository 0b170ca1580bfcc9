// The scenario reader: inputs written as ranges and the model inputs they reach.
#include "detail/scenario_builder.hpp"

namespace traincost::io::detail_reader {

double ScenarioBuilder::value_or_range(const toml::node& n, const std::string& field,
                                       const std::string& what, const std::string& unit,
                                       std::function<void(Scenario&, double)> apply, double minimum,
                                       double below) {
  const bool bounded = minimum > 0.0 || below < std::numeric_limits<double>::infinity();
  const std::string bounds = minimum > 0.0 ? "at least " + traincost::detail::format_value(minimum)
                                           : "below " + traincost::detail::format_value(below);
  auto check = [&](const toml::node& v, const std::string& f) {
    const double x = r_.positive(v, f, what);
    if (bounded && (x < minimum || !(x < below)))
      r_.fail(ErrorCode::invalid_value, v.source(), f, "got " + Reader::describe(v),
              "a " + what + " " + bounds);
    return x;
  };
  if (const toml::table* t = n.as_table()) {
    UncertainInput in = r_.range(*t, field, unit, check);
    if (bounded)
      r_.require_bounded(*t, in, bounds);
    in.apply = std::move(apply);
    const double median = in.distribution.median();
    s_.uncertain.push_back(std::move(in));
    return median;
  }
  if (!n.is_number())
    r_.fail_type(n, field, "a number (" + what + ") or a range such as { low = 1, high = 2 }");
  return check(n, field);
}

void ScenarioBuilder::model_input(std::size_t before, std::string path, double scale,
                                  bool inverse) {
  if (s_.uncertain.size() > before) {
    s_.uncertain.back().model_path = std::move(path);
    s_.uncertain.back().scale = scale;
    s_.uncertain.back().inverse = inverse;
  }
}

}  // namespace traincost::io::detail_reader
