#include "traincost/hardware/catalog.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace traincost {
namespace {

// Figures: docs/sources.md §5 (vendor data sheets, dense peaks).
// Every stored figure is exact, so the tolerance is a double's rounding.

TEST(Catalog, HoldsEveryRequiredAccelerator) {
  for (const char* name : {"V100 SXM2 32GB", "A100 SXM4 40GB", "A100 SXM4 80GB", "A100 PCIe 40GB",
                           "A100 PCIe 80GB", "H100 SXM", "H100 PCIe", "H800 SXM", "H20", "H200 SXM",
                           "B200", "MI300X", "TPU v4", "TPU v5p"}) {
    EXPECT_NE(find_accelerator(name), nullptr) << name;
  }
  EXPECT_EQ(catalog().size(), 26u);  // 14 + the 12 older rows of Epoch's frontier list
}

TEST(Catalog, NamesAndAliasesAreUnique) {
  std::set<std::string> keys;
  for (const auto& e : catalog()) {
    EXPECT_TRUE(keys.insert(detail::normalize_name(e.spec.name)).second) << e.spec.name;
    for (const auto& a : e.aliases)
      EXPECT_TRUE(keys.insert(detail::normalize_name(a)).second) << a;
  }
}

TEST(Catalog, EveryEntryCitesASource) {
  for (const auto& e : catalog()) {
    EXPECT_FALSE(e.spec.provenance.source.empty()) << e.spec.name;
    EXPECT_GE(e.spec.year, 2013) << e.spec.name;  // the K40t
    EXPECT_GT(in_gigabytes(e.spec.memory), 0.0) << e.spec.name;
    // A 16-bit peak, INT8 for the inference-only TPU v1, or FP32 for the GPUs
    // before Volta (K40t, K80, M40, GTX TITAN X).
    EXPECT_TRUE(e.spec.peaks.has(Precision::bf16) || e.spec.peaks.has(Precision::int8) ||
                e.spec.peaks.has(Precision::fp32))
        << e.spec.name;
  }
}

// Every row against sources.md §5, figure by figure (dense TFLOP/s, GB, GB/s,
// W). -1 marks a figure the table does not give. Exact: stored as printed.
struct SheetRow {
  const char* name;
  double fp64, fp64_tensor, fp32, tf32, bf16, fp8, int8, memory_gb, bandwidth_gb_s, link_gb_s,
      tdp_w;
  int year;
};
constexpr SheetRow kSources5[] = {
    {"V100 SXM2 32GB", 7.8, -1, -1, -1, 125, -1, -1, 32, 900, 300, 300, 2017},
    {"A100 SXM4 40GB", 9.7, 19.5, -1, 156, 312, -1, -1, 40, 1555, 600, 400, 2020},
    {"A100 SXM4 80GB", 9.7, 19.5, -1, 156, 312, -1, -1, 80, 2039, 600, 400, 2020},
    {"A100 PCIe 40GB", 9.7, 19.5, -1, 156, 312, -1, -1, 40, 1555, 600, 250, 2020},
    {"A100 PCIe 80GB", 9.7, 19.5, -1, 156, 312, -1, -1, 80, 1935, 600, 300, 2021},
    {"H100 SXM", 34, 67, -1, 494.5, 989.5, 1979, -1, 80, 3350, 900, 700, 2022},
    {"H100 PCIe", 26, 51, -1, 378, 756, 1513, -1, 80, 2000, 600, 350, 2022},
    {"H800 SXM", 1, -1, -1, 494.5, 989.5, 1979, -1, 80, 3350, 400, 700, 2023},
    {"H20", 1, -1, -1, 74, 148, 296, -1, 96, 4000, 900, 400, 2024},
    {"H200 SXM", 34, 67, -1, 494.5, 989.5, 1979, -1, 141, 4800, 900, 700, 2024},
    {"B200", 37, -1, -1, 1125, 2250, 4500, -1, 180, 7700, 1800, 1000, 2024},
    {"MI300X", 81.7, 163.4, -1, 653.7, 1307, 2615, -1, 192, 5300, -1, 750, 2023},
    {"TPU v4", -1, -1, -1, -1, 275, -1, 275, 32, 1200, -1, 192, 2021},
    {"TPU v5p", -1, -1, -1, -1, 459, -1, 918, 95, 2765, 600, -1, 2023},
};

// The older accelerators of Epoch AI's frontier list, against Epoch's chip
// dataset (docs/sources.md §12), and Epoch's hardware names as aliases.
constexpr SheetRow kSources12[] = {
    {"TPU v1", -1, -1, -1, -1, -1, -1, 92, 8.589934592, 34, -1, 75, 2015},
    {"TPU v2", -1, -1, 3, -1, 45, -1, -1, 16, 600, -1, 280, 2017},
    {"TPU v3", -1, -1, -1, -1, 123, -1, -1, 32, 900, -1, 220, 2018},
    {"V100 DGXS 16GB", 8.1, -1, 16.2, -1, 125, -1, -1, 16, 897, 300, 250, 2018},
    {"V100 DGXS 32GB", 7.834, -1, 15.67, -1, 125, -1, -1, 32, 897, 300, 250, 2018},
    {"V100S PCIe 32GB", 8.177, -1, 16.35, -1, 130, -1, -1, 32, 1130, -1, 250, 2019},
    {"P100 PCIe 16GB", 4.7, -1, 9.3, -1, 18.7, -1, -1, 16, 732, -1, 250, 2016},
    // Before Volta: FP64 and FP32 only. The K80's bandwidth is the board's
    // (two GPUs), not Epoch's per-GPU 241 GB/s; see the row's notes.
    {"Tesla K80", 2.742, -1, 8.126, -1, -1, -1, -1, 24, 480, -1, 300, 2014},
    {"Tesla K40t", 1.682, -1, 5.046, -1, -1, -1, -1, 12, 288.4, -1, 245, 2013},
    {"Tesla M40", 0.2135, -1, 6.832, -1, -1, -1, -1, 12, 288, -1, 250, 2015},
    {"GeForce GTX TITAN X", 0.2091, -1, 6.691, -1, -1, -1, -1, 12, 336.6, -1, 250, 2015},
    // FP16 in the 16-bit slot; memory from an analyst newsletter [A].
    {"Ascend 910", -1, -1, -1, -1, 256, -1, 512, 32, 1288, -1, 310, 2019},
};

void expect_peak(const AcceleratorSpec& s, Precision p, double tflops) {
  if (tflops < 0) {
    EXPECT_FALSE(s.peaks.has(p)) << s.name << " " << to_string(p);
  } else {
    ASSERT_TRUE(s.peaks.has(p)) << s.name << " " << to_string(p);
    EXPECT_DOUBLE_EQ(in_tflop_per_second(s.peak(p)), tflops) << s.name << " " << to_string(p);
  }
}

TEST(Catalog, EveryRowMatchesSources5) {
  for (const SheetRow& r : kSources5) {
    const AcceleratorSpec& s = accelerator(r.name);
    expect_peak(s, Precision::fp64, r.fp64);
    expect_peak(s, Precision::fp64_tensor, r.fp64_tensor);
    expect_peak(s, Precision::fp32, r.fp32);
    expect_peak(s, Precision::tf32, r.tf32);
    expect_peak(s, Precision::bf16, r.bf16);
    expect_peak(s, Precision::fp8, r.fp8);
    expect_peak(s, Precision::int8, r.int8);
    EXPECT_DOUBLE_EQ(in_gigabytes(s.memory), r.memory_gb) << r.name;
    EXPECT_DOUBLE_EQ(in_gigabytes_per_second(s.memory_bandwidth), r.bandwidth_gb_s) << r.name;
    EXPECT_EQ(s.scale_up_bandwidth.has_value(), r.link_gb_s >= 0) << r.name;
    if (s.scale_up_bandwidth) {
      EXPECT_DOUBLE_EQ(in_gigabytes_per_second(*s.scale_up_bandwidth), r.link_gb_s) << r.name;
    }
    EXPECT_EQ(s.tdp.has_value(), r.tdp_w >= 0) << r.name;
    if (s.tdp) {
      EXPECT_DOUBLE_EQ(in_watts_per_accelerator(*s.tdp), r.tdp_w) << r.name;
    }
    EXPECT_EQ(s.year, r.year) << r.name;
  }
}

TEST(Catalog, FrontierRowsMatchEpochsChipData) {
  for (const SheetRow& r : kSources12) {
    const AcceleratorSpec& s = accelerator(r.name);
    expect_peak(s, Precision::fp64, r.fp64);
    expect_peak(s, Precision::fp64_tensor, r.fp64_tensor);
    expect_peak(s, Precision::fp32, r.fp32);
    expect_peak(s, Precision::tf32, r.tf32);
    expect_peak(s, Precision::bf16, r.bf16);
    expect_peak(s, Precision::fp8, r.fp8);
    expect_peak(s, Precision::int8, r.int8);
    EXPECT_DOUBLE_EQ(in_gigabytes(s.memory), r.memory_gb) << r.name;
    EXPECT_DOUBLE_EQ(in_gigabytes_per_second(s.memory_bandwidth), r.bandwidth_gb_s) << r.name;
    EXPECT_EQ(s.scale_up_bandwidth.has_value(), r.link_gb_s >= 0) << r.name;
    EXPECT_DOUBLE_EQ(in_watts_per_accelerator(*s.tdp), r.tdp_w) << r.name;
    EXPECT_EQ(s.year, r.year) << r.name;
    EXPECT_NE(s.provenance.source.find("Epoch AI chip dataset"), std::string::npos) << r.name;
  }
  for (const auto& [epoch_name, ours] : {std::pair{"Google TPU v3", "TPU v3"},
                                         {"Google TPU v4", "TPU v4"},
                                         {"NVIDIA Tesla V100 DGXS 32 GB", "V100 DGXS 32GB"},
                                         {"NVIDIA A100 SXM4 40 GB", "A100 SXM4 40GB"},
                                         {"NVIDIA A100 SXM4 80 GB", "A100 SXM4 80GB"},
                                         {"NVIDIA H100 SXM5 80GB", "H100 SXM"},
                                         {"NVIDIA P100", "P100 PCIe 16GB"},
                                         {"NVIDIA Tesla K80", "Tesla K80"},
                                         {"NVIDIA Tesla K40t", "Tesla K40t"},
                                         {"NVIDIA M40", "Tesla M40"},
                                         {"NVIDIA GeForce GTX TITAN X", "GeForce GTX TITAN X"},
                                         {"Huawei Ascend 910", "Ascend 910"}})
    EXPECT_EQ(accelerator(epoch_name).name, ours) << epoch_name;
}

// sources.md §5 tags the H800's and the TPU v4's TDP [?] in otherwise [P] rows.
TEST(Catalog, AssumedTdpsAreMarked) {
  EXPECT_EQ(accelerator("h800").tdp_evidence, Evidence::assumed);
  EXPECT_EQ(accelerator("tpu v4").tdp_evidence, Evidence::assumed);
  EXPECT_EQ(accelerator("h20").tdp_evidence, Evidence::assumed);
  EXPECT_EQ(accelerator("h100 sxm").tdp_evidence, Evidence::published);
}

// The GPUs before Volta have an FP32 peak and nothing narrower: asking a K80
// for BF16 is an error that names what it has, never a silent fallback.
TEST(Catalog, K80HasAnFp32PeakAndNoBf16) {
  const AcceleratorSpec& k80 = accelerator("NVIDIA Tesla K80");
  EXPECT_DOUBLE_EQ(in_tflop_per_second(k80.peak(Precision::fp32)), 8.126);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(k80.peak(Precision::fp64)), 2.742);
  try {
    (void)k80.peak(Precision::bf16, "workload.training_precision");
    FAIL() << "a K80 has no BF16 peak";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::unsupported_precision);
    EXPECT_EQ(e.field(), FieldPath("workload.training_precision"));
    EXPECT_EQ(e.value(), "bf16");
    EXPECT_EQ(e.expected(), "a precision the Tesla K80 has a peak for (one of: fp64 fp32)");
  }
}

