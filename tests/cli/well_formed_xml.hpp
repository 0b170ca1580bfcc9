#pragma once
// A small XML well-formedness check for the SVG tests: balanced and properly
// nested elements, quoted attributes, known entities only, no stray '<' or
// '&' in text, one root element. Enough to catch what a hand-written SVG
// writer can get wrong; returns an empty string when the document is fine.

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace traincost::test {

inline std::string xml_problem(std::string_view doc) {
  std::vector<std::string> open;
  std::size_t i = 0, roots = 0;
  auto check_entities = [](std::string_view text) -> std::string {
    for (std::size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '<')
        return "'<' in text or attribute";
      if (text[k] != '&')
        continue;
      const auto end = text.find(';', k);
      if (end == std::string_view::npos)
        return "unterminated entity";
      const std::string_view ent = text.substr(k + 1, end - k - 1);
      if (ent != "amp" && ent != "lt" && ent != "gt" && ent != "quot" && ent != "apos" &&
          !(ent.size() > 1 && ent[0] == '#'))
        return "unknown entity &" + std::string(ent) + ";";
      k = end;
    }
    return "";
  };
  while (i < doc.size()) {
    if (doc[i] != '<') {
      const auto next = doc.find('<', i);
      const std::string_view text = doc.substr(i, next - i);
      if (open.empty() && text.find_first_not_of(" \t\r\n") != std::string_view::npos)
        return "text outside the root element";
      if (auto p = check_entities(text); !p.empty())
        return p;
      if (next == std::string_view::npos)
        break;
      i = next;
      continue;
    }
    if (doc.substr(i, 5) == "<?xml") {
      const auto end = doc.find("?>", i);
      if (end == std::string_view::npos || i != 0)
        return "bad XML declaration";
      i = end + 2;
      continue;
    }
    if (doc.substr(i, 4) == "<!--") {
      const auto end = doc.find("-->", i);
      if (end == std::string_view::npos)
        return "unterminated comment";
      i = end + 3;
      continue;
    }
    const auto end = doc.find('>', i);
    if (end == std::string_view::npos)
      return "unterminated tag";
    std::string_view tag = doc.substr(i + 1, end - i - 1);
    i = end + 1;
    if (!tag.empty() && tag[0] == '/') {
      const std::string name(tag.substr(1));
      if (open.empty() || open.back() != name)
        return "mismatched closing tag </" + name + ">";
      open.pop_back();
      continue;
    }
    const bool self_closing = !tag.empty() && tag.back() == '/';
    if (self_closing)
      tag.remove_suffix(1);
    std::size_t k = 0;
    while (k < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[k])) || tag[k] == '-' ||
                              tag[k] == ':' || tag[k] == '_'))
      ++k;
    const std::string name(tag.substr(0, k));
    if (name.empty())
      return "element without a name";
    // Attributes: name="value" separated by whitespace, each name once.
    std::vector<std::string> seen;
    while (k < tag.size()) {
      if (std::isspace(static_cast<unsigned char>(tag[k]))) {
        ++k;
        continue;
      }
      std::size_t a = k;
      while (k < tag.size() && tag[k] != '=' && !std::isspace(static_cast<unsigned char>(tag[k])))
        ++k;
      const std::string attr(tag.substr(a, k - a));
      if (attr.empty() || k >= tag.size() || tag[k] != '=' || k + 1 >= tag.size())
        return "malformed attribute in <" + name + ">";
      const char q = tag[k + 1];
      if (q != '"' && q != '\'')
        return "unquoted attribute " + attr;
      const auto close = tag.find(q, k + 2);
      if (close == std::string_view::npos)
        return "unterminated attribute " + attr;
      if (auto p = check_entities(tag.substr(k + 2, close - k - 2)); !p.empty())
        return p;
      for (const auto& s : seen)
        if (s == attr)
          return "duplicate attribute " + attr;
      seen.push_back(attr);
      k = close + 1;
    }
    if (open.empty()) {
      if (++roots > 1)
        return "more than one root element";
    }
    if (!self_closing)
      open.push_back(name);
  }
  if (!open.empty())
    return "unclosed element <" + open.back() + ">";
  if (roots != 1)
    return "no root element";
  return "";
}

}  // namespace traincost::test
