// The price book's look-up policies (corpus/price_book.hpp), each proven on
// a small hand-made book.
#include <gtest/gtest.h>

#include "corpus_fixture.hpp"
#include "traincost/corpus/price_book.hpp"

namespace {

using namespace corpus_test;

TEST(PriceBook, ClosestOnOrBeforeTheDateWinsThenTheClosestAfter) {
  const PriceBook book({price("NVIDIA A100", "Amazon Web Services", "2020-01-01", 4, 3, 2),
                        price("NVIDIA A100", "Amazon Web Services", "2021-01-01", 4, 3, 1.5),
                        price("NVIDIA A100", "Amazon Web Services", "2021-02-01", 4, 3, 1.0)});
  const RentalPolicy policy;
  auto q = book.rental("NVIDIA A100", "Someone", instant(day("2021-01-20")), policy);
  ASSERT_TRUE(q);
  EXPECT_DOUBLE_EQ(q->usd_per_chip_hour, 1.5);  // not the closer 2021-02-01: it is after
  EXPECT_DOUBLE_EQ(traincost::in_usd_per_gpu_hour(q->price()), 1.5);
  EXPECT_EQ(q->row->source, "https://example.org/price");
  EXPECT_FALSE(q->later_price);
  q = book.rental("NVIDIA A100", "Someone", instant(day("2019-06-01")), policy);
  ASSERT_TRUE(q);
  EXPECT_DOUBLE_EQ(q->usd_per_chip_hour, 2);
  EXPECT_TRUE(q->later_price);
  RentalPolicy strict;
  strict.allow_later_price = false;
  EXPECT_FALSE(book.rental("NVIDIA A100", "Someone", instant(day("2019-06-01")), strict));
}

TEST(PriceBook, TheOrganizationsVendorComesFirstAndTpusOnlyFromGoogle) {
  const PriceBook book({price("NVIDIA V100", "Amazon Web Services", "2020-01-01", 3, 2, 1),
                        price("NVIDIA V100", "Microsoft Azure", "2020-01-01", 3, 2, 0.9),
                        price("Google TPU v3", "Amazon Web Services", "2020-01-01", 9, 9, 9),
                        price("Google TPU v3", "Google Cloud", "2020-01-01", 8, 5, 3.5)});
  const RentalPolicy policy;
  EXPECT_EQ(PriceBook::vendor_for("OpenAI", policy), "Microsoft Azure");
  EXPECT_EQ(PriceBook::vendor_for("Google DeepMind,Google", policy), "Google Cloud");
  EXPECT_EQ(PriceBook::vendor_for("Anthropic", policy), "Amazon Web Services");
  auto q = book.rental("NVIDIA V100", "OpenAI", instant(day("2020-06-01")), policy);
  EXPECT_EQ(q->vendor, "Microsoft Azure");
  EXPECT_DOUBLE_EQ(q->usd_per_chip_hour, 0.9);
  q = book.rental("Google TPU v3", "Meta AI", instant(day("2020-06-01")), policy);
  EXPECT_EQ(q->vendor, "Google Cloud");
  EXPECT_DOUBLE_EQ(q->usd_per_chip_hour, 3.5);
}

TEST(PriceBook, AnotherTermIsConvertedWithTheVendorsDiscounts) {
  const PriceBook book({price("NVIDIA H100", "Google Cloud", "2023-06-01", 10, {}, {})});
  const RentalPolicy policy;
  const auto q = book.rental("NVIDIA H100", "Google", instant(day("2023-09-01")), policy);
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->term_converted);
  EXPECT_EQ(q->term, RentalTerm::on_demand);
  EXPECT_DOUBLE_EQ(q->usd_per_chip_hour, 10 * (1 - 0.56));  // Google Cloud's 3-year discount
  RentalPolicy mine;
  mine.discounts["Google Cloud"] = {0, 0.3, 0.5};
  EXPECT_DOUBLE_EQ(
      book.rental("NVIDIA H100", "Google", instant(day("2023-09-01")), mine)->usd_per_chip_hour, 5);
}

TEST(PriceBook, AVariantBorrowsItsFamilysPrice) {
  const PriceBook book({price("NVIDIA A100", "Amazon Web Services", "2021-01-01", 4, 3, 2)});
  const auto q =
      book.rental("NVIDIA A100 SXM4 40 GB", "x", instant(day("2021-06-01")), RentalPolicy{});
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->family_price);
}

TEST(PriceBook, GpuPurchasePrefersDgxAndScalesSingleUnitPrices) {
  const EpochConstants k;
  const PriceBook dgx(
      {price("NVIDIA V100", "", "2017-06-01", {}, {}, {}, 10000, "Single-unit price"),
       price("NVIDIA DGX-1 V100", "", "2017-09-01", {}, {}, {}, 18000, "DGX-1 per GPU")});
  auto q = dgx.gpu_purchase("NVIDIA Tesla V100 DGXS 32 GB", day("2017-05-01"), k);
  ASSERT_TRUE(q);
  EXPECT_DOUBLE_EQ(q->usd_per_chip, 18000);  // the DGX row, though later
  EXPECT_FALSE(q->server_overhead_applied);
  const PriceBook single(
      {price("NVIDIA A100", "", "2020-05-14", {}, {}, {}, 10000, "Single-unit list price")});
  q = single.gpu_purchase("NVIDIA A100 SXM4 40 GB", day("2020-05-14"), k);
  ASSERT_TRUE(q);
  EXPECT_DOUBLE_EQ(traincost::in_usd_per_accelerator(q->price()),
                   16600);  // x 1.66, Epoch's A100 overhead
  // Bought no earlier than 90 days after release.
  EXPECT_DOUBLE_EQ(q->acquired, instant(day("2020-05-14")) + 90);
}

}  // namespace
