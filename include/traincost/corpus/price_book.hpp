#pragma once
/// \file
/// A dated price book: purchase prices and cloud rental prices (on-demand,
/// 1-year and 3-year commitment) by hardware, vendor and date, each row with
/// its source link and line. Look-ups follow named, overridable policies:
///
/// - **closest date**: among the rows for a hardware and vendor, the one
///   closest to the wanted date on or before it; if none is before, the
///   closest after (`RentalPolicy::allow_later_price`). Ties keep file order.
/// - **vendor preference**: the organization's cloud (Google and DeepMind ->
///   Google Cloud, Microsoft and OpenAI -> Azure, else AWS), then the other
///   vendors in a stated order; TPUs only from Google Cloud.
/// - **term fallback and commitment discounts**: the wanted term (3-year)
///   first, then 1-year, then on-demand, each converted to the wanted term
///   with the vendor's discounts.
/// - **hardware families**: a variant with no price of its own ("NVIDIA A100
///   SXM4 40 GB") borrows its family's ("NVIDIA A100").
///
/// The defaults are Epoch AI's script at 263c40a (docs/sources.md §12).

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "traincost/corpus/constants.hpp"
#include "traincost/corpus/records.hpp"
#include "traincost/units/units.hpp"

namespace traincost::corpus {

/// A point in time in days since 1970-01-01, with a fraction: training
/// starts are publication dates minus whole hours.
using Instant = double;
inline Instant instant(Date d) {
  return static_cast<double>(d.days);
}

/// A rental term of a cloud price.
enum class RentalTerm { on_demand, one_year, three_year };

inline const char* to_string(RentalTerm t) {
  switch (t) {
    case RentalTerm::on_demand:
      return "on-demand";
    case RentalTerm::one_year:
      return "1-year commitment";
    case RentalTerm::three_year:
      return "3-year commitment";
  }
  return "?";
}

inline std::optional<double> price_of(const PriceRecord& r, RentalTerm t) {
  switch (t) {
    case RentalTerm::on_demand:
      return r.on_demand;
    case RentalTerm::one_year:
      return r.one_year;
    case RentalTerm::three_year:
      return r.three_year;
  }
  return std::nullopt;
}

/// Committed-use discounts of a vendor, as fractions off on-demand.
struct Discounts {
  double on_demand = 0, one_year = 0, three_year = 0;
  double of(RentalTerm t) const {
    return t == RentalTerm::on_demand  ? on_demand
           : t == RentalTerm::one_year ? one_year
                                       : three_year;
  }
};

/// How a rental price is looked up. Defaults: Epoch AI @ 263c40a.
struct RentalPolicy {
  RentalTerm wanted = RentalTerm::three_year;
  std::vector<RentalTerm> term_fallback{RentalTerm::three_year, RentalTerm::one_year,
                                        RentalTerm::on_demand};
  /// Lower-case organization substring -> vendor; the last organization of a
  /// comma-separated list that matches decides.
  std::vector<std::pair<std::string, std::string>> organization_vendor{
      {"google", "Google Cloud"},
      {"deepmind", "Google Cloud"},
      {"microsoft", "Microsoft Azure"},
      {"openai", "Microsoft Azure"}};
  std::string default_vendor = "Amazon Web Services";
  /// Tried after the organization's vendor, in this order; vendors of the
  /// price book not listed follow in the order they first appear.
  std::vector<std::string> vendor_preference{"Amazon Web Services", "Microsoft Azure",
                                             "Google Cloud"};
  bool other_vendors = true;
  /// Hardware only one vendor rents (name substring -> vendor).
  std::vector<std::pair<std::string, std::string>> sole_vendor{{"TPU", "Google Cloud"}};
  bool allow_later_price = true;
  std::map<std::string, Discounts> discounts{
      {"Amazon Web Services", {0, 0.41, 0.64}},
      {"Google Cloud", {0, 0.37, 0.56}},
      {"Microsoft Azure", {0, 0.25, 0.49}},
      {"Lambda Labs", {0, 0.34, 0.56}},  // Epoch: the average of the other three
  };
  Provenance provenance = epoch_method("find_price, select_vendor, DEFAULT_CUD, PRIORITY_VENDORS");
};

/// Variants priced under a family name, in order (Epoch's SIMPLIFIED_HARDWARE_NAMES).
inline std::vector<std::pair<std::string, std::string>> epoch_hardware_families() {
  return {{"NVIDIA Tesla V100 DGXS 16 GB", "NVIDIA V100"},
          {"NVIDIA Tesla V100 DGXS 32 GB", "NVIDIA V100"},
          {"NVIDIA Tesla V100S PCIe 32 GB", "NVIDIA V100"},
          {"NVIDIA V100", "NVIDIA V100"},
          {"NVIDIA A100 PCIe", "NVIDIA A100"},
          {"NVIDIA A100 SXM4 40 GB", "NVIDIA A100"},
          {"NVIDIA A100 SXM4 80 GB", "NVIDIA A100"},
          {"NVIDIA A100", "NVIDIA A100"},
          {"NVIDIA H100 PCIe", "NVIDIA H100"},
          {"NVIDIA H100 SXM5", "NVIDIA H100"},
          {"NVIDIA H100", "NVIDIA H100"}};
}

/// A rental price found, and how.
struct RentalQuote {
  double usd_per_chip_hour = 0;  ///< converted to the wanted term
  double quoted = 0;             ///< as the row states it
  std::string vendor;
  RentalTerm term = RentalTerm::three_year;  ///< the row's term
  const PriceRecord* row = nullptr;
  bool family_price = false;    ///< priced under the hardware's family name
  bool other_vendor = false;    ///< not the organization's vendor
  bool term_converted = false;  ///< another term, converted with the discounts
  bool later_price = false;     ///< the closest price is after the wanted date