// Rows whose FP32 peak Epoch's chip data gives gained it; the §5 rows, whose
// sheets in docs/sources.md list no plain FP32 figure, did not.
TEST(Catalog, Fp32PeaksOnlyWhereSourced) {
  EXPECT_DOUBLE_EQ(in_tflop_per_second(accelerator("p100").peak(Precision::fp32)), 9.3);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(accelerator("tpu v2").peak(Precision::fp32)), 3.0);
  EXPECT_FALSE(accelerator("H100 SXM").peaks.has(Precision::fp32));
  EXPECT_FALSE(accelerator("A100 SXM4 80GB").peaks.has(Precision::fp32));
}

// The Ascend 910's memory is an analyst's figure, so the row is no stronger.
TEST(Catalog, Ascend910IsAnAnalystEstimate) {
  const AcceleratorSpec& a = accelerator("Huawei Ascend 910");
  EXPECT_EQ(a.provenance.evidence, Evidence::analyst_estimate);
  EXPECT_NE(a.provenance.source.find("Linley Group"), std::string::npos);
  EXPECT_DOUBLE_EQ(in_gigabytes(a.memory), 32.0);
  EXPECT_FALSE(a.peaks.has(Precision::fp32));
}

TEST(Catalog, LookupIgnoresCaseSpacesAndHyphens) {
  EXPECT_EQ(accelerator("h800").name, "H800 SXM");
  EXPECT_EQ(accelerator("H800-SXM").name, "H800 SXM");
  EXPECT_EQ(accelerator("a100-80gb").name, "A100 SXM4 80GB");
  EXPECT_EQ(accelerator("a100_pcie_40gb").name, "A100 PCIe 40GB");
  EXPECT_EQ(accelerator("tpu v5p").name, "TPU v5p");
  EXPECT_EQ(accelerator("mi300x").vendor, "AMD");
}

