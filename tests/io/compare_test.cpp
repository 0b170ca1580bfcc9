// Variants and comparisons in-process (the command end to end is in
// tests/cli/compare_test.cpp): how a variant is merged into its base, what
// happens to the base's provenance, where its errors are placed, and the
// Fire-Flyer 2 scenario against the C++ reference.
#include "traincost/io/compare.hpp"

#include <gtest/gtest.h>

#include <string>

#include "traincost/reference/fire_flyer.hpp"

namespace traincost::io {
namespace {

constexpr const char* base = R"(name = "base"
[run]
name = "V3"
[run.cluster]
accelerator = "h800"
count = 2048
[run.price]
usd_per_gpu_hour = 2.0
evidence = "published"
source = "the paper"
[[run.stages]]
name = "pre-training"
gpu_hours = 2_664_000
evidence = "published"
source = "Table 1"
[[run.stages]]
name = "context extension"
gpu_hours = 119_000
)";

double hours_of(const Stage& s) {
  return in_gpu_hours(std::get<GpuTime>(s.usage));
}

std::vector<Configuration> read(const std::string& variants) {
  return parse_configurations(std::string(base) + variants, "v.toml");
}

TEST(Variants, AFileWithoutVariantsIsOneConfigurationReadAsEstimateReadsIt) {
  const auto c = read("");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].name, "base");
  EXPECT_FALSE(c[0].variant);
  EXPECT_DOUBLE_EQ(hours_of(c[0].scenario.runs[0].stages[1]), 119'000.0);
}

TEST(Variants, FieldsAreMergedKeyByKeyAndElementsPickedByIndexOrName) {
  const auto c = read(R"(
[[variant]]
name = "H100"
run.cluster.accelerator = "H100 SXM"
[variant.run.stages."context extension"]
gpu_hours = 100_000
[[variant]]
name = "more"
run.stages.0.gpu_hours = 3e6
)");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[1].name, "H100");
  EXPECT_EQ(c[1].variant, 0u);
  const TrainingRun& h100 = c[1].scenario.runs[0];
  EXPECT_EQ(h100.cluster.accelerator().name, "H100 SXM");
  EXPECT_EQ(h100.cluster.count(), accelerators(2048));  // kept from the base
  EXPECT_DOUBLE_EQ(hours_of(h100.stages[0]), 2'664'000.0);
  EXPECT_DOUBLE_EQ(hours_of(h100.stages[1]), 100'000.0);
  EXPECT_DOUBLE_EQ(hours_of(c[2].scenario.runs[0].stages[0]), 3e6);
  // The base is untouched by its variants.
  EXPECT_DOUBLE_EQ(hours_of(c[0].scenario.runs[0].stages[1]), 119'000.0);
  EXPECT_EQ(c[0].scenario.runs[0].cluster.accelerator().name, "H800 SXM");
}

TEST(Variants, AChangedFigureLosesTheBasesSourceUnlessTheVariantRestatesIt) {
  const auto c = read(R"(
[[variant]]
name = "at $3"
run.price.usd_per_gpu_hour = 3.0
[[variant]]
name = "at $3, sourced"
run.price = { usd_per_gpu_hour = 3.0, evidence = "analyst_estimate", source = "a quote" }
[[variant]]
name = "renamed"
run.stages.0.name = "pre"
)");
  ASSERT_EQ(c.size(), 4u);
  const auto price = [&](std::size_t i) { return c[i].scenario.runs[0].price.provenance; };
  EXPECT_EQ(price(0).evidence, Evidence::published);
  EXPECT_EQ(price(1).evidence, Evidence::assumed);  // $3 is not "the paper"'s figure
  EXPECT_EQ(price(1).source.find("the paper"), std::string::npos);
  EXPECT_EQ(price(2).evidence, Evidence::analyst_estimate);
  EXPECT_EQ(price(2).source, "a quote");
  // A new name is not a new figure: the stage keeps its source.
  const Stage& renamed = c[3].scenario.runs[0].stages[0];
  EXPECT_EQ(renamed.name, "pre");
  EXPECT_EQ(renamed.usage_provenance.evidence, Evidence::published);
}

TEST(Variants, TheNearestTableWithASourceLosesItWhenAFigureInsideChanges) {
  // A range's bound is a figure of the price: the price table loses its
  // source, though the range table itself states none.
  const auto c = parse_configurations(R"(name = "base"
[run]
name = "V3"
cluster = { accelerator = "h800", count = 2048 }
price = { usd_per_gpu_hour = { low = 1.5, high = 3.5 }, evidence = "published", source = "p" }
[[run.stages]]
name = "pre-training"
gpu_hours = 2_664_000
[[variant]]
name = "wider"
run.price.usd_per_gpu_hour.high = 5.0
)",
                                      "r.toml");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].scenario.runs[0].price.provenance.evidence, Evidence::published);
  EXPECT_EQ(c[1].scenario.runs[0].price.provenance.evidence, Evidence::assumed);
  ASSERT_EQ(c[1].scenario.uncertain.size(), 1u);
  EXPECT_EQ(c[1].scenario.uncertain[0].parameters.at(1).second, 5.0);
}

