// The scenario reader: [serving] / [[serving]]: inference deployments.
#include "detail/scenario_builder.hpp"

namespace traincost::io::detail_reader {

void ScenarioBuilder::serving(const toml::table& t, const std::string& path) {
  r_.check_keys(t, path,
                {"name", "accelerator", "accelerators", "nodes", "accelerators_per_node",
                 "wall_clock_hours", "wall_clock_days", "tokens_served",
                 "tokens_per_second_per_accelerator", "price", "evidence", "source"});
  const std::size_t di = s_.serving.size();
  auto slot = [di](Scenario& s) -> ServingDeployment& { return s.serving[di]; };
  ServingDeployment d;
  d.name = r_.optional_string(t, path, "name").value_or("serving");
  // Inputs are read under the deployment's name, as runs' are under theirs:
  // one name must not stand for two models.
  const toml::node* name_node = t.get("name");
  auto clash = [&](const std::string& other_path) {
    r_.fail(ErrorCode::invalid_input, name_node ? name_node->source() : t.source(), path + ".name",
            "got \"" + d.name + "\", also the name of " + other_path,
            "a name no other [[serving]] or [[run]] table uses");
  };
  for (std::size_t i = 0; i < s_.serving.size(); ++i)
    if (s_.serving[i].name == d.name)
      clash(s_.serving_paths[i]);
  for (std::size_t i = 0; i < s_.runs.size(); ++i)
    if (s_.runs[i].name == d.name)
      clash(s_.run_paths[i]);
  const std::string model = d.name;

  d.accelerator =
      find_spec(*r_.required(t, path, "accelerator", "an accelerator name, e.g. \"h800\""),
                path + ".accelerator");
  // How many: an average count of accelerators, or nodes x accelerators per
  // node (DeepSeek's disclosure: an average 226.75 nodes of 8 GPUs).
  const toml::node* count = t.get("accelerators");
  const toml::node* nodes = t.get("nodes");
  if (count && nodes)
    r_.fail(ErrorCode::invalid_input, nodes->source(), path + ".nodes",
            "got both accelerators and nodes",
            "one of them: accelerators, or nodes with accelerators_per_node");
  if (!count && !nodes)
    r_.required(t, path, "accelerators",
                "the accelerators held (on average), or nodes and accelerators_per_node");
  const std::size_t before = s_.uncertain.size();
  if (count) {
    d.accelerators = accelerators(
        value_or_range(*count, path + ".accelerators", "number of accelerators", "accelerators",
                       [slot](Scenario& s, double x) { slot(s).accelerators = accelerators(x); }));
    model_input(before, model + ".accelerators", 1.0);
  } else {
    const double per_node = r_.whole_in_range(
        *r_.required(t, path, "accelerators_per_node", "accelerators in each node, e.g. 8"),
        path + ".accelerators_per_node", 1, limits::max_accelerators_per_server,
        "a whole number of accelerators per node");
    d.accelerators =
        accelerators(per_node * value_or_range(*nodes, path + ".nodes", "number of nodes", "nodes",
                                               [slot, per_node](Scenario& s, double x) {
                                                 slot(s).accelerators = accelerators(x * per_node);
                                               }));
    model_input(before, model + ".accelerators", per_node);
  }
  if (const toml::node* per_node = t.get("accelerators_per_node"); per_node && !nodes)
    r_.fail(ErrorCode::invalid_input, per_node->source(), path + ".accelerators_per_node",
            "got accelerators_per_node without nodes", "nodes beside it");

  // How long: a wall-clock period, or tokens at a throughput per accelerator.
  const toml::node* wh = t.get("wall_clock_hours");
  const toml::node* wd = t.get("wall_clock_days");
  const toml::node* rate = t.get("tokens_per_second_per_accelerator");
  const toml::node* served = t.get("tokens_served");
  const int given = (wh ? 1 : 0) + (wd ? 1 : 0) + (rate ? 1 : 0);
  if (given == 0)
    r_.fail(ErrorCode::invalid_input, t.source(), path + ".wall_clock_hours", "missing",
            "one of wall_clock_hours, wall_clock_days, or tokens_served with "
            "tokens_per_second_per_accelerator");
  if (given > 1) {
    const toml::node* second = rate ? rate : wd;
    r_.fail(ErrorCode::invalid_input, second->source(), path,
            "got more than one of wall_clock_hours, wall_clock_days, "
            "tokens_per_second_per_accelerator",
            "one way to give how long the deployment serves");
  }
  const std::size_t before_usage = s_.uncertain.size();
  if (wh) {
    d.usage = hours(value_or_range(*wh, path + ".wall_clock_hours", "number of hours", "hours",
                                   [slot](Scenario& s, double x) { slot(s).usage = hours(x); }));
    model_input(before_usage, model + ".wall_clock_hours", unit_scale::seconds_per_hour);
  } else if (wd) {
    d.usage = days(value_or_range(*wd, path + ".wall_clock_days", "number of days", "days",
                                  [slot](Scenario& s, double x) { slot(s).usage = days(x); }));
    model_input(before_usage, model + ".wall_clock_hours", unit_scale::seconds_per_day);
  }
  if (rate) {
    auto tokens_of = [slot](Scenario& s) -> ServedTokens& {
      return std::get<ServedTokens>(slot(s).usage);
    };
    const double n =
        value_or_range(*r_.required(t, path, "tokens_served",
                                    "the tokens served, beside tokens_per_second_per_accelerator"),
                       path + ".tokens_served", "number of tokens", "tokens",
                       [tokens_of](Scenario& s, double x) { tokens_of(s).tokens = tokens(x); });
    model_input(before_usage, model + ".tokens_served", 1.0);
    const std::size_t before_rate = s_.uncertain.size();
    const double r =
        value_or_range(*rate, path + ".tokens_per_second_per_accelerator",
                       "number of tokens per second per accelerator",
                       "tokens per second per accelerator", [tokens_of](Scenario& s, double x) {
                         tokens_of(s).throughput = tokens_per_second_per_accelerator(x);
                       });
    model_input(before_rate, model + ".tokens_per_second_per_accelerator", 1.0);
    d.usage = ServedTokens{tokens(n), tokens_per_second_per_accelerator(r)};
  } else if (served) {
    // Over a period the tokens only divide the cost: a plain number.
    d.tokens_served = tokens(r_.positive(*served, path + ".tokens_served", "number of tokens"));
  }
  d.price = price(
      *r_.required(t, path, "price", "a [serving.price] table with usd_per_gpu_hour"),
      path + ".price", [slot](Scenario& s) -> Sourced<GpuTimePrice>& { return slot(s).price; },
      model + ".price");
  d.usage_provenance = r_.provenance(t, path);
  s_.serving.push_back(std::move(d));
  s_.serving_paths.push_back(path);
}

}  // namespace traincost::io::detail_reader
