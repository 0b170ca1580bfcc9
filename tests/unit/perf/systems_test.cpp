// The named systems: catalog accelerators, networks per docs/sources.md §1,
// §5 and §15, and every efficiency with its provenance.
#include "traincost/perf/systems.hpp"

#include <gtest/gtest.h>

namespace traincost::perf {
namespace {

TEST(Systems, SeleneIsDgxA100WithHdrInfiniband) {
  const TrainingSystem s = selene_a100_80gb();
  EXPECT_EQ(s.accelerator.name, "A100 SXM4 80GB");
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(s.network.scale_up), 300.0);
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(s.network.scale_out), 25.0);  // 8 x 200 Gb/s / 8
  EXPECT_EQ(s.network.scale_up_domain, 8);
  EXPECT_EQ(s.network.provenance.evidence, Evidence::published);
  EXPECT_DOUBLE_EQ(s.efficiency.matmul.value, 0.86);
}

TEST(Systems, H800HasHalfTheH100sNvlink) {
  const TrainingSystem h800 = h800_hgx_cluster();
  const TrainingSystem h100 = h100_hgx_cluster();
  EXPECT_EQ(h800.accelerator.name, "H800 SXM");
  EXPECT_EQ(h100.accelerator.name, "H100 SXM");
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(h800.network.scale_up), 200.0);  // 400 bidirectional
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(h100.network.scale_up), 450.0);  // 900 bidirectional
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(h800.network.scale_out), 50.0);  // 400 Gb/s
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(h100.network.scale_out), 50.0);
  // Hopper's large GEMMs run further from peak than the A100's.
  EXPECT_DOUBLE_EQ(h800.efficiency.matmul.value, 0.78);
  EXPECT_DOUBLE_EQ(h100.efficiency.matmul.value, 0.78);
  EXPECT_TRUE(is_hopper(h800.accelerator));
  EXPECT_FALSE(is_hopper(selene_a100_80gb().accelerator));
}

TEST(Systems, EveryParameterCarriesItsProvenance) {
  for (const TrainingSystem& s : {selene_a100_80gb(), h800_hgx_cluster(), h100_hgx_cluster()}) {
    const EfficiencyParameters& e = s.efficiency;
    for (const Efficiency* x :
         {&e.matmul, &e.attention, &e.memory_bound, &e.scale_up, &e.scale_out}) {
      EXPECT_GT(x->value, 0.0);
      EXPECT_LE(x->value, 1.0);
      EXPECT_FALSE(x->provenance.source.empty());
      EXPECT_NE(x->provenance.evidence, Evidence::published);  // fitted or assumed, said so
    }
    EXPECT_FALSE(e.matmul_size_provenance.source.empty());
    EXPECT_EQ(s.reserved_memory_provenance.evidence, Evidence::assumed);
    EXPECT_GT(in_gigabytes(s.reserved_memory), 0.0);
  }
  // The fitted ones say on what.
  EXPECT_EQ(default_efficiencies().matmul.provenance.evidence, Evidence::derived);
  EXPECT_NE(default_efficiencies().matmul.provenance.source.find("Korthikanti"), std::string::npos);
  EXPECT_EQ(default_efficiencies().memory_bound.provenance.evidence, Evidence::derived);
}

}  // namespace
}  // namespace traincost::perf
