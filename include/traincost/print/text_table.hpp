#pragma once
/// \file
/// A plain-text table with aligned columns, for examples and reports.

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace traincost {

/// Rows of cells printed with aligned columns; numbers right-aligned.
class TextTable {
 public:
  enum class Align { left, right };

  /// \param headers column titles
  /// \param align   alignment per column (missing entries: left)
  explicit TextTable(std::vector<std::string> headers, std::vector<Align> align = {})
      : headers_(std::move(headers)), align_(std::move(align)) {
    align_.resize(headers_.size(), Align::left);
  }

  /// Appends a row; missing cells print empty.
  void add_row(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    rows_.push_back(std::move(cells));
  }
  /// Appends a separator line.
  void add_rule() { rows_.emplace_back(); }

  /// Prints the table, two spaces between columns.
  void print(std::ostream& os) const {
    std::vector<std::size_t> width(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c)
      width[c] = headers_[c].size();
    for (const auto& row : rows_)
      for (std::size_t c = 0; c < row.size(); ++c)
        width[c] = std::max(width[c], row[c].size());
    std::size_t total = 0;
    for (auto w : width)
      total += w + 2;
    print_row(os, headers_, width);
    os << std::string(total > 2 ? total - 2 : 0, '-') << '\n';
    for (const auto& row : rows_) {
      if (row.empty())
        os << std::string(total > 2 ? total - 2 : 0, '-') << '\n';
      else
        print_row(os, row, width);
    }
  }

 private:
  void print_row(std::ostream& os, const std::vector<std::string>& row,
                 const std::vector<std::size_t>& width) const {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(width[c] - row[c].size(), ' ');
      line += align_[c] == Align::right ? pad + row[c] : row[c] + pad;
      if (c + 1 < row.size())
        line += "  ";
    }
    line.erase(line.find_last_not_of(' ') + 1);
    os << line << '\n';
  }

  std::vector<std::string> headers_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace traincost
