// DeepSeek's fleet: the "~$1.6B" server capex and "$944M" four-year operating
// cost, rebuilt from itemized assumptions — and DeepSeek-V3 at ownership cost.
//
// The analyst's per-GPU prices are not public (SemiAnalysis, "DeepSeek
// Debates", 2025-01-31; sources.md §3). This is a RECONSTRUCTION: each
// holding is priced from a price point in sources.md §3/§6, the operating
// cost from Epoch AI's energy method (§7) plus a colocation price and a
// maintenance share that are NOT in the sources (labelled [?], calibrated).
// Every assumption is a field of the fleet value and can be changed. The
// 10,000 A100s are Fire-Flyer 2's PCIe A100-40GB cards (sources.md §4), so
// their power is the PCIe board's 250 W TDP.
//
// Output:
//   DeepSeek fleet (reconstruction of SemiAnalysis)
//   exchange rate: 7.2 CNY per USD [?]; ownership period 4 years
//
//   type   accelerator       GPUs  year  price as quoted           USD/GPU      capex  opex 4y  src
//   -----------------------------------------------------------------------------------------------
//   A100   A100 PCIe 40GB  10,000  2021  $15,000 per GPU x 1.66    $24,900    $249.0M  $112.4M  A
//   H800   H800 SXM        10,000  2023  CNY 2,300,000 per server  $39,931    $399.3M  $228.1M  A
//   H100   H100 SXM        10,000  2023  $270,000 per server       $33,750    $337.5M  $213.2M  A
//   H20    H20             30,000  2024  CNY 1,200,000 per server  $20,833    $625.0M  $374.2M  A
//   -----------------------------------------------------------------------------------------------
//   total                  60,000                                           $1,610.8M  $927.9M
//
//   operating cost over 4 years:
//     energy       $165.8M  52.2 MW peak IT power x draw 0.75 x PUE 1.50 x $0.0806/kWh [?]
//     colocation   $375.5M  $150 per kW-month [?]
//     maintenance  $386.6M  6% of capex a year [?]
//
//   Reconstruction beside SemiAnalysis (corrected):
//                           model  published   diff
//   -----------------------------------------------
//   server capex        $1,610.8M  $1,600.0M  +0.7%
//   operating, 4 years    $927.9M    $944.0M  -1.7%
//
//   The same model without the H100 line, beside SemiAnalysis (first version):
//                           model  published   diff
//   -----------------------------------------------
//   server capex        $1,273.3M  $1,300.0M  -2.1%
//   operating, 4 years    $714.7M    $715.0M  -0.0%
//
//   The revision's $300.0M over 10,000 H100 implies $30,000 per H100
//   (sources.md §3). This model's H100 line is $33,750 per GPU.
//   Book value at the start of 2025, straight line over 4 years from each year bought: $837.2M
//   What-if: adding a fat-tree network at $4.39K per GPU endpoint [P] would add $263.4M
//
//   Fire-Flyer 2 / DGX-A100: cost 50.4%, power 59.5%
//     (servers 59.2%, network 8.8%, arXiv 2408.14158)
//
//   ownership cost per H800 GPU-hour: $1.789 at 100% utilization [?]
//     depreciation $1.139 (straight line over 4 years)
//     maintenance  $0.273
//     colocation   $0.262
//     energy       $0.116
//
//   DeepSeek-V3 final run at H800 ownership cost — final run (ownership cost)
//   stage              accelerator   GPUs  GPU-hours  days  USD/GPU-h        cost   share  src
//   ------------------------------------------------------------------------------------------
//   pre-training       H800 SXM     2,048  2,664,000  54.2       1.79  $4,766,487   95.6%  P
//   context extension  H800 SXM     2,048    119,000   2.4       1.79    $212,917    4.3%  P
//   post-training      H800 SXM     2,048      5,000   0.1       1.79      $8,946    0.2%  P
//   ------------------------------------------------------------------------------------------
//   total                                  2,788,000  56.7             $4,988,351  100.0%
//   total cost: $4.988M ($4,988,351)
//   V3 final run at ownership cost: $4.988M (rental-equivalent at $2.00: $5.576M)
//   break-even utilization against $2.00 per GPU-hour: 88.8%
//   with H800 servers at $51M / 256 = $24,902 per GPU: $1.258 per GPU-hour,
//     V3 $3.507M, fleet capex $1,460.5M
//   with Epoch AI's exponential depreciation (0.3224/yr): $2.119 per GPU-hour,
//     V3 $5.907M, break-even never at up to 100% utilization
//
// expect: $1,610.8M  $927.9M
// expect: server capex        $1,610.8M  $1,600.0M  +0.7%
// expect: operating, 4 years    $927.9M    $944.0M  -1.7%
// expect: server capex        $1,273.3M  $1,300.0M  -2.1%
// expect: operating, 4 years    $714.7M    $715.0M  -0.0%
// expect: Fire-Flyer 2 / DGX-A100: cost 50.4%, power 59.5%
// expect: ownership cost per H800 GPU-hour: $1.789 at 100% utilization [?]
// expect: V3 final run at ownership cost: $4.988M (rental-equivalent at $2.00: $5.576M)
// expect: break-even utilization against $2.00 per GPU-hour: 88.8%

