// The scenario reader: errors, field paths, the top level of a file and
// locations. Each section of a file is read in its own source file
// (detail/scenario_builder.hpp).

#include <cmath>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <limits>
#include <optional>
#include <sstream>

#include "detail/read_text.hpp"
#include "detail/relocate.hpp"
#include "detail/scenario_builder.hpp"
#include "detail/syntax_error.hpp"
#include "detail/toml_reader.hpp"
#include "traincost/core/limits.hpp"
#include "traincost/detail/closest_names.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost/io/printable.hpp"
#include "traincost/io/scenario.hpp"

namespace traincost::io {

namespace {
// An error about the whole file (it cannot be read, it is too large) has
// no line to show: "FILE: message", as other commands word it.
std::string error_text(ErrorCode code, const std::string& file, Location where,
                       const std::string& field, const std::string& message) {
  const std::string name = printable(file);
  if (where.line == 0 && field == "(file)")
    return name.empty() ? message : name + ": " + message;
  return name + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": [" +
         std::string(error_id(code)) + "] " + field + ": " + message;
}

std::string got_expected(const std::string& value, const std::string& expected) {
  return "got " + value + ", expected " + expected;
}
}  // namespace

FieldPath scenario_field(std::string_view dotted) {
  FieldPath out;
  std::string key;
  bool quoted = false;
  auto flush = [&] {
    out = out.key(key);
    key.clear();
  };
  for (std::size_t i = 0; i < dotted.size(); ++i) {
    const char c = dotted[i];
    if (c == '"' && (i == 0 || dotted[i - 1] != '\\'))
      quoted = !quoted;
    if (!quoted && c == '.' && !key.empty()) {
      flush();
      continue;
    }
    if (!quoted && c == '.' && i > 0 && dotted[i - 1] == ']')
      continue;  // the dot after an element: "stages[0].gpu_hours"
    if (!quoted && c == '[' && !key.empty()) {
      const std::size_t close = dotted.find(']', i);
      const std::string_view digits = close == std::string_view::npos
                                          ? std::string_view{}
                                          : dotted.substr(i + 1, close - i - 1);
      if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos &&
          digits.size() < 10) {
        flush();
        out = out.element(static_cast<std::size_t>(std::stoul(std::string(digits))));
        i = close;
        continue;
      }
    }
    key.push_back(c);
  }
  if (!key.empty() || out.empty())
    flush();
  return out;
}

ScenarioError::ScenarioError(ErrorCode code, std::string file, Location where, FieldPath field,
                             std::string value, std::string expected, std::string message)
    : Error(code, field, value, expected, message,
            error_text(code, file, where, field.str(), message)),
      file_(std::move(file)),
      where_(where) {}

ScenarioError::ScenarioError(ErrorCode code, std::string file, Location where, FieldPath field,
                             std::string message)
    : ScenarioError(code, std::move(file), where, std::move(field), {}, {}, std::move(message)) {}

ScenarioError::ScenarioError(ErrorCode code, std::string file, Location where, FieldPath field,
                             std::string value, std::string expected)
    : ScenarioError(code, std::move(file), where, std::move(field), value, expected,
                    got_expected(value, expected)) {}

ScenarioError::ScenarioError(const Error& cause, std::string file, Location where, FieldPath field)
    : ScenarioError(cause.code(), std::move(file), where, std::move(field), cause.value(),
                    cause.expected(), cause.message()) {}

ScenarioError::ScenarioError(const Error& cause, std::string file, Location where, FieldPath field,
                             std::string message)
    : ScenarioError(cause.code(), std::move(file), where, std::move(field), cause.value(),
                    cause.expected(), std::move(message)) {}

