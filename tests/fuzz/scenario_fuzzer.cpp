// libFuzzer target over the scenario reader and everything downstream of it:
// any bytes in, and either a located ScenarioError or a scenario that costs
// and renders in every format. Anything else — a crash, a sanitizer report,
// another exception, NaN in the output — is a finding.
//
//   cmake --workflow --preset fuzz          (bounded run, as CI does)
//   build/fuzz/tests/fuzz/traincost_scenario_fuzzer CORPUS_DIR examples/scenarios
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "traincost/io/estimate.hpp"
#include "traincost/io/render.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/io/svg_chart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace traincost::io;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Scenario s;
  try {
    s = parse_scenario(text, "fuzz.toml");
  } catch (const ScenarioError& e) {
    // The message must place the error: a line is known for every error
    // except one about the whole input.
    if (e.field().empty())
      std::abort();
    return 0;
  }
  Estimate e;
  try {
    e = estimate(s);
  } catch (const ScenarioError&) {
    return 0;
  }
  for (Format f : {Format::table, Format::markdown, Format::csv, Format::json}) {
    const std::string out = render_estimate(e, f);
    if (out.empty())
      std::abort();
  }
  const std::string svg = breakdown_chart_svg(e);
  if (svg.find("</svg>") == std::string::npos)
    std::abort();
  return 0;
}
