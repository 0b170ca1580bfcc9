// A small hand-made record in Epoch's shape, for the corpus unit tests.
#pragma once

#include "traincost/corpus/records.hpp"

namespace corpus_test {

using namespace traincost::corpus;

inline Date day(const char* s) {
  return *parse_date(s);
}

inline PriceRecord price(const char* hw, const char* vendor, const char* date,
                         std::optional<double> od, std::optional<double> y1,
                         std::optional<double> y3, std::optional<double> buy = {},
                         const char* notes = "") {
  PriceRecord p;
  p.hardware = hw;
  p.vendor = vendor;
  p.date = day(date);
  p.on_demand = od;
  p.one_year = y1;
  p.three_year = y3;
  p.purchase = buy;
  p.notes = notes;
  p.source = "https://example.org/price";
  return p;
}

inline ChipRecord chip(const char* name, const char* release, double bf16, double tdp) {
  ChipRecord c;
  c.name = name;
  c.release = day(release);
  c.tensor_16bit = bf16;
  c.tdp_w = tdp;
  return c;
}

inline ModelRecord model(const char* name, const char* org, const char* date, const char* hw,
                         std::optional<double> qty, std::optional<double> hours,
                         std::optional<double> flop, std::optional<int> rank) {
  ModelRecord m;
  m.name = name;
  m.organization = org;
  m.publication = day(date);
  m.hardware = hw;
  m.hardware_quantity = qty;
  m.training_hours = hours;
  m.compute_flop = flop;
  m.compute_rank = rank;
  return m;
}

}  // namespace corpus_test
