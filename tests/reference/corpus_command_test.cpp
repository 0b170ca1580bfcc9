// `traincost corpus` run as a user runs it, on the shipped extract
// (docs/corpus.md, docs/sources.md §12): formats, the CSV/JSON schema, the
// chart, and bad input as one clear error with a non-zero exit.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#ifdef TRAINCOST_EXE

namespace {

const std::string data = std::string(TRAINCOST_SOURCE_DIR) + "/data/epoch";

struct Outcome {
  int status = -1;
  std::string out;
};

Outcome run(const std::string& args) {
  const std::string cmd = std::string("'") + TRAINCOST_EXE + "' " + args + " 2>&1";
  Outcome r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p)
    return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0)
    r.out.append(buf.data(), n);
  const int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

TEST(CorpusCommand, JsonHasOneRowPerModelAndMethodWithTheDocumentedFields) {
  const Outcome r = run("corpus --data '" + data + "' --format json --base-month 2024-12 -n 2000");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::ordered_json::parse(r.out);
  EXPECT_EQ(j["schema"], "traincost.corpus/1");
  EXPECT_EQ(j["base_month"], "2024-12");
  EXPECT_EQ(j["models"], 89);
  EXPECT_EQ(j["figures"], 163);
  ASSERT_EQ(j["rows"].size(), 89u * 3u);
  const char* fields[] = {
      "model",    "organization",     "publication_date", "hardware",   "method",
      "scope",    "cost_usd",         "base_month",       "p5_usd",     "p95_usd",
      "chip_usd", "other_server_usd", "interconnect_usd", "energy_usd", "flags",
      "audit",    "missing"};
  std::size_t k = 0;
  for (const auto& [key, value] : j["rows"][0].items())
    EXPECT_EQ(key, fields[k++]);
  EXPECT_EQ(k, std::size(fields));
  int with_cost = 0;
  for (const auto& row : j["rows"]) {
    if (row["cost_usd"].is_null()) {
      EXPECT_NE(row["missing"], "") << row["model"];
      continue;
    }
    ++with_cost;
    const double cost = row["cost_usd"];
    const double p5 = row["p5_usd"];
    const double p95 = row["p95_usd"];
    EXPECT_LT(p5, cost) << row["model"];
    EXPECT_GT(p95, cost) << row["model"];
  }
  EXPECT_EQ(with_cost, 163);
  EXPECT_EQ(j["skipped_rows"].size(), 3u);
  const double growth = j["trend"]["growth_per_year"];
  EXPECT_NEAR(growth, 2.94, 0.01);
  EXPECT_EQ(j["trend"]["cottier_2024"]["growth_per_year"], 2.4);
}

TEST(CorpusCommand, CsvHeaderIsTheSchemaAndGpt4IsThere) {
  const Outcome r = run("corpus --data '" + data + "' --format csv --no-ranges --methods cloud");
  ASSERT_EQ(r.status, 0) << r.out;
  std::istringstream in(r.out);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header,
            "model,organization,publication_date,hardware,method,scope,cost_usd,base_month,p5_usd,"
            "p95_usd,chip_usd,other_server_usd,interconnect_usd,energy_usd,flags,audit,missing");
  EXPECT_NE(r.out.find("\nGPT-4,OpenAI,2023-03-15,"), std::string::npos);
  EXPECT_EQ(r.out.find(",capex_energy,"), std::string::npos);  // only the cloud method asked
}

TEST(CorpusCommand, TableAndMarkdownSayTheBaseMonthAndTheTrend) {
  const Outcome t = run("corpus --data '" + data + "' --no-ranges");
  ASSERT_EQ(t.status, 0) << t.out;
  EXPECT_NE(t.out.find("Cost (2025-06 USD)"), std::string::npos);
  EXPECT_NE(t.out.find("Cottier et al. 2024: 2.4x"), std::string::npos);
  const Outcome m = run("corpus --data '" + data + "' --no-ranges --format markdown");
  ASSERT_EQ(m.status, 0) << m.out;
  EXPECT_NE(m.out.find("| Model | Published |"), std::string::npos);
}

TEST(CorpusCommand, TheChartIsWellFormedSvg) {
  const std::string path = ::testing::TempDir() + "traincost_corpus_trend.svg";
  std::remove(path.c_str());
  const Outcome r = run("corpus --data '" + data + "' --no-ranges --chart '" + path + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  std::ifstream f(path);
  std::stringstream svg;
  svg << f.rdbuf();
  EXPECT_EQ(svg.str().rfind("<svg", 0), 0u);
  EXPECT_NE(svg.str().find("Cottier et al. 2024"), std::string::npos);
  EXPECT_NE(svg.str().find("</svg>"), std::string::npos);
  std::remove(path.c_str());
}

TEST(CorpusCommand, BadInputIsOneClearErrorAndExitOne) {
  Outcome r = run("corpus --data '" + data + "' --base-month 2024-13");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("--base-month"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2024-13"), std::string::npos) << r.out;
  r = run("corpus --data '" + data + "' --methods cloud,rent");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("\"rent\""), std::string::npos) << r.out;
  r = run("corpus --data /nonexistent-traincost-dir");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("cannot be opened"), std::string::npos) << r.out;
  // A month the index does not cover: Epoch's policy falls back to the latest.
  r = run("corpus --data '" + data + "' --base-month 2030-01 --no-ranges --format json");
  EXPECT_EQ(r.status, 0) << r.out;
  r = run("corpus --data '" + data + "' --top-n 0");
  EXPECT_EQ(r.status, 2);  // a usage error
}

}  // namespace

#endif