TEST(Catalog, H100AndH800DifferOnlyInLinksAndFp64) {
  // sources.md §5: H800 is an H100 SXM with NVLink cut to 400 GB/s [P, DeepSeek].
  const auto& h100 = accelerator("H100 SXM");
  const auto& h800 = accelerator("h800");
  EXPECT_DOUBLE_EQ(in_tflop_per_second(h800.peak(Precision::bf16)), 989.5);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(h800.peak(Precision::fp8)), 1979.0);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(h100.peak(Precision::bf16)),
                   in_tflop_per_second(h800.peak(Precision::bf16)));
  ASSERT_TRUE(h800.scale_up_bandwidth.has_value());
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(*h800.scale_up_bandwidth), 400.0);
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(*h100.scale_up_bandwidth), 900.0);
  EXPECT_LT(in_tflop_per_second(h800.peak(Precision::fp64)),
            in_tflop_per_second(h100.peak(Precision::fp64)));
}

TEST(Catalog, A100FiguresMatchTheDataSheet) {
  const auto& a = accelerator("A100 SXM4 80GB");
  EXPECT_DOUBLE_EQ(in_tflop_per_second(a.peak(Precision::bf16)), 312.0);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(a.peak(Precision::tf32)), 156.0);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(a.peak(Precision::fp64_tensor)), 19.5);
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(a.memory_bandwidth), 2039.0);
  ASSERT_TRUE(a.tdp.has_value());
  EXPECT_DOUBLE_EQ(in_watts_per_accelerator(*a.tdp), 400.0);
  EXPECT_EQ(accelerator("A100 PCIe 40GB").form_factor, FormFactor::pcie);
}

