#pragma once
/// \file
/// Epoch AI's three training-cost methods as traincost models, each with its
/// scope (docs/corpus.md, docs/sources.md §7 and §12):
///
/// | method | scope | what it counts |
/// |---|---|---|
/// | cloud rental | final run (rental-equivalent) | chip-hours x a 3-year-commitment cloud price |
/// | amortized capex + energy | final run (ownership cost) | hardware value at training start x the
/// replacement rate per hour x chip-hours, + interconnect, + energy | | hardware acquisition |
/// fleet capex | chips x price per chip (server share included) / (1 - interconnect share) |
///
/// Every constant is a field of `EpochConstants`; the results carry a
/// breakdown (AI chips, other server components, cluster interconnect,
/// energy) and the flags of every rule that shaped them. Amounts are in
/// dollars of the model's publication month (Epoch's convention); the
/// pipeline converts them to the chosen base month.

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "traincost/core/scope.hpp"
#include "traincost/corpus/constants.hpp"
#include "traincost/corpus/frontier.hpp"
#include "traincost/corpus/price_book.hpp"
#include "traincost/units/units.hpp"

namespace traincost::corpus {

enum class Method { cloud, capex_energy, acquisition };

inline const char* id(Method m) {
  switch (m) {
    case Method::cloud:
      return "cloud";
    case Method::capex_energy:
      return "capex_energy";
    case Method::acquisition:
      return "acquisition";
  }
  return "?";
}
inline const char* label(Method m) {
  switch (m) {
    case Method::cloud:
      return "cloud rental";
    case Method::capex_energy:
      return "amortized capex + energy";
    case Method::acquisition:
      return "hardware acquisition";
  }
  return "?";
}
inline Scope scope_of(Method m) {
  switch (m) {
    case Method::cloud:
      return Scope::final_run_rental;
    case Method::capex_energy:
      return Scope::final_run_ownership;
    case Method::acquisition:
      return Scope::fleet_capex;
  }
  return Scope::final_run_rental;
}

/// The chip data by name (the first row of a name wins, as in Epoch's script).
class ChipTable {
 public:
  explicit ChipTable(const std::vector<ChipRecord>& chips) {
    for (const ChipRecord& c : chips)
      by_name_.emplace(c.name, &c);
  }
  const ChipRecord* find(const std::string& name) const {
    const auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second;
  }
  /// Epoch's peak for costing: Tensor-FP16/BF16, else TF32, else FP16 (TPUs
  /// only: older GPUs' FP16 misleads), else FP32; TPU v1 uses INT8.
  static std::optional<double> costing_peak(const ChipRecord& c) {
    if (c.name.find("TPU v1") != std::string::npos)
      return c.int8;
    if (c.tensor_16bit)
      return c.tensor_16bit;
    if (c.tf32)
      return c.tf32;
    if (c.name.find("TPU") != std::string::npos && c.fp16)
      return c.fp16;
    return c.fp32;
  }

