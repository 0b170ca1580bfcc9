// Epoch AI's four files, by column name. A row with a value traincost cannot
// use is reported (file:line, column, value, why) and skipped; the rest of
// the file is read. The checks are the method's needs, not a judgement of
// the data: a count must be positive, an MFU a fraction, a date a real day.
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include "traincost/core/error.hpp"
#include "traincost/io/epoch.hpp"

namespace traincost::io::epoch {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

/// Column positions by name; the required ones must be present.
class Columns {
 public:
  Columns(const CsvTable& t, const std::string& file) : file_(file) {
    for (std::size_t i = 0; i < t.header.size(); ++i)
      index_.emplace(std::string(trim(t.header[i])), i);
  }
  std::size_t require(const std::string& name) const {
    const auto it = index_.find(name);
    if (it == index_.end())
      throw Error(ErrorCode::invalid_input, FieldPath().key(file_),
                  "no column named \"" + name +
                      "\" in the header line; expected one (columns are found by name)");
    return it->second;
  }
  std::optional<std::size_t> optional(const std::string& name) const {
    const auto it = index_.find(name);
    if (it == index_.end())
      return std::nullopt;
    return it->second;
  }

 private:
  std::string file_;
  std::map<std::string, std::size_t> index_;
};

/// Reads one row's fields and records the first problem met; the row is
/// used only when there was none.
class RowReader {
 public:
  RowReader(const CsvTable::Row& row, const std::string& file,
            const std::vector<std::string>& names)
      : row_(row), file_(file), names_(names) {}

  std::string_view raw(std::optional<std::size_t> col) const {
    if (!col || *col >= row_.fields.size())
      return {};
    return trim(row_.fields[*col]);
  }
  std::string text(std::optional<std::size_t> col) const { return std::string(raw(col)); }

  /// A number; `min_exclusive`/`max_inclusive` bound it. Empty stays empty.
  std::optional<double> number(std::optional<std::size_t> col, double min_exclusive,
                               double max_inclusive, const char* expected) {
    std::string_view s = raw(col);
    if (s.empty())
      return std::nullopt;
    // The chip data writes prices as "$1,299.00": a dollar sign and
    // thousands separators are accepted there, nothing else.
    std::string money;
    if (s.front() == '$') {
      for (const char ch : s.substr(1))
        if (ch != ',')
          money += ch;
      s = money;
    }
    double v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc{} || r.ptr != s.data() + s.size()) {
      fail(col, s, std::string("not a number; expected ") + expected);
      return std::nullopt;
    }
    if (!std::isfinite(v) || !(v > min_exclusive) || !(v <= max_inclusive)) {
      fail(col, s, std::string("out of range; expected ") + expected);
      return std::nullopt;
    }
    return v;
  }
  std::optional<corpus::Date> date(std::optional<std::size_t> col) {
    const std::string_view s = raw(col);
    if (s.empty())
      return std::nullopt;
    const auto d = corpus::parse_date(s);
    if (!d)
      fail(col, s, "not a date; expected YYYY-MM-DD");
    return d;
  }
  void fail(std::optional<std::size_t> col, std::string_view value, std::string why) {
    if (issue_)
      return;
    issue_ = corpus::RowIssue{file_, row_.line, col && *col < names_.size() ? names_[*col] : "",
                              std::string(value), std::move(why)};
  }
  /// True when the row is usable; otherwise moves its issue into `issues`.
  bool ok(std::vector<corpus::RowIssue>& issues) {
    if (!issue_)
      return true;
    issues.push_back(std::move(*issue_));
    return false;
  }

 private:
  const CsvTable::Row& row_;
  const std::string& file_;
  const std::vector<std::string>& names_;
  std::optional<corpus::RowIssue> issue_;
};

constexpr double huge = 1e300;

}  // namespace