#include <iostream>
#include <string>

#include "traincost/fleet/capex.hpp"
#include "traincost/fleet/operating_cost.hpp"
#include "traincost/fleet/ownership.hpp"
#include "traincost/print/final_run_report.hpp"
#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/reference/deepseek_fleet.hpp"
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/reference/deepseek_v3_ownership.hpp"
#include "traincost/reference/fire_flyer.hpp"

namespace {

using namespace traincost;

std::string millions(Money m) {
  return "$" + format_number(in_usd(m) / 1e6, 1) + "M";
}

std::string quoted(const Holding& h) {
  if (const auto* yuan = std::get_if<CnyAmount>(&h.price.amount))
    return "CNY " + format_number(in_cny(*yuan)) + " " + std::string(to_string(h.price.basis));
  std::string s =
      format_usd(std::get<Money>(h.price.amount)) + " " + std::string(to_string(h.price.basis));
  if (h.price.basis == PriceBasis::per_accelerator)
    s += " x " + format_number(h.server_overhead.value, 2);
  return s;
}

std::string signed_percent(double share) {
  const std::string p = format_percent(share);
  // A small negative difference rounds to "0.0%"; keep its sign.
  if (share < 0 && p.front() != '-')
    return "-" + p;
  return (share >= 0 ? "+" : "") + p;
}

/// "[?]": the tag of a figure's evidence, as printed beside it.
std::string bracketed(Evidence e) {
  return "[" + std::string(tag(e)) + "]";
}

/// "straight line over 4 years" or "exponential at 0.3224/yr".
std::string describe(const Depreciation& d) {
  if (d.method == DepreciationMethod::straight_line)
    return std::string(to_string(d.method)) + " over " + format_number(in_years(d.life)) + " years";
  return std::string(to_string(d.method)) + " at " + format_number(d.rate_per_year, 4) + "/yr";
}

void print_fleet(const Fleet& fleet, const FleetTco& t) {
  using A = TextTable::Align;
  TextTable table(
      {"type", "accelerator", "GPUs", "year", "price as quoted", "USD/GPU", "capex", "opex 4y",
       "src"},
      {A::left, A::left, A::right, A::right, A::left, A::right, A::right, A::right, A::left});
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i) {
    const Holding& h = fleet.holdings[i];
    const HoldingCapex& c = t.capex.holdings[i];
    const HoldingOperatingCost& o = t.operating.holdings[i];
    table.add_row({h.label, c.accelerator, format_number(in_accelerators(c.count)),
                   std::to_string(c.year_bought), quoted(h),
                   format_usd(usd(in_usd_per_accelerator(c.server_price))), millions(c.total),
                   millions(o.total), std::string(tag(h.price.provenance.evidence))});
  }
  table.add_rule();
  table.add_row({"total", "", format_number(in_accelerators(accelerator_count(fleet))), "", "", "",
                 millions(t.capex.total), millions(t.operating.total), ""});
  table.print(std::cout);
}

