// The readers of Epoch AI's four files: by column name, bad rows reported
// (file:line, column, value, why) and skipped, the batch going on; and the
// shipped extract read whole (docs/sources.md §12).
#include <gtest/gtest.h>

#include <string>

#include "traincost/core/error.hpp"
#include "traincost/io/epoch.hpp"

namespace {

using namespace traincost;
namespace ep = traincost::io::epoch;

const std::string extract_dir = std::string(TRAINCOST_SOURCE_DIR) + "/data/epoch";

TEST(EpochCsv, QuotedFieldsSpanLinesAndRowsKeepTheirFirstLine) {
  const auto t = ep::parse_csv(
      "\xEF\xBB\xBF"
      "a,b\r\n\"x\ny\",\"say \"\"hi\"\"\"\n\n3,4\n",
      "f.csv");
  ASSERT_EQ(t.header.size(), 2u);
  EXPECT_EQ(t.header[0], "a");  // the byte-order mark is not part of the name
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 2u);
  EXPECT_EQ(t.rows[0].fields[0], "x\ny");
  EXPECT_EQ(t.rows[0].fields[1], "say \"hi\"");
  EXPECT_EQ(t.rows[1].line, 5u);  // after the quoted newline and a blank line
  EXPECT_EQ(t.rows[1].fields[1], "4");
}

TEST(EpochCsv, AnUnterminatedQuoteIsOneLocatedError) {
  try {
    ep::parse_csv("a,b\n1,\"open\n2,3\n", "f.csv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("f.csv"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos);
  }
}

TEST(EpochReaders, ColumnsAreFoundByNameInAnyOrderAndExtraColumnsIgnored) {
  const std::string text =
      "Extra,Hardware quantity,Model,Base model,Training hardware,Publication date,"
      "Organization,Hardware utilization (MFU),Training compute (FLOP),Training time (hours)\n"
      "zz,1024,GPT-X,,NVIDIA A100,2022-05-01,OpenAI,0.4,3e24,2000\n";
  std::vector<corpus::RowIssue> issues;
  const auto models = ep::read_models(text, "m.csv", issues);
  ASSERT_EQ(models.size(), 1u);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(models[0].name, "GPT-X");
  EXPECT_EQ(models[0].hardware, "NVIDIA A100");
  EXPECT_DOUBLE_EQ(*models[0].hardware_quantity, 1024);
  EXPECT_DOUBLE_EQ(*models[0].compute_flop, 3e24);
  EXPECT_EQ(models[0].publication.str(), "2022-05-01");
  EXPECT_FALSE(models[0].chip_hours.has_value());  // optional column absent
}

TEST(EpochReaders, BadRowsAreReportedWithFileLineColumnValueAndWhyThenSkipped) {
  const std::string text =
      "Model,Organization,Publication date,Training hardware,Hardware quantity,"
      "Training time (hours),Training compute (FLOP),Hardware utilization (MFU),Base model\n"
      "A,Org,2020-01-01,,-5,,,,\n"
      "B,Org,2020-02-30,,,,,,\n"
      "C,Org,2020-03-01,,,,,1.7,\n"
      "D,Org,2020-04-01,,,,lots,,\n"
      "E,Org,2020-05-01,,8,10,1e20,0.3,\n"
      "F,Org,,,,,,,\n";
  std::vector<corpus::RowIssue> issues;
  const auto models = ep::read_models(text, "m.csv", issues);
  ASSERT_EQ(models.size(), 1u);  // E
  EXPECT_EQ(models[0].name, "E");
  ASSERT_EQ(issues.size(), 5u);  // F has no publication date: reported too
  EXPECT_EQ(issues[4].column, "Publication date");
  EXPECT_EQ(issues[4].line, 7u);
  EXPECT_EQ(issues[0].file, "m.csv");
  EXPECT_EQ(issues[0].line, 2u);
  EXPECT_EQ(issues[0].column, "Hardware quantity");
  EXPECT_EQ(issues[0].value, "-5");
  EXPECT_NE(issues[0].why.find("positive"), std::string::npos);
  EXPECT_EQ(issues[1].column, "Publication date");
  EXPECT_EQ(issues[1].value, "2020-02-30");
  EXPECT_EQ(issues[2].column, "Hardware utilization (MFU)");
  EXPECT_EQ(issues[3].column, "Training compute (FLOP)");
  EXPECT_EQ(issues[3].value, "lots");
  EXPECT_EQ(
      issues[3].str(),
      "m.csv:5: Training compute (FLOP) \"lots\": not a number; expected a positive FLOP count");
}

TEST(EpochReaders, AMissingRequiredColumnIsAnErrorForTheFile) {
  std::vector<corpus::RowIssue> issues;
  try {
    ep::read_index("observation_date,OTHER\n2020-01-01,1\n", "i.csv", issues);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("no column named \"PCU518210518210\""), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("i.csv"), std::string::npos);
  }
}

TEST(EpochReaders, AnUnreadableFileIsOneError) {
  EXPECT_THROW(ep::read_file(extract_dir + "/no such file.csv"), Error);
}

TEST(EpochReaders, TheShippedExtractReadsWholeWithOneBadRowReported) {
  const corpus::Record r = ep::read_record(ep::Paths::in(extract_dir));
  // docs/sources.md §12: 1,892 model rows, all dated; one states its MFU as
  // a percentage (72.0). 591 price rows, one without a date; one chip row
  // without a name. Each is reported and its row skipped.
  EXPECT_EQ(r.models.size(), 1891u);
  EXPECT_EQ(r.prices.size(), 590u);
  EXPECT_EQ(r.index.size(), 295u);
  EXPECT_EQ(r.chips.size(), 5774u);
  ASSERT_EQ(r.issues.size(), 3u);
  EXPECT_EQ(r.issues[0].line, 915u);
  EXPECT_EQ(r.issues[0].column, "Hardware utilization (MFU)");
  EXPECT_EQ(r.issues[0].value, "72.0");
  EXPECT_NE(r.issues[0].file.find("All ML Systems"), std::string::npos);
  EXPECT_EQ(r.issues[1].column, "Hardware name");
  EXPECT_NE(r.issues[1].file.find("Chip dataset"), std::string::npos);
  EXPECT_EQ(r.issues[2].column, "Price date");
  EXPECT_EQ(r.issues[2].line, 579u);
  EXPECT_EQ(r.index.front().month.str(), "2000-12");
  EXPECT_DOUBLE_EQ(r.index.back().value, 123.659);
}

TEST(EpochReaders, ChipPricesMayCarryADollarSignAndThousandsSeparators) {
  const std::string text =
      "Hardware name,Release date,Tensor-FP16/BF16 performance (FLOP/s),"
      "TF32 (TensorFloat-32) performance (FLOP/s),FP16 (half precision) performance (FLOP/s),"
      "FP32 (single precision) performance (FLOP/s),TDP (W),Release price (USD)\n"
      "X1,2020-01-01,1e14,,,,300,\"$1,299.00\"\n"
      "X2,2020-01-01,1e14,,,,300,\"1,299\"\n";
  std::vector<corpus::RowIssue> issues;
  const auto chips = ep::read_chips(text, "c.csv", issues);
  ASSERT_EQ(chips.size(), 1u);
  EXPECT_DOUBLE_EQ(*chips[0].release_price_usd, 1299.0);
  ASSERT_EQ(issues.size(), 1u);  // a bare number with a comma is not a price
  EXPECT_EQ(issues[0].line, 3u);
}

}  // namespace
