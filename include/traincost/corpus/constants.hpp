#pragma once
/// \file
/// Every constant of Epoch AI's training-cost method as a named, overridable
/// parameter with its provenance. Values are those of
/// `cost_analysis_standalone.py` in `epoch-research/training-cost-trends` at
/// commit 263c40a, which follows Cottier et al. 2024 (arXiv 2405.21015);
/// docs/sources.md §7 and §12. They are Epoch's modelling choices, so their
/// evidence is `analyst_estimate`, not `published` fact. Tables that depend on
/// the hardware are matched by substring of the hardware name, first match
/// first, exactly as the script does ("A100" matches every A100 variant).

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "traincost/core/provenance.hpp"

namespace traincost::corpus {

/// Where every constant below comes from.
inline Provenance epoch_method(const std::string& name) {
  return analyst_estimate("Epoch AI, training-cost-trends @ 263c40a (" + name +
                          "); Cottier et al. 2024, arXiv 2405.21015; docs/sources.md §12");
}

/// A named number with its source.
struct Parameter {
  double value = 0;
  Provenance provenance;
};

/// A value chosen by a substring of the hardware (or organization) name.
struct ByName {
  std::string contains;
  double value = 0;
};

/// A table keyed by name substrings, first match first, with a default.
struct NameTable {
  std::vector<ByName> rows;
  double otherwise = 0;
  Provenance provenance;

  double at(const std::string& name) const {
    for (const ByName& r : rows)
      if (name.find(r.contains) != std::string::npos)
        return r.value;
    return otherwise;
  }
};

/// The method's constants. Construct, change any field, pass it on.
struct EpochConstants {
  /// Share of the whole cluster's cost that is cluster-level interconnect:
  /// a cost C of servers becomes C / (1 - 0.19).
  Parameter interconnect_share{0.19, epoch_method("CLUSTER_INTERCONNECT_COST_FRACTION")};
  /// MFU assumed where a row has none and chip-hours come from FLOP (median of 33 known values).
  Parameter median_mfu{0.375, epoch_method("MEDIAN_UTILIZATION")};
  /// Training time assumed where a row has none (median of the running top-10), in days.
  Parameter median_training_days{793.5 / 24, epoch_method("MEDIAN_TRAINING_TIME_DAYS")};
  /// Price-performance progress of ML GPUs, orders of magnitude per year: the
  /// depreciation of hardware value, and (× ln 10) the optimal replacement rate.
  Parameter price_performance_ooms_per_year{0.14,
                                            epoch_method("ML_GPU_PRICE_PERFORMANCE_OOMS_PER_YEAR")};
  /// Hours in the amortization year (365.25 days).
  Parameter hours_per_year{8766, epoch_method("HOURS_PER_YEAR")};
  /// Days between the end of training and publication.
  Parameter publication_gap_days{60, epoch_method("get_training_start_date buffer")};
  /// Days between acquiring hardware (or renting it) and starting training.
  Parameter acquisition_gap_days{60, epoch_method("get_acquisition_date buffer")};
  /// Days after a GPU's release before anyone is assumed to own it.
  Parameter release_to_acquisition_days{90, epoch_method("find_hardware_acquisition_price buffer")};

  /// Server cost / chip cost: scales a single-chip price to its share of a server.
  NameTable server_overhead{{{"A100", 1.66}, {"V100", 1.69}, {"P100", 1.54}},
                            1.64,
                            epoch_method("get_server_cost_overhead")};
  /// Server power / chip TDP.
  NameTable chip_to_server_power{{{"TPU v1", 2.93},
                                  {"TPU v2", 1.64},
                                  {"TPU v3", 1.47},
                                  {"TPU", 1.56},
                                  {"H100", (10.2 / 8) / 0.7},
                                  {"A100", (6.5 / 8) / 0.4},
                                  {"V100", ((10.0 / 16) / 0.3 + (1.5 / 4) / 0.3) / 2}},
                                 1.8,
                                 epoch_method("chip_to_server_power")};
  /// Average power during training as a fraction of the server's TDP.
  NameTable average_power_fraction{{{"TPU", 0.43}}, 0.75, epoch_method("server_TDP_fraction")};
  /// Power usage effectiveness by organization: hyperscalers 1.1, others 1.25
  /// (matched on the lower-cased organization).
  NameTable pue{{{"google", 1.1},
                 {"deepmind", 1.1},
                 {"microsoft", 1.1},
                 {"amazon", 1.1},
                 {"meta", 1.1},
                 {"facebook", 1.1}},
                1.25,
                epoch_method("power_usage_effectiveness")};
  /// Average US industrial electricity price by year, USD per kWh.
  std::map<int, double> electricity_usd_per_kwh{
      {2010, 0.0677}, {2011, 0.0682}, {2012, 0.0667}, {2013, 0.0689},
      {2014, 0.0710}, {2015, 0.0691}, {2016, 0.0676}, {2017, 0.0688},
      {2018, 0.0692}, {2019, 0.0681}, {2020, 0.0667}, {2021, 0.0718},
      {2022, 0.0832}, {2023, 0.0806}, {2024, 0.0771}, {2025, 0.0826}};
  Provenance electricity_provenance = epoch_method("energy_price");
  /// Server lifetime by year (3 years to 2020, 4 in 2021-22, 5 from 2023).
  /// Epoch's script defines it but none of the three methods uses it at
  /// 263c40a (amortization uses the replacement rate); kept for the record.
  std::vector<std::pair<int, double>> server_lifetime_years{{2020, 3}, {2022, 4}, {9999, 5}};
  /// Chip TDP assumed for TPU v4 when the chip data has none (W); the
  /// snapshot at 263c40a gives 170 W, so this is unused there.
  Parameter tpu_v4_tdp_w{373, epoch_method("cluster_energy_cost, TPU v4 TDP")};
  /// TPU "equivalent" purchase prices per chip at release (TPUs are not sold).
  std::map<std::string, double> tpu_equivalent_price_usd{{"Google TPU v1", 5463},
                                                         {"Google TPU v2", 5054},
                                                         {"Google TPU v3", 5276},
                                                         {"Google TPU v4", 5167}};
  Provenance tpu_price_provenance = epoch_method("TPU_EQUIVALENT_RELEASE_PRICES");
  /// Hardware names that match a purchase price by a short alias (first
  /// alias contained in the name wins).
  std::vector<std::string> gpu_price_aliases{"A100",      "V100",       "H100",    "P100",
                                             "K80",       "K40",        "Titan X", "GTX 580",
                                             "GTX TITAN", "Titan Black"};
  /// Training start dates fixed by hand where the publication gap is
  /// abnormal: name pattern, start date, whether the row's own training time
  /// is subtracted from it, whether the pattern must equal the name.
  struct StartOverride {
    std::string pattern;
    std::string start;
    bool minus_training_time = false;
    bool exact = false;
  };
  std::vector<StartOverride> start_overrides{{"Gemini 1.0 Ultra", "2023-05-10", false, false},
                                             {"GPT-4", "2022-08-15", true, true},
                                             {"GPT-3.5", "2022-03-14", false, false},
                                             {"GPT-3", "2019-10-01", false, false}};
  Provenance start_override_provenance = epoch_method("get_training_start_date special cases");

  double server_lifetime_hours(int year) const {
    for (const auto& [until, lifetime] : server_lifetime_years)
      if (year <= until)
        return lifetime * hours_per_year.value;
    return server_lifetime_years.back().second * hours_per_year.value;
  }
};

}  // namespace traincost::corpus
