// RFC 4180 CSV for Epoch AI's files: the models file has quoted notes that
// span many lines, so a record's line is where it starts, not its index.
#include <fstream>
#include <sstream>

#include "traincost/core/error.hpp"
#include "traincost/io/epoch.hpp"

namespace traincost::io::epoch {

CsvTable parse_csv(std::string_view text, const std::string& file) {
  // Airtable exports start with a UTF-8 byte-order mark; it is not part of
  // the first column's name.
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    text.remove_prefix(3);
  CsvTable table;
  std::vector<std::string> fields;
  std::string field;
  std::size_t line = 1;
  std::size_t record_line = 1;
  bool in_quotes = false;
  bool quoted_field = false;
  std::size_t quote_line = 0;
  bool any = false;  // the current record has content (a blank line is no record)

  auto end_record = [&] {
    fields.push_back(std::move(field));
    field.clear();
    if (any) {
      if (table.header.empty() && table.rows.empty())
        table.header = std::move(fields);
      else
        table.rows.push_back({record_line, std::move(fields)});
    }
    fields.clear();
    any = false;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n')
          ++line;
        field += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        if (field.empty() && !quoted_field) {
          in_quotes = true;
          quoted_field = true;
          quote_line = line;
          any = true;
        } else {
          field += c;  // a stray quote inside an unquoted field is kept as text
        }
        break;
      case ',':
        fields.push_back(std::move(field));
        field.clear();
        quoted_field = false;
        any = true;
        break;
      case '\r':
        break;
      case '\n':
        end_record();
        quoted_field = false;
        ++line;
        record_line = line;
        break;
      default:
        field += c;
        any = true;
    }
  }
  if (in_quotes)
    throw Error(ErrorCode::invalid_input, FieldPath().key(file),
                "a quoted field opened on line " + std::to_string(quote_line) +
                    " is never closed; expected a CSV file");
  if (any || !field.empty())
    end_record();
  return table;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ErrorCode::invalid_input, FieldPath().key(path),
                "cannot be opened; expected a readable CSV file");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad())
    throw Error(ErrorCode::invalid_input, FieldPath().key(path), "cannot be read");
  return std::move(s).str();
}

}  // namespace traincost::io::epoch