TEST(Catalog, UnverifiedRowsAreMarkedAssumed) {
  // sources.md §5 tags the whole H20 row [?].
  EXPECT_EQ(accelerator("h20").provenance.evidence, Evidence::assumed);
  EXPECT_EQ(accelerator("h100 sxm").provenance.evidence, Evidence::published);
  // The TPU v5p TDP is not published: absent, not invented.
  EXPECT_FALSE(accelerator("tpu v5p").tdp.has_value());
}

TEST(Catalog, AmbiguousBareNamesAreErrorsListingTheVariants) {
  try {
    accelerator("a100");
    FAIL() << "a100 is ambiguous";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::unknown_name);
    const std::string what = e.what();
    EXPECT_NE(what.find("\"a100\""), std::string::npos) << what;
    EXPECT_NE(what.find("A100 SXM4 40GB"), std::string::npos) << what;
    EXPECT_NE(what.find("A100 PCIe 80GB"), std::string::npos) << what;
  }
  // Since the V100 variants of Epoch's frontier list joined, "v100" is one of these too.
  try {
    accelerator("v100");
    FAIL() << "v100 is ambiguous";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("V100 SXM2 32GB"), std::string::npos) << what;
    EXPECT_NE(what.find("V100 DGXS"), std::string::npos) << what;
  }
}

TEST(Catalog, UnknownNameSuggestsClosest) {
  try {
    accelerator("H900");
    FAIL();
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("closest known names: H800 SXM"), std::string::npos) << what;
  }
  EXPECT_EQ(find_accelerator(""), nullptr);
  EXPECT_EQ(closest_accelerator_names("mi300", 1).front(), "MI300X");
}

TEST(Catalog, UnknownNameErrorCarriesValueAndExpected) {
  try {
    accelerator("H900");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::unknown_name);
    EXPECT_EQ(e.field(), FieldPath("accelerator"));
    EXPECT_EQ(e.value(), "\"H900\"");
    EXPECT_EQ(e.expected(), expected_accelerator_text("H900"));
    EXPECT_EQ(e.expected().rfind("an accelerator in the catalog; closest known names: H800 SXM", 0),
              0U)
        << e.expected();
    EXPECT_EQ(e.message(), "got \"H900\", expected " + e.expected());
  }
}

}  // namespace
}  // namespace traincost
