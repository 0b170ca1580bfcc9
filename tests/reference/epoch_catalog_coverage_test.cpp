// The catalog holds every accelerator of Epoch AI's frontier list (issue 13,
// point 5; docs/corpus.md §10, docs/sources.md §12): at top-n 10 on the
// shipped extract, every hardware name of every selected model — its own or
// the imputed one, each name of a mixed cluster — resolves through the
// catalog's aliases (Epoch's hardware names) or, for Epoch's two family names
// "NVIDIA A100" and "NVIDIA V100", through corpus/catalog_names.hpp. Before
// the FP32 precision and the rows for the K80, K40t, M40, GTX TITAN X and
// Ascend 910, 15 of the 89 models had hardware outside it.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "traincost/corpus/catalog_names.hpp"
#include "traincost/corpus/pipeline.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost/io/epoch.hpp"

namespace {

using namespace traincost;
using namespace traincost::corpus;
namespace ep = traincost::io::epoch;

const Record& shipped() {
  static const Record r =
      ep::read_record(ep::Paths::in(std::string(TRAINCOST_SOURCE_DIR) + "/data/epoch"));
  return r;
}

/// "A,B" -> {"A", "B"}; Epoch separates the parts of a mixed cluster by commas.
std::vector<std::string> hardware_names(const std::string& hardware) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < hardware.size()) {
    std::size_t comma = hardware.find(',', start);
    if (comma == std::string::npos)
      comma = hardware.size();
    std::string name = hardware.substr(start, comma - start);
    while (!name.empty() && name.front() == ' ')
      name.erase(name.begin());
    while (!name.empty() && name.back() == ' ')
      name.pop_back();
    if (!name.empty())
      out.push_back(name);
    start = comma + 1;
  }
  return out;
}

TEST(EpochCatalogCoverage, EveryFrontierModelsHardwareIsInTheCatalog) {
  const CorpusResult r = cost_corpus(shipped(), CorpusOptions{});
  ASSERT_EQ(r.models.size(), 89u);
  std::set<std::string> names;
  std::map<std::string, std::vector<std::string>> outside;  // hardware name -> models
  std::size_t without_hardware = 0, by_family = 0;
  for (const CostedModel& m : r.models) {
    const auto parts = hardware_names(m.hardware);
    if (parts.empty())
      ++without_hardware;
    for (const std::string& name : parts) {
      names.insert(name);
      const auto match = catalog_match(name);
      if (!match)
        outside[name].push_back(m.record->name);
      else
        by_family += match->family;
    }
  }
  for (const auto& [name, models] : outside)
    ADD_FAILURE() << name << " (" << models.size() << " models, e.g. " << models.front()
                  << ") is not in the catalog";
  EXPECT_TRUE(outside.empty());
  // The 18 names of the list (after imputation); a change in the data or the
  // selection shows here.
  EXPECT_EQ(names.size(), 18u);
  // 19 names resolve through a family name: NVIDIA A100 17, NVIDIA V100 2.
  EXPECT_EQ(by_family, 19u);
  // Every selected model has hardware (its own or imputed), so the check
  // above covers all 89.
  EXPECT_EQ(without_hardware, 0u);
}

// The five rows this gap was about, each under the name the frontier list uses,
// with the number of frontier models that name it.
TEST(EpochCatalogCoverage, ThePreVoltaGpusAndTheAscend910ResolveUnderEpochsNames) {
  const CorpusResult r = cost_corpus(shipped(), CorpusOptions{});
  std::map<std::string, int> uses;
  for (const CostedModel& m : r.models)
    for (const std::string& name : hardware_names(m.hardware))
      ++uses[name];
  const std::map<std::string, std::pair<std::string, int>> expected = {
      {"NVIDIA GeForce GTX TITAN X", {"GeForce GTX TITAN X", 7}},
      {"NVIDIA Tesla K80", {"Tesla K80", 3}},
      {"NVIDIA M40", {"Tesla M40", 2}},
      {"NVIDIA Tesla K40t", {"Tesla K40t", 1}},
      {"Huawei Ascend 910", {"Ascend 910", 2}},
  };
  for (const auto& [epoch_name, ours] : expected) {
    EXPECT_EQ(uses[epoch_name], ours.second) << epoch_name;
    const CatalogEntry* e = find_accelerator(epoch_name);
    ASSERT_NE(e, nullptr) << epoch_name;
    EXPECT_EQ(e->spec.name, ours.first);
  }
  // Their peaks are the FP32 ones Epoch's chip data gives (the Ascend's FP16).
  EXPECT_DOUBLE_EQ(in_tflop_per_second(accelerator("NVIDIA M40").peak(Precision::fp32)), 6.832);
  EXPECT_DOUBLE_EQ(
      in_tflop_per_second(accelerator("NVIDIA GeForce GTX TITAN X").peak(Precision::fp32)), 6.691);
}

}  // namespace