TEST(Variants, ErrorsNameTheVariantAndPointAtItsLine) {
  try {
    (void)read("[[variant]]\nname = \"bad\"\nrun.cluster.count = 0\n");
    FAIL() << "a count of 0 was accepted";
  } catch (const ScenarioError& e) {
    // base has 18 lines: [[variant]] is line 19, the count line 21.
    EXPECT_EQ(e.where().line, 21u);
    EXPECT_EQ(e.where().column, 21u);
    EXPECT_EQ(e.field(),
              FieldPath("variant").element(0, "bad").key("run").key("cluster").key("count"));
    EXPECT_EQ(e.code(), ErrorCode::invalid_value);
    EXPECT_EQ(e.value(), "0");
  }
  try {
    (void)read("[[variant]]\nname = \"bad\"\nunset = [\"run.nothing\"]\n");
    FAIL() << "an unset of an unknown field was accepted";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.where().line, 21u);
    EXPECT_EQ(e.field(), FieldPath("variant").element(0, "bad").key("unset").element(0));
    EXPECT_EQ(e.code(), ErrorCode::unknown_name);
  }
}

TEST(Compare, MeasuresAreDifferencesAndRatiosAgainstTheFirstConfiguration) {
  ComparedMeasure m{"usd", "cost", "USD", {100.0, 150.0, std::nullopt}};
  EXPECT_DOUBLE_EQ(*m.difference(1), 50.0);
  EXPECT_DOUBLE_EQ(*m.ratio(1), 1.5);
  EXPECT_FALSE(m.difference(2));
  EXPECT_FALSE(m.ratio(2));
  ComparedMeasure zero{"usd", "cost", "USD", {0.0, 5.0}};
  EXPECT_DOUBLE_EQ(*zero.difference(1), 5.0);
  EXPECT_FALSE(zero.ratio(1));  // no ratio to nothing
  EXPECT_EQ(configuration_id(0), "A");
  EXPECT_EQ(configuration_id(25), "Z");
  EXPECT_EQ(configuration_id(26), "AA");
}

TEST(Compare, ResultsOfDifferentScopesAreFlagged) {
  const auto c = read(R"(
[[variant]]
name = "owned"
unset = ["run.price"]
run.ownership_cost = { usd_per_gpu_hour = 1.2 }
)");
  const Comparison cmp = compare(c);
  ASSERT_EQ(cmp.results.size(), 1u);
  EXPECT_FALSE(cmp.results[0].same_scope());
  const std::string table = render_comparison(cmp, Format::table);
  EXPECT_NE(table.find("scopes differ: A final run (rental-equivalent), B final run (ownership"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("note: the configurations give this result different scopes"),
            std::string::npos);
}

TEST(Compare, TheFireFlyerScenarioIsTheReferenceComparison) {
  // examples/scenarios/fire_flyer_2.toml against reference/fire_flyer.hpp:
  // the same capex and power on both sides (docs/sources.md §4, §6).
  const Comparison cmp = compare(read_configurations(std::string(TRAINCOST_SOURCE_DIR) +
                                                     "/examples/scenarios/fire_flyer_2.toml"));
  const reference::FireFlyerComparison ref = reference::compare_fire_flyer_2();
  ASSERT_EQ(cmp.results.size(), 1u);
  const auto& measures = cmp.results[0].measures;
  auto value = [&](const std::string& key, std::size_t i) {
    for (const auto& m : measures)
      if (m.key == key)
        return *m.values.at(i);
    ADD_FAILURE() << key;
    return 0.0;
  };
  EXPECT_NEAR(value("usd", 0), in_usd(ref.dgx.total), 1e-3);
  EXPECT_NEAR(value("usd", 1), in_usd(ref.fire_flyer.total), 1e-3);
  EXPECT_NEAR(value("it_power_kw", 0), in_kilowatts(ref.dgx.it_power), 1e-9);
  EXPECT_NEAR(value("it_power_kw", 1), in_kilowatts(ref.fire_flyer.it_power), 1e-9);
  EXPECT_NEAR(value("usd", 1) / value("usd", 0), ref.cost_ratio, 1e-12);
}

}  // namespace
}  // namespace traincost::io