void print_against(const FleetTco& t, const reference::PublishedFleetEstimate& p) {
  using A = TextTable::Align;
  TextTable table({"", "model", "published", "diff"}, {A::left, A::right, A::right, A::right});
  table.add_row({"server capex", millions(t.capex.total), millions(p.capex.value),
                 signed_percent(ratio(t.capex.total, p.capex.value) - 1.0)});
  table.add_row({"operating, 4 years", millions(t.operating.total), millions(p.operating.value),
                 signed_percent(ratio(t.operating.total, p.operating.value) - 1.0)});
  table.print(std::cout);
}

}  // namespace

int main() {
  const Fleet fleet = reference::deepseek_fleet();
  const OperatingAssumptions operating = reference::deepseek_fleet_operating();
  const FleetTco tco = cost_fleet_tco(fleet, operating);

  std::cout << fleet.name << "\n"
            << "exchange rate: " << format_number(in_cny_per_usd(fleet.exchange_rate->value), 1)
            << " CNY per USD " << bracketed(fleet.exchange_rate->provenance.evidence)
            << "; ownership period " << format_number(in_years(operating.period)) << " years\n\n";
  print_fleet(fleet, tco);
  std::cout << "\noperating cost over " << format_number(in_years(operating.period))
            << " years:\n  energy       " << millions(tco.operating.energy_cost) << "  "
            << format_number(in_megawatts(tco.capex.it_power), 1) << " MW peak IT power x draw "
            << format_number(operating.average_draw.value, 2) << " x PUE "
            << format_number(operating.pue.value, 2) << " x $"
            << format_number(in_usd_per_kwh(operating.electricity.value), 4) << "/kWh "
            << bracketed(tco.operating.breakdown().children[0].provenance.evidence) << "\n"
            << "  colocation   " << millions(tco.operating.facility) << "  $"
            << format_number(in_usd_per_kilowatt_month(
                   std::get<FacilityColocated>(fleet.facility).colocation_price))
            << " per kW-month " << bracketed(provenance_of(fleet.facility).evidence) << "\n"
            << "  maintenance  " << millions(tco.operating.maintenance) << "  "
            << format_percent(operating.maintenance_share_per_year.value, 0) << " of capex a year "
            << bracketed(operating.maintenance_share_per_year.provenance.evidence) << "\n\n";

  std::cout << "Reconstruction beside " << reference::semianalysis_fleet_estimate().label << ":\n";
  print_against(tco, reference::semianalysis_fleet_estimate());

  const FleetTco first = cost_fleet_tco(reference::deepseek_fleet_without_h100(), operating);
  std::cout << "\nThe same model without the H100 line, beside "
            << reference::semianalysis_first_version().label << ":\n";
  print_against(first, reference::semianalysis_first_version());
  // The revision added the H100 line: its capex over the H100 count.
  const HoldingCapex* h100 = &tco.capex.at("H100");
  const Money revision = reference::semianalysis_fleet_estimate().capex.value -
                         reference::semianalysis_first_version().capex.value;
  std::cout << "\nThe revision's " << millions(revision) << " over "
            << format_number(in_accelerators(h100->count)) << " H100 implies "
            << format_usd(usd(in_usd(revision) / in_accelerators(h100->count))) << " per H100\n"
            << "(sources.md §3). This model's H100 line is "
            << format_usd(usd(in_usd_per_accelerator(h100->server_price))) << " per GPU.\n";

  const Depreciation depreciation = reference::deepseek_fleet_depreciation();
  std::cout << "Book value at the start of 2025, " << describe(depreciation)
            << " from each year bought: " << millions(book_value(fleet, 2025, depreciation))
            << '\n';

  // What-if: the cluster network at DeepSeek's own cost per endpoint.
  Fleet with_network = fleet;
  with_network.network = deepseek_fat_tree_per_endpoint();
  std::cout << "What-if: adding a fat-tree network at "
            << format_usd_compact(
                   std::get<NetworkPerEndpoint>(with_network.network).per_endpoint_cost, 2)
            << " per GPU endpoint " << bracketed(provenance_of(with_network.network).evidence)
            << " would add " << millions(cost_fleet_capex(with_network).network) << "\n\n";

  const reference::FireFlyerComparison ff = reference::compare_fire_flyer_2();
  std::cout << "Fire-Flyer 2 / DGX-A100: cost " << format_percent(ff.cost_ratio) << ", power "
            << format_percent(ff.power_ratio) << "\n  (servers " << format_percent(ff.server_ratio)
            << ", network " << format_percent(ff.network_ratio) << ", arXiv 2408.14158)\n\n";

  // DeepSeek-V3 at ownership cost.
  const OwnershipInputs h800 = reference::deepseek_h800_ownership_inputs();
  const OwnershipCost hourly = cost_ownership_per_gpu_hour(h800);
  std::cout << "ownership cost per H800 GPU-hour: $"
            << format_number(in_usd_per_gpu_hour(hourly.total), 3) << " at "
            << format_percent(hourly.utilization, 0) << " utilization "
            << bracketed(hourly.provenance.evidence) << "\n  depreciation $"
            << format_number(in_usd_per_gpu_hour(hourly.depreciation), 3) << " ("
            << describe(h800.depreciation) << ")\n  maintenance  $"
            << format_number(in_usd_per_gpu_hour(hourly.maintenance), 3) << "\n  colocation   $"
            << format_number(in_usd_per_gpu_hour(hourly.facility), 3) << "\n  energy       $"
            << format_number(in_usd_per_gpu_hour(hourly.energy), 3) << "\n\n";
  const FinalRunCost owned = reference::deepseek_v3_at_ownership_cost(h800);
  const TrainingRun v3 = reference::deepseek_v3_final_run();
  const FinalRunCost rented = cost_final_run(v3);
  const GpuTimePrice rental = v3.price.value;
  const std::string rental_text = "$" + format_number(in_usd_per_gpu_hour(rental), 2);
  print_final_run(std::cout, owned);
  std::cout << "V3 final run at ownership cost: " << format_usd_compact(owned.total)
            << " (rental-equivalent at " << rental_text << ": " << format_usd_compact(rented.total)
            << ")\n";

  const auto even = break_even_utilization(h800, rental);
  std::cout << "break-even utilization against " << rental_text << " per GPU-hour: "
            << (even ? format_percent(*even) : std::string("never (owning costs more)")) << '\n';

  // What-if: DeepSeek's own purchase, 256 H800 servers for "> $51M" (sources.md §3, A).
  const double servers_bought = 256;
  const Money spent = usd(51e6);
  Fleet cheaper = fleet;
  cheaper.at("H800").price =
      UnitPrice::per_server(spent / servers_bought,
                            analyst_estimate("DeepSeek's 256 H800 servers > $51M (sources.md §3)"));
  const OwnershipInputs cheaper_h800 =
      ownership_inputs(cheaper, "H800", operating, reference::deepseek_fleet_depreciation(),
                       reference::deepseek_fleet_utilization());
  std::cout << "with H800 servers at " << format_usd_compact(spent, 0) << " / "
            << format_number(servers_bought) << " = "
            << format_usd(
                   usd(in_usd_per_accelerator(cost_fleet_capex(cheaper).at("H800").server_price)))
            << " per GPU: $"
            << format_number(in_usd_per_gpu_hour(cost_ownership_per_gpu_hour(cheaper_h800).total),
                             3)
            << " per GPU-hour,\n  V3 "
            << format_usd_compact(
                   cost_final_run_at_ownership(v3, cost_ownership_per_gpu_hour(cheaper_h800)).total)
            << ", fleet capex " << millions(cost_fleet_capex(cheaper).total) << '\n';
  const OwnershipInputs epoch = reference::deepseek_h800_ownership_inputs(Depreciation::epoch());
  const OwnershipCost epoch_hourly = cost_ownership_per_gpu_hour(epoch);
  const auto epoch_even = break_even_utilization(epoch, rental);
  std::cout << "with Epoch AI's " << to_string(epoch.depreciation.method) << " depreciation ("
            << format_number(epoch.depreciation.rate_per_year, 4) << "/yr): $"
            << format_number(in_usd_per_gpu_hour(epoch_hourly.total), 3) << " per GPU-hour,\n  V3 "
            << format_usd_compact(reference::deepseek_v3_at_ownership_cost(epoch).total)
            << ", break-even "
            << (epoch_even ? format_percent(*epoch_even)
                           : std::string("never at up to 100% utilization"))
            << '\n';
}