  /// The price as a typed quantity (USD per chip-hour, wanted term).
  GpuTimePrice price() const { return usd_per_gpu_hour(usd_per_chip_hour); }
};

/// A purchase price found, and how.
struct PurchaseQuote {
  double usd_per_chip = 0;           ///< per chip, including the server share
  const PriceRecord* row = nullptr;  ///< none for a TPU equivalent price
  Instant acquired = 0;              ///< when the hardware is assumed bought
  bool tpu_equivalent = false;
  bool server_overhead_applied = false;

  /// The price as a typed quantity (USD per chip, server share included).
  AcceleratorPrice price() const { return usd_per_accelerator(usd_per_chip); }
};

class PriceBook {
 public:
  explicit PriceBook(
      std::vector<PriceRecord> rows,
      std::vector<std::pair<std::string, std::string>> families = epoch_hardware_families())
      : rows_(std::move(rows)), families_(std::move(families)) {
    for (const PriceRecord& r : rows_)
      if (!r.vendor.empty() &&
          std::find(vendors_.begin(), vendors_.end(), r.vendor) == vendors_.end())
        vendors_.push_back(r.vendor);
  }
  const std::vector<PriceRecord>& rows() const { return rows_; }

  /// The vendor an organization rents from under `policy`.
  static std::string vendor_for(const std::string& organization, const RentalPolicy& policy) {
    std::string vendor;
    std::size_t start = 0;
    while (start <= organization.size()) {
      std::size_t comma = organization.find(',', start);
      if (comma == std::string::npos)
        comma = organization.size();
      std::string org = organization.substr(start, comma - start);
      std::transform(org.begin(), org.end(), org.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      for (const auto& [key, v] : policy.organization_vendor)
        if (org.find(key) != std::string::npos) {
          vendor = v;
          break;
        }
      start = comma + 1;
    }
    return vendor.empty() ? policy.default_vendor : vendor;
  }

  /// The rows for `hardware` from `vendor`, closest to `when` first (file
  /// order on ties), falling back to the hardware's family.
  std::vector<const PriceRecord*> closest(const std::string& hardware, const std::string& vendor,
                                          Instant when, bool& family) const {
    family = false;
    auto rows = matching(hardware, vendor);
    if (rows.empty()) {
      const std::string fam = family_of(hardware);
      if (!fam.empty()) {
        rows = matching(fam, vendor);
        family = true;
        if (rows.empty()) {
          // Any named variant containing every word of the family name.
          for (const auto& [variant, f] : families_) {
            (void)f;
            if (contains_all_words(variant, fam)) {
              rows = matching(variant, vendor);
              if (!rows.empty())
                break;
            }
          }
        }
      }
    }
    std::stable_sort(rows.begin(), rows.end(), [when](const PriceRecord* a, const PriceRecord* b) {
      return std::abs(instant(a->date) - when) < std::abs(instant(b->date) - when);
    });
    return rows;
  }

  /// A rental price for `hardware` rented by `organization` at `when`.
  std::optional<RentalQuote> rental(const std::string& hardware, const std::string& organization,
                                    Instant when, const RentalPolicy& policy) const {
    std::string own = vendor_for(organization, policy);
    std::vector<std::string> vendors{own};
    bool sole = false;
    for (const auto& [pattern, v] : policy.sole_vendor)
      if (hardware.find(pattern) != std::string::npos) {
        vendors = {v};
        own = v;
        sole = true;
        break;
      }
    if (!sole && policy.other_vendors) {
      std::vector<std::string> order = policy.vendor_preference;
      for (const std::string& v : vendors_)
        if (std::find(order.begin(), order.end(), v) == order.end())
          order.push_back(v);
      for (const std::string& v : order)
        if (v != own)
          vendors.push_back(v);
    }
    for (const RentalTerm term : policy.term_fallback) {
      for (const std::string& vendor : vendors) {
        bool family = false;
        const auto rows = closest(hardware, vendor, when, family);
        const PriceRecord* pick = nullptr;
        for (const PriceRecord* r : rows)
          if (instant(r->date) <= when) {
            pick = r;
            break;
          }
        bool later = false;
        if (!pick && policy.allow_later_price)
          for (const PriceRecord* r : rows)
            if (instant(r->date) > when) {
              pick = r;
              later = true;
              break;
            }
        // The closest row decides, even when it lacks this term: then this
        // vendor and term have no price (Epoch's rule).
        const auto price = pick ? price_of(*pick, term) : std::nullopt;
        if (!price)
          continue;
        RentalQuote q;
        q.quoted = *price;
        q.usd_per_chip_hour = *price;
        q.vendor = vendor;
        q.term = term;
        q.row = pick;
        q.family_price = family;
        q.other_vendor = vendor != own;
        q.later_price = later;
        if (term != policy.wanted) {
          const auto d = policy.discounts.find(vendor);
          if (d == policy.discounts.end())
            continue;  // no discounts known to convert this vendor's term
          q.usd_per_chip_hour *= (1 - d->second.of(policy.wanted)) / (1 - d->second.of(term));
          q.term_converted = true;
        }
        return q;
      }
    }
    return std::nullopt;
  }

  /// A GPU's purchase price under Epoch's rule: the earliest dated row whose
  /// hardware contains the GPU's alias, preferring a DGX price; a
  /// single-unit price is scaled by the server overhead. `release` is the
  /// chip's release date; acquisition is no earlier than release + buffer.
  std::optional<PurchaseQuote> gpu_purchase(const std::string& hardware,
                                            std::optional<Date> release,
                                            const EpochConstants& k) const {
    std::string alias;
    for (const std::string& a : k.gpu_price_aliases)
      if (hardware.find(a) != std::string::npos) {
        alias = a;
        break;
      }
    if (alias.empty() || !release)
      return std::nullopt;
    std::vector<const PriceRecord*> rows;
    for (const PriceRecord& r : rows_)
      if (r.purchase && r.hardware.find(alias) != std::string::npos)
        rows.push_back(&r);
    if (rows.empty())
      return std::nullopt;
    std::stable_sort(rows.begin(), rows.end(),
                     [](const PriceRecord* a, const PriceRecord* b) { return a->date < b->date; });
    const PriceRecord* pick = rows.front();
    for (const PriceRecord* r : rows)
      if (r->notes.find("DGX") != std::string::npos) {
        pick = r;
        break;
      }
    PurchaseQuote q;
    q.row = pick;
    q.usd_per_chip = *pick->purchase;
    const Instant earliest = instant(*release) + k.release_to_acquisition_days.value;
    q.acquired = instant(pick->date) < earliest ? earliest : instant(pick->date);
    std::string notes = pick->notes;
    std::transform(notes.begin(), notes.end(), notes.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (notes.find("single-unit") != std::string::npos) {
      q.usd_per_chip *= k.server_overhead.at(hardware);
      q.server_overhead_applied = true;
    }
    return q;
  }

 private:
  std::vector<const PriceRecord*> matching(const std::string& hardware,
                                           const std::string& vendor) const {
    std::vector<const PriceRecord*> out;
    for (const PriceRecord& r : rows_)
      if (r.vendor == vendor && r.hardware == hardware)
        out.push_back(&r);
    return out;
  }
  std::string family_of(const std::string& hardware) const {
    for (const auto& [variant, fam] : families_)
      if (variant == hardware)
        return fam;
    return {};
  }
  static bool contains_all_words(const std::string& text, const std::string& words) {
    std::size_t start = 0;
    while (start < words.size()) {
      std::size_t space = words.find(' ', start);
      if (space == std::string::npos)
        space = words.size();
      if (space > start && text.find(words.substr(start, space - start)) == std::string::npos)
        return false;
      start = space + 1;
    }
    return true;
  }

  std::vector<PriceRecord> rows_;
  std::vector<std::pair<std::string, std::string>> families_;
  std::vector<std::string> vendors_;
};

}  // namespace traincost::corpus
