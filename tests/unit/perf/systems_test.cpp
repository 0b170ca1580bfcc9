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
  // Ring step latencies: assumed, and said so (docs/step-time.md).
  EXPECT_DOUBLE_EQ(in_seconds(s.network.scale_up_latency), 2e-6);
  EXPECT_DOUBLE_EQ(in_seconds(s.network.scale_out_latency), 5e-6);
  EXPECT_EQ(s.network.latency_provenance.evidence, Evidence::assumed);
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
    for (const Efficiency* x : {&e.matmul, &e.matmul_fine_grained_fp8, &e.attention,
                                &e.memory_bound, &e.scale_up, &e.scale_out}) {
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

TEST(Systems, BlockScaledFp8GemmsAreSlowerOnHopperOnly) {
  // DeepGEMM's grouped MoE shapes on H800 (docs/sources.md §15 J): 0.66 of
  // the FP8 peak, below the plain-FP8 0.78 of §15 I.
  const EfficiencyParameters h = h800_hgx_cluster().efficiency;
  EXPECT_DOUBLE_EQ(h.matmul_fine_grained_fp8.value, 0.66);
  EXPECT_DOUBLE_EQ(h.matmul.value, 0.78);
  EXPECT_EQ(h.matmul_fine_grained_fp8.provenance.evidence, Evidence::derived);
  EXPECT_NE(h.matmul_fine_grained_fp8.provenance.source.find("§15 J"), std::string::npos);
  // No measurement off Hopper: the plain value is kept, and said to be assumed.
  const EfficiencyParameters a = selene_a100_80gb().efficiency;
  EXPECT_DOUBLE_EQ(a.matmul_fine_grained_fp8.value, a.matmul.value);
  EXPECT_EQ(a.matmul_fine_grained_fp8.provenance.evidence, Evidence::assumed);
}

}  // namespace
}  // namespace traincost::perf