namespace detail_reader {

void ScenarioBuilder::top(const toml::table& root) {
  r_.check_keys(root, "",
                {"name", "description", "accelerators", "run", "fleet", "program", "serving"});
  s_.name = r_.optional_string(root, "", "name").value_or("");
  s_.description = r_.optional_string(root, "", "description").value_or("");
  if (const toml::node* a = root.get("accelerators"))
    custom_accelerators(*a);
  if (const toml::node* run = root.get("run")) {
    if (const toml::table* t = run->as_table()) {
      s_.runs.push_back(training_run(*t, "run"));
      s_.run_paths.push_back("run");
    } else if (const toml::array* arr = run->as_array()) {
      if (arr->empty())
        r_.fail(ErrorCode::invalid_input, arr->source(), "run", "got an empty array",
                "at least one [[run]] table");
      for (std::size_t i = 0; i < arr->size(); ++i) {
        const std::string path = "run[" + std::to_string(i) + "]";
        const toml::table& rt = *r_.table_at(*arr, i, path);
        s_.runs.push_back(training_run(rt, path));
        s_.run_paths.push_back(path);
        unique_run_name(rt, path);
      }
    } else {
      r_.fail_type(*run, "run", "a [run] table or [[run]] tables");
    }
  }
  if (const toml::node* fl = root.get("fleet")) {
    if (const toml::table* t = fl->as_table()) {
      fleet(*t, "fleet");
    } else if (const toml::array* arr = fl->as_array()) {
      if (arr->empty())
        r_.fail(ErrorCode::invalid_input, arr->source(), "fleet", "got an empty array",
                "at least one [[fleet]] table");
      for (std::size_t i = 0; i < arr->size(); ++i) {
        const std::string path = "fleet[" + std::to_string(i) + "]";
        fleet(*r_.table_at(*arr, i, path), path);
      }
    } else {
      r_.fail_type(*fl, "fleet", "a [fleet] table or [[fleet]] tables");
    }
  }
  if (const toml::node* pg = root.get("program")) {
    const toml::table* t = pg->as_table();
    if (!t)
      r_.fail_type(*pg, "program", "a [program] table");
    program(*t, "program");
  }
  if (const toml::node* sv = root.get("serving")) {
    if (const toml::table* t = sv->as_table()) {
      serving(*t, "serving");
    } else if (const toml::array* arr = sv->as_array()) {
      if (arr->empty())
        r_.fail(ErrorCode::invalid_input, arr->source(), "serving", "got an empty array",
                "at least one [[serving]] table");
      for (std::size_t i = 0; i < arr->size(); ++i) {
        const std::string path = "serving[" + std::to_string(i) + "]";
        serving(*r_.table_at(*arr, i, path), path);
      }
    } else {
      r_.fail_type(*sv, "serving", "a [serving] table or [[serving]] tables");
    }
  }
  if (s_.runs.empty() && s_.fleets.empty() && s_.programs.empty() && s_.serving.empty())
    r_.fail(ErrorCode::invalid_input, root.source(), "run", "nothing to cost",
            "a [run], [fleet], [program] or [serving] table (see docs/scenarios.md)");
}

}  // namespace detail_reader

Scenario parse_scenario(std::string_view text, std::string_view file) {
  Scenario s;
  s.file = std::string(file);
  detail_reader::Reader r(s.file, s.locations, text);
  if (text.size() > max_scenario_bytes)
    r.fail(ErrorCode::invalid_input, {}, "(file)", "got " + std::to_string(text.size()) + " bytes",
           "at most " + std::to_string(max_scenario_bytes) + " bytes");
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(s.file));
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    if (e.description().rfind("Error while parsing string", 0) == 0)
      if (const auto open = detail_reader::open_string_at(text, b.line))
        throw ScenarioError(ErrorCode::invalid_input, s.file, *open,
                            scenario_field("(TOML syntax)"),
                            "unterminated string, expected a closing quote on the same line");
    throw ScenarioError(ErrorCode::invalid_input, s.file, {b.line, b.column},
                        scenario_field("(TOML syntax)"), std::string(e.description()));
  }
  detail_reader::ScenarioBuilder(r, s).top(root);
  return s;
}

Scenario read_scenario(const std::string& path) {
  return parse_scenario(detail_reader::read_text(path, max_scenario_bytes),
                        path == "-" ? std::string("<stdin>") : path);
}

Program program_of(const Scenario& scenario, const ProgramScenario& ps) {
  Program p;
  p.name = ps.name;
  p.basis = ps.basis;
  if (ps.fleet) {
    const FleetScenario& fs = scenario.fleets.at(*ps.fleet);
    p.fleet_share =
        FleetShare{"share of " + fs.fleet.name + " " + std::string(to_string(ps.fleet_cost)),
                   fs.fleet, *fs.operating, ps.fleet_cost, ps.share};
  }
  for (std::size_t i : ps.runs)
    p.runs.push_back(scenario.runs.at(i));
  for (const ResearchScenario& r : ps.research) {
    if (r.ledger) {
      p.research.push_back(*r.ledger);
      continue;
    }
    // The multiplier's run is one of the program's runs, or a run of the
    // file costed only as the base of the research: then it is a part of
    // the program's inputs without being one of its final runs.
    std::size_t at = ps.runs.size();
    for (std::size_t k = 0; k < ps.runs.size(); ++k)
      if (ps.runs[k] == *r.run)
        at = k;
    if (at == ps.runs.size())
      throw Error(ErrorCode::invalid_input, ps.path + ".research",
                  "the multiplier's run \"" + scenario.runs.at(*r.run).name +
                      "\" is not one of the program's runs; expected a run listed in " + ps.path +
                      ".runs");
    p.research.push_back(ResearchMultiplier{r.name, at, r.multiplier});
  }
  p.data = ps.data;
  p.staff = ps.staff;
  return p;
}

std::string location_key(const FieldPath& field) {
  std::string key;
  for (const FieldSegment& seg : field.segments()) {
    std::string k = seg.key;
    // Older library code writes a whole element as one key: "stages[0] (name)".
    if (!seg.index)
      if (const auto label = k.find(" ("); label != std::string::npos && k.back() == ')')
        k.erase(label);
    if (!key.empty() && !k.empty())
      key += '.';
    key += k;
    if (seg.index)
      ((key += '[') += std::to_string(*seg.index)) += ']';
  }
  return key;
}

Location locate(const Scenario& scenario, const FieldPath& field) {
  std::string key = location_key(field);
  while (!key.empty()) {
    if (auto it = scenario.locations.find(key); it != scenario.locations.end())
      return it->second;
    const auto cut = key.find_last_of(".[");
    if (cut == std::string::npos)
      break;
    key.erase(cut);
  }
  return {};
}

}  // namespace traincost::io