 private:
  std::map<std::string, const ChipRecord*> by_name_;
};

/// What a rule did to a row; each one is a flag in the output.
enum class Flag {
  hardware_imputed,       ///< hardware filled in by the most common of its year
  mfu_imputed,            ///< chip-hours from FLOP at the median MFU
  chip_hours_from_flop,   ///< chip-hours from FLOP / (peak x MFU)
  training_time_assumed,  ///< training start from the median training time
  start_date_override,    ///< training start fixed by hand (GPT-3, GPT-4 ...)
  family_price,           ///< priced under the hardware's family name
  other_vendor,           ///< rented from a vendor other than the organization's
  term_converted,         ///< a 1-year or on-demand price converted to 3-year
  later_price,            ///< the closest price is after the rental date
  tpu_equivalent_price,   ///< a TPU's equivalent purchase price
  tdp_assumed,            ///< TPU v4's TDP, absent from the chip data
  inflation_skipped,      ///< the index lacks the publication month: not adjusted
};

inline const char* id(Flag f) {
  switch (f) {
    case Flag::hardware_imputed:
      return "hardware_imputed";
    case Flag::mfu_imputed:
      return "mfu_imputed";
    case Flag::chip_hours_from_flop:
      return "chip_hours_from_flop";
    case Flag::training_time_assumed:
      return "training_time_assumed";
    case Flag::start_date_override:
      return "start_date_override";
    case Flag::family_price:
      return "family_price";
    case Flag::other_vendor:
      return "other_vendor";
    case Flag::term_converted:
      return "term_converted";
    case Flag::later_price:
      return "later_price";
    case Flag::tpu_equivalent_price:
      return "tpu_equivalent_price";
    case Flag::tdp_assumed:
      return "tdp_assumed";
    case Flag::inflation_skipped:
      return "inflation_skipped";
  }
  return "?";
}

/// One line of a cost's breakdown.
struct CostLine {
  std::string label;  ///< "AI accelerator chips", "other server components", ...
  Money amount = usd(0);
};

/// One method's cost of one model, or why there is none.
struct MethodCost {
  Method method = Method::cloud;
  Scope scope = Scope::final_run_rental;
  std::optional<Money> total;       ///< dollars of the publication month
  std::vector<CostLine> breakdown;  ///< sums to `total`
  std::vector<Flag> flags;
  std::string missing;  ///< why there is no figure, when there is none
  // The inputs the figure is linear in, for ranges: total = price_term x
  // chip_hours_or_quantity (+ energy_per_chip_hour x chip_hours).
  double chip_hours = 0;  ///< or the chip count, for acquisition
  double price = 0;       ///< per chip-hour, or per chip for acquisition
  double energy_per_chip_hour = 0;
  bool chip_hours_from_flop = false;
  bool tpu = false;
};

/// The instant training started, under Epoch's rules.
inline Instant training_start(const ModelRecord& m, const EpochConstants& k,
                              std::vector<Flag>& flags) {
  for (const auto& o : k.start_overrides) {
    const bool hit = o.exact ? m.name == o.pattern : m.name.find(o.pattern) != std::string::npos;
    if (!hit)
      continue;
    flags.push_back(Flag::start_date_override);
    Instant t = instant(*parse_date(o.start));
    if (o.minus_training_time && m.training_hours)
      t -= std::trunc(*m.training_hours) / 24.0;
    return t;
  }
  double days = 0;
  if (m.training_hours) {
    days = std::trunc(*m.training_hours) / 24.0;  // Epoch: whole hours
  } else {
    days = k.median_training_days.value;
    flags.push_back(Flag::training_time_assumed);
  }
  return instant(m.publication) - (days + k.publication_gap_days.value);
}

/// Everything the methods read besides the row.
struct MethodContext {
  const ChipTable& chips;
  const PriceBook& prices;
  const EpochConstants& constants;
  const RentalPolicy& rental;
};

/// Chip-hours for the capex method: the row's chip-hours, else quantity x
/// hours, else FLOP / (peak x MFU), the median MFU where the row has none.
inline std::optional<double> capex_chip_hours(const PreparedRow& r, const MethodContext& c,
                                              MethodCost& out) {
  const ModelRecord& m = *r.record;
  if (m.chip_hours)
    return m.chip_hours;
  if (m.hardware_quantity && m.training_hours)
    return *m.hardware_quantity * *m.training_hours;
  if (!m.compute_flop || r.hardware.empty())
    return std::nullopt;
  const ChipRecord* chip = c.chips.find(r.hardware);
  const auto peak = chip ? ChipTable::costing_peak(*chip) : std::nullopt;
  if (!peak)
    return std::nullopt;
  double mfu = c.constants.median_mfu.value;
  if (m.mfu)
    mfu = *m.mfu;
  else
    out.flags.push_back(Flag::mfu_imputed);
  out.flags.push_back(Flag::chip_hours_from_flop);
  out.chip_hours_from_flop = true;
  return *m.compute_flop / (*peak * mfu) / 3600.0;
}

/// The purchase price per chip (server share included) and when bought.
inline std::optional<PurchaseQuote> purchase(const PreparedRow& r, const MethodContext& c,
                                             MethodCost& out) {
  const std::string& hw = r.hardware;
  if (hw.empty()) {
    out.missing = "no training hardware";
    return std::nullopt;
  }
  if (hw.find(',') != std::string::npos) {
    out.missing = "mixed hardware (" + hw + ")";
    return std::nullopt;
  }
  const ChipRecord* chip = c.chips.find(hw);
  if (!chip) {
    out.missing = "hardware not in the chip data (" + hw + ")";
    return std::nullopt;
  }
  if (HardwareByYear::is_tpu(hw)) {
    const auto it = c.constants.tpu_equivalent_price_usd.find(hw);
    if (it == c.constants.tpu_equivalent_price_usd.end() || !chip->release) {
      out.missing = "no equivalent purchase price for " + hw;
      return std::nullopt;
    }
    PurchaseQuote q;
    q.usd_per_chip = it->second * c.constants.server_overhead.at(hw);
    q.acquired = instant(*chip->release);
    q.tpu_equivalent = true;
    q.server_overhead_applied = true;
    out.flags.push_back(Flag::tpu_equivalent_price);
    out.tpu = true;
    return q;
  }
  auto q = c.prices.gpu_purchase(hw, chip->release, c.constants);
  if (!q)
    out.missing = "no purchase price for " + hw;
  return q;
}

inline MethodCost excluded(Method m, std::string why) {
  MethodCost out;
  out.method = m;
  out.scope = scope_of(m);
  out.missing = std::move(why);
  return out;
}

/// Amortized hardware capex + energy of the final run (ownership cost).
inline MethodCost cost_capex_energy(const PreparedRow& r, const MethodContext& c) {
  const ModelRecord& m = *r.record;
  const EpochConstants& k = c.constants;
  MethodCost out = excluded(Method::capex_energy, "");
  if (!m.base_model.empty())
    return excluded(Method::capex_energy, "a fine-tune of " + m.base_model);
  const auto q = purchase(r, c, out);
  if (!q)
    return out;
  // Hardware value at training start: depreciated by price-performance
  // progress since acquisition (a GPU cannot be used before it is bought).
  Instant start = training_start(m, k, out.flags);
  if (!q->tpu_equivalent && start < q->acquired)
    start = q->acquired;
  const double years = std::floor(start - q->acquired) / 365.25;
  const double value =
      q->usd_per_chip * std::pow(10.0, -k.price_performance_ooms_per_year.value * years);
  const auto chip_hours = capex_chip_hours(r, c, out);
  if (!chip_hours) {
    out.missing = "no chip-hours (no quantity x time, no FLOP with a known peak)";
    return out;
  }
  const ChipRecord* chip = c.chips.find(r.hardware);
  std::optional<double> tdp = chip->tdp_w;
  if (!tdp && r.hardware.find("TPU v4") != std::string::npos) {
    tdp = k.tpu_v4_tdp_w.value;
    out.flags.push_back(Flag::tdp_assumed);
  }
  const auto price_kwh = k.electricity_usd_per_kwh.find(m.publication.year());
  if (!tdp || price_kwh == k.electricity_usd_per_kwh.end()) {
    out.missing = !tdp ? "no TDP for " + r.hardware
                       : "no electricity price for " + std::to_string(m.publication.year());
    return out;
  }
  std::string org = m.organization;
  for (char& ch : org)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const double kw = *tdp / 1000 * k.chip_to_server_power.at(r.hardware) *
                    k.average_power_fraction.at(r.hardware) * k.pue.at(org);
  const double replacement_per_hour =
      k.price_performance_ooms_per_year.value * std::log(10.0) / k.hours_per_year.value;
  const double amortized = value * replacement_per_hour * *chip_hours;
  const double s = k.interconnect_share.value;
  const double interconnect = amortized * s / (1 - s);
  const double energy = kw * *chip_hours * price_kwh->second;
  const double chips_part = amortized / k.server_overhead.at(r.hardware);
  out.breakdown = {{"AI accelerator chips", usd(chips_part)},
                   {"other server components", usd(amortized - chips_part)},
                   {"cluster interconnect", usd(interconnect)},
                   {"energy", usd(energy)}};
  out.total = usd(amortized + interconnect + energy);
  out.chip_hours = *chip_hours;
  out.price = value * replacement_per_hour / (1 - s);
  out.energy_per_chip_hour = kw * price_kwh->second;
  out.missing.clear();
  return out;
}

/// Hardware acquisition: the capital cost of the training cluster.
inline MethodCost cost_acquisition(const PreparedRow& r, const MethodContext& c) {
  const ModelRecord& m = *r.record;
  MethodCost out = excluded(Method::acquisition, "");
  if (!m.base_model.empty())
    return excluded(Method::acquisition, "a fine-tune of " + m.base_model);
  const auto q = purchase(r, c, out);
  if (!q)
    return out;
  if (!m.hardware_quantity) {
    out.missing = "no hardware quantity";
    return out;
  }
  const double servers = *m.hardware_quantity * q->usd_per_chip;
  const double s = c.constants.interconnect_share.value;
  const double total = servers / (1 - s);
  const double chips_part = servers / c.constants.server_overhead.at(r.hardware);
  out.breakdown = {{"AI accelerator chips", usd(chips_part)},
                   {"other server components", usd(servers - chips_part)},
                   {"cluster interconnect", usd(total - servers)},
                   {"energy", usd(0)}};
  out.total = usd(total);
  out.chip_hours = *m.hardware_quantity;
  out.price = q->usd_per_chip / (1 - s);
  out.missing.clear();
  return out;
}

/// Cloud rental of the final run at a 3-year-commitment price.
inline MethodCost cost_cloud(const PreparedRow& r, const MethodContext& c) {
  const ModelRecord& m = *r.record;
  const EpochConstants& k = c.constants;
  MethodCost out = excluded(Method::cloud, "");
  if (!m.base_model.empty())
    return excluded(Method::cloud, "a fine-tune of " + m.base_model);
  if (r.hardware.empty()) {
    out.missing = "no training hardware";
    return out;
  }
  const Instant rented = training_start(m, k, out.flags) - k.acquisition_gap_days.value;
  const auto q = c.prices.rental(r.hardware, m.organization, rented, c.rental);
  if (!q) {
    out.missing = "no cloud price for " + r.hardware;
    return out;
  }
  if (q->family_price)
    out.flags.push_back(Flag::family_price);
  if (q->other_vendor)
    out.flags.push_back(Flag::other_vendor);
  if (q->term_converted)
    out.flags.push_back(Flag::term_converted);
  if (q->later_price)
    out.flags.push_back(Flag::later_price);
  // Epoch's cloud method counts quantity x training time only (not the
  // reported chip-hours, not FLOP-derived hours).
  if (!m.hardware_quantity || !m.training_hours) {
    out.missing = "no quantity x training time";
    return out;
  }
  const double chip_hours = *m.hardware_quantity * *m.training_hours;
  out.total = usd(q->usd_per_chip_hour * chip_hours);
  out.breakdown = {
      {"cloud rental (chips, servers, interconnect and energy in the price)", *out.total}};
  out.chip_hours = chip_hours;
  out.price = q->usd_per_chip_hour;
  out.tpu = HardwareByYear::is_tpu(r.hardware);
  out.missing.clear();
  return out;
}

inline MethodCost cost_method(Method method, const PreparedRow& r, const MethodContext& c) {
  switch (method) {
    case Method::cloud:
      return cost_cloud(r, c);
    case Method::capex_energy:
      return cost_capex_energy(r, c);
    case Method::acquisition:
      return cost_acquisition(r, c);
  }
  return excluded(method, "unknown method");
}

}  // namespace traincost::corpus
