// What did the frontier models cost? Epoch AI's published record, costed
// three ways, with 90% ranges and the audit's flags.
//
// Reads the extract of Epoch AI's data shipped in data/epoch/ (or the folder
// given as the first argument), selects the top-10 models by compute at
// publication, imputes missing hardware for that set, costs each model by
// Epoch's three methods (docs/corpus.md) in dollars of December 2024 — the
// base month of Epoch's own model_costs.csv — and prints ten well-known
// models. The same as `traincost corpus --data data/epoch --base-month 2024-12`.
//
// Output:
//   89 frontier models, 163 figures, in dollars of 2024-12
//
//   model                 capex + energy           P5 - P95    cloud  acquisition
//   -----------------------------------------------------------------------------
//   GPT-3 175B (davinci)           $2.2M      $1.1M - $4.4M    $4.3M      $242.0M
//   PaLM (540B)                    $2.9M      $1.4M - $5.8M   $13.9M       $65.5M
//   OPT-175B                     $733.6K    $374.0K - $1.5M    $1.5M       $32.0M
//   BLOOM-176B                     $1.0M    $510.9K - $2.0M    $2.0M       $12.1M
//   Llama 2-70B                    $1.1M    $573.2K - $2.2M    $3.2M       $31.0M
//   Falcon-180B                   $10.4M     $5.5M - $20.3M   $25.9M      $126.9M
//   GPT-4                         $40.7M    $21.2M - $80.5M   $78.6M      $778.1M
//   Gemini 1.0 Ultra              $28.3M    $14.2M - $57.1M  $198.9M      $597.9M
//   Llama 3.1-405B                $51.0M   $25.8M - $102.4M  $169.8M      $896.0M
//   Grok-3                       $294.4M  $152.2M - $584.2M    $1.1B        $5.4B
//
//   Audit flags:
//     PaLM (540B): chip-hours 8404992 vs quantity x hours 9437184 (-11%)
//     PaLM (540B): implied MFU 30% vs reported 46%
//     BLOOM-176B: implied MFU 30% vs reported 50%
//
//   Trend of the amortized cost: 2.94x per year (bootstrap 90%: 2.59-3.33x)
//   Cottier et al. 2024:          2.4x per year (90% CI 2.0-2.9x)
//
// expect: 89 frontier models, 163 figures, in dollars of 2024-12
// expect: GPT-3 175B (davinci)           $2.2M      $1.1M - $4.4M    $4.3M      $242.0M
// expect: GPT-4                         $40.7M    $21.2M - $80.5M   $78.6M      $778.1M
// expect: Llama 3.1-405B                $51.0M   $25.8M - $102.4M  $169.8M      $896.0M
// expect: Trend of the amortized cost: 2.94x per year
#include <iostream>
#include <string>
#include <vector>

#include "traincost/io/corpus_report.hpp"
#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"

int main(int argc, char** argv) {
  using namespace traincost;
  namespace ep = traincost::io::epoch;
  using corpus::Method;

  const std::string dir = argc > 1 ? argv[1] : std::string(TRAINCOST_SOURCE_DIR) + "/data/epoch";
  ep::CorpusRequest request;
  request.paths = ep::Paths::in(dir);
  request.options.top_n = 10;
  request.options.base = corpus::Month{2024, 12};
  const ep::CorpusReport report = ep::run_corpus(request);

  std::cout << report.result.models.size() << " frontier models, " << report.result.figures()
            << " figures, in dollars of " << report.result.base.str() << "\n\n";

  const std::vector<std::string> famous{
      "GPT-3 175B (davinci)", "PaLM (540B)", "OPT-175B",         "BLOOM-176B",     "Llama 2-70B",
      "Falcon-180B",          "GPT-4",       "Gemini 1.0 Ultra", "Llama 3.1-405B", "Grok-3"};
  TextTable t({"model", "capex + energy", "P5 - P95", "cloud", "acquisition"},
              {TextTable::Align::left, TextTable::Align::right, TextTable::Align::right,
               TextTable::Align::right, TextTable::Align::right});
  auto money = [](const corpus::CostedMethod* c) {
    return c && c->total ? format_usd_compact(c->total->amount, 1) : std::string("-");
  };
  for (const std::string& name : famous) {
    const corpus::CostedModel* m = report.result.find(name);
    if (!m)
      continue;
    const std::size_t i = static_cast<std::size_t>(m - report.result.models.data());
    std::string range;
    for (std::size_t j = 0; j < m->methods.size(); ++j)
      if (m->methods[j].cost.method == Method::capex_energy && report.ranges[i][j])
        range = format_usd_compact(usd(report.ranges[i][j]->p5), 1) + " - " +
                format_usd_compact(usd(report.ranges[i][j]->p95), 1);
    t.add_row({name, money(m->find(Method::capex_energy)), range, money(m->find(Method::cloud)),
               money(m->find(Method::acquisition))});
  }
  t.print(std::cout);
  std::cout << "\nAudit flags:\n";
  for (const std::string& name : famous)
    if (const corpus::RowAudit* a = report.audit.find(name); a && a->flagged())
      for (const std::string& reason : a->reasons)
        std::cout << "  " << name << ": " << reason << '\n';
  if (report.trend)
    std::cout << "\nTrend of the amortized cost: " << format_number(report.trend->growth, 2)
              << "x per year (bootstrap 90%: " << format_number(report.trend->growth_p5, 2) << "-"
              << format_number(report.trend->growth_p95, 2)
              << "x)\nCottier et al. 2024:          2.4x per year (90% CI 2.0-2.9x)\n";
}