std::vector<corpus::ModelRecord> read_models(std::string_view text, const std::string& file,
                                             std::vector<corpus::RowIssue>& issues) {
  const CsvTable t = parse_csv(text, file);
  const Columns c(t, file);
  const auto name = c.require("Model");
  const auto org = c.require("Organization");
  const auto pub = c.require("Publication date");
  const auto hw = c.require("Training hardware");
  const auto qty = c.require("Hardware quantity");
  const auto hours = c.require("Training time (hours)");
  const auto flop = c.require("Training compute (FLOP)");
  const auto mfu = c.require("Hardware utilization (MFU)");
  const auto base = c.require("Base model");
  const auto chip_hours = c.optional("Training chip-hours");
  const auto rank = c.optional("Compute rank when published");
  const auto format = c.optional("Numerical format");
  const auto power = c.optional("Training power draw (W)");
  std::vector<corpus::ModelRecord> out;
  out.reserve(t.rows.size());
  for (const auto& row : t.rows) {
    RowReader r(row, file, t.header);
    corpus::ModelRecord m;
    m.line = row.line;
    m.name = r.text(name);
    if (r.raw(pub).empty()) {
      // Epoch's script drops these too; said here rather than silently.
      r.fail(pub, "", "empty; a model needs its publication date");
      r.ok(issues);
      continue;
    }
    if (m.name.empty())
      r.fail(name, "", "empty; expected the model's name");
    const auto d = r.date(pub);
    m.organization = r.text(org);
    m.hardware = r.text(hw);
    m.base_model = r.text(base);
    m.numerical_format = r.text(format);
    m.hardware_quantity = r.number(qty, 0, huge, "a positive number of chips");
    m.training_hours = r.number(hours, 0, huge, "positive hours");
    m.chip_hours = r.number(chip_hours, 0, huge, "positive chip-hours");
    m.compute_flop = r.number(flop, 0, huge, "a positive FLOP count");
    m.mfu = r.number(mfu, 0, 1, "a utilization in (0, 1]");
    m.power_draw_w = r.number(power, 0, huge, "a positive power in watts");
    if (const auto k = r.number(rank, 0, 1e9, "a rank of 1 or more")) {
      if (*k != std::floor(*k))
        r.fail(rank, r.raw(rank), "not a whole number; expected a rank of 1 or more");
      m.compute_rank = static_cast<int>(*k);
    }
    if (!r.ok(issues) || !d)
      continue;
    m.publication = *d;
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<corpus::ChipRecord> read_chips(std::string_view text, const std::string& file,
                                           std::vector<corpus::RowIssue>& issues) {
  const CsvTable t = parse_csv(text, file);
  const Columns c(t, file);
  const auto name = c.require("Hardware name");
  const auto manufacturer = c.optional("Manufacturer");
  const auto release = c.require("Release date");
  const auto price = c.optional("Release price (USD)");
  const auto t16 = c.require("Tensor-FP16/BF16 performance (FLOP/s)");
  const auto tf32 = c.require("TF32 (TensorFloat-32) performance (FLOP/s)");
  const auto fp16 = c.require("FP16 (half precision) performance (FLOP/s)");
  const auto fp32 = c.require("FP32 (single precision) performance (FLOP/s)");
  const auto fp8 = c.optional("FP8 performance (FLOP/s)");
  const auto int8 = c.optional("INT8 performance (OP/s)");
  const auto tdp = c.require("TDP (W)");
  std::vector<corpus::ChipRecord> out;
  for (const auto& row : t.rows) {
    RowReader r(row, file, t.header);
    corpus::ChipRecord chip;
    chip.line = row.line;
    chip.name = r.text(name);
    if (chip.name.empty()) {
      r.fail(name, "", "empty; a chip needs its name");
      r.ok(issues);
      continue;
    }
    chip.manufacturer = r.text(manufacturer);
    chip.release = r.date(release);
    chip.release_price_usd = r.number(price, 0, huge, "a positive price in USD");
    chip.tensor_16bit = r.number(t16, 0, huge, "a positive FLOP/s");
    chip.tf32 = r.number(tf32, 0, huge, "a positive FLOP/s");
    chip.fp16 = r.number(fp16, 0, huge, "a positive FLOP/s");
    chip.fp32 = r.number(fp32, 0, huge, "a positive FLOP/s");
    chip.fp8 = r.number(fp8, 0, huge, "a positive FLOP/s");
    chip.int8 = r.number(int8, 0, huge, "a positive OP/s");
    chip.tdp_w = r.number(tdp, 0, huge, "a positive power in watts");
    if (r.ok(issues))
      out.push_back(std::move(chip));
  }
  return out;
}

std::vector<corpus::PriceRecord> read_prices(std::string_view text, const std::string& file,
                                             std::vector<corpus::RowIssue>& issues) {
  const CsvTable t = parse_csv(text, file);
  const Columns c(t, file);
  const auto source = c.require("Price source");
  const auto date = c.require("Price date");
  const auto hw = c.require("Hardware model");
  const auto manufacturer = c.optional("Manufacturer");
  const auto vendor = c.require("Vendor");
  const auto location = c.optional("Location");
  const auto od = c.require("Price per chip-hour (on-demand)");
  const auto y1 = c.require("Price per chip-hour (1-year CUD)");
  const auto y3 = c.require("Price per chip-hour (3-year CUD)");
  const auto buy = c.require("Price (hardware purchase)");
  const auto notes = c.require("Notes");
  std::vector<corpus::PriceRecord> out;
  for (const auto& row : t.rows) {
    RowReader r(row, file, t.header);
    if (r.raw(date).empty()) {
      // Epoch's script drops these too; said here rather than silently.
      r.fail(date, "", "empty; a price needs its date");
      r.ok(issues);
      continue;
    }
    corpus::PriceRecord p;
    p.line = row.line;
    const auto d = r.date(date);
    p.source = r.text(source);
    p.hardware = r.text(hw);
    if (p.hardware.empty())
      r.fail(hw, "", "empty; expected the hardware the price is for");
    p.manufacturer = r.text(manufacturer);
    p.vendor = r.text(vendor);
    p.location = r.text(location);
    p.on_demand = r.number(od, 0, huge, "a positive USD per chip-hour");
    p.one_year = r.number(y1, 0, huge, "a positive USD per chip-hour");
    p.three_year = r.number(y3, 0, huge, "a positive USD per chip-hour");
    p.purchase = r.number(buy, 0, huge, "a positive price in USD");
    p.notes = r.text(notes);
    if (!r.ok(issues) || !d)
      continue;
    p.date = *d;
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<corpus::IndexPoint> read_index(std::string_view text, const std::string& file,
                                           std::vector<corpus::RowIssue>& issues) {
  const CsvTable t = parse_csv(text, file);
  const Columns c(t, file);
  const auto date = c.require("observation_date");
  // FRED names the value column after the series.
  const auto value = c.require("PCU518210518210");
  std::vector<corpus::IndexPoint> out;
  for (const auto& row : t.rows) {
    RowReader r(row, file, t.header);
    corpus::IndexPoint p;
    p.line = row.line;
    const auto m = corpus::parse_month(r.raw(date));
    if (!m)
      r.fail(date, r.raw(date), "not a month; expected YYYY-MM-01");
    const auto v = r.number(value, 0, huge, "a positive index value");
    if (!v && r.raw(value).empty())
      r.fail(value, "", "empty; expected the index value");
    if (!r.ok(issues))
      continue;
    p.month = *m;
    p.value = *v;
    out.push_back(p);
  }
  return out;
}

corpus::Record read_record(const Paths& paths) {
  corpus::Record rec;
  rec.models = read_models(read_file(paths.models), paths.models, rec.issues);
  rec.chips = read_chips(read_file(paths.chips), paths.chips, rec.issues);
  rec.prices = read_prices(read_file(paths.prices), paths.prices, rec.issues);
  rec.index = read_index(read_file(paths.index), paths.index, rec.issues);
  return rec;
}

}  // namespace traincost::io::epoch
