// Variants of a scenario file: `[[variant]]` tables whose fields are merged
// key by key into the base document, which the ordinary reader then reads.
// See docs/scenarios.md ("Variants and comparisons").
//
// Locations survive the merge because the variant's nodes are moved, not
// copied, into the base (toml++ keeps a node's source region on a move and
// drops it on a copy), so the reader's own errors point at the variant's
// line. Each variant reads a fresh parse of the text for the same reason.

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "detail/read_text.hpp"
#include "detail/scenario_builder.hpp"
#include "detail/toml_reader.hpp"
#include "traincost/io/compare.hpp"
#include "traincost/io/estimate.hpp"

namespace traincost::io {
namespace {

using detail_reader::Reader;

// Keys that describe a figure without being one: changing only these keeps
// the provenance of the table they are in.
bool describes_only(std::string_view key) {
  return key == "name" || key == "label" || key == "description" || key == "notes" ||
         key == "evidence" || key == "source";
}

std::string element_name(const toml::node& n) {
  if (const toml::table* t = n.as_table())
    for (const char* k : {"name", "label"})
      if (const toml::node* v = t->get(k))
        if (const auto* s = v->as_string())
          return s->get();
  return {};
}

/// What one variant changed, to place the reader's errors at its lines.
class VariantMerge {
 public:
  VariantMerge(const std::string& file, FieldPath prefix, Location header)
      : file_(file), prefix_(std::move(prefix)), header_(header) {}

  [[noreturn]] void fail(ErrorCode code, const toml::source_region& at, const FieldPath& tail,
                         const std::string& value, const std::string& expected) const {
    throw ScenarioError(code, file_, Reader::where(at), prefix_.then(tail), value, expected);
  }

  /// Records where every key and value of the variant is written.
  void note_spots(const toml::node& n) {
    spots_.insert(key(Reader::where(n.source())));
    if (const toml::table* t = n.as_table())
      for (const auto& [k, v] : *t) {
        spots_.insert(key(Reader::where(k.source())));
        note_spots(v);
      }
    else if (const toml::array* a = n.as_array())
      for (const toml::node& e : *a)
        note_spots(e);
  }

  /// Merges `var` into `base`. `vpath` names the field as the variant writes
  /// it (for errors), `bpath` as the reader records it ("run.stages[0]").
  ///
  /// A changed figure no longer has the base's source: the nearest table
  /// around it that states `evidence` or `source` loses them unless the
  /// variant restates them there, so the figure falls back to the reader's
  /// default (assumed, stated in the scenario). Returns whether a changed
  /// figure is still looking for that table (none at this level or below).
  bool merge(toml::table& base, toml::table& var, const FieldPath& vpath,
             const std::string& bpath) {
    bool pending = false;
    for (auto&& [k, v] : var) {
      const std::string name(k.str());
      const FieldPath vp =
          vpath.empty() ? FieldPath(Reader::key_name(name)) : vpath.key(Reader::key_name(name));
      const std::string bp = Reader::child(bpath, name);
      toml::node* b = base.get(name);
      if (b && b->is_table() && v.is_table()) {
        pending = merge(*b->as_table(), *v.as_table(), vp, bp) || pending;
        continue;
      }
      if (b && b->is_array() && v.is_table()) {
        pending = merge_elements(*b->as_array(), *v.as_table(), vp, bp) || pending;
        continue;
      }
      if (!describes_only(name))
        pending = true;
      leaves_.emplace_back(bp, Reader::where(v.source()));
      base.insert_or_assign(toml::key(k), std::move(v));
    }
    if (!pending || var.contains("evidence") || var.contains("source"))
      return false;  // nothing changed, or the variant states the new figure's source
    if (!base.contains("evidence") && !base.contains("source"))
      return true;  // this table has no provenance: the one around it answers
    base.erase("evidence");
    base.erase("source");
    return false;
  }

  /// Removes the field a dotted path (`unset` entry) names from `root`.
  void unset(toml::table& root, const toml::node& entry, const FieldPath& field) {
    const auto* text = entry.as_string();
    if (!text)
      fail(ErrorCode::invalid_value, entry.source(), field, Reader::describe(entry),
           "a dotted path of a field to remove, e.g. \"run.stages.0.gpu_hours\"");
    const std::vector<std::string> keys = split(text->get());
    toml::node* at = &root;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      toml::node* next = nullptr;
      if (toml::table* t = at->as_table()) {
        if (i + 1 == keys.size() && t->contains(keys[i])) {
          t->erase(keys[i]);
          return;
        }
        next = t->get(keys[i]);
      } else if (toml::array* a = at->as_array()) {
        if (const auto index = element_index(*a, keys[i]))
          next = a->get(*index);
      }
      if (!next || (i + 1 < keys.size() && !next->is_table() && !next->is_array()))
        fail(ErrorCode::unknown_name, entry.source(), field, Reader::quote(text->get()),
             "the dotted path of a field of the base document (element of a list by index "
             "or name, e.g. \"run.stages.0.gpu_hours\")");
      at = next;
    }
    fail(ErrorCode::unknown_name, entry.source(), field, Reader::quote(text->get()),
         "the dotted path of a field of the base document");
  }

  /// Re-throws a reader or model error of the merged document as the
  /// variant's: at its own line when the error is at a value the variant
  /// wrote, else at the variant's change closest to the field.
  [[noreturn]] void rethrow(const ScenarioError& e) const {
    Location at = e.where();
    if (!spots_.count(key(at)))
      at = closest(location_key(e.field()));
    throw ScenarioError(e, e.file(), at, prefix_.then(e.field()));
  }

 private:
  static std::pair<std::uint32_t, std::uint32_t> key(Location l) { return {l.line, l.column}; }

  // "run.stages.\"pre-training\".gpu_hours" -> run, stages, pre-training, gpu_hours.
  static std::vector<std::string> split(std::string_view dotted) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (char c : dotted) {
      if (c == '"')
        quoted = !quoted;
      else if (c == '.' && !quoted)
        out.emplace_back();
      else
        out.back() += c;
    }
    return out;
  }

  // An element of a list by index ("0") or by its `name` or `label`.
  static std::optional<std::size_t> element_index(const toml::array& a, std::string_view key) {
    if (!key.empty() && key.size() < 10 &&
        key.find_first_not_of("0123456789") == std::string_view::npos) {
      const std::size_t i = std::stoul(std::string(key));
      return i < a.size() ? std::optional<std::size_t>(i) : std::nullopt;
    }
    for (std::size_t i = 0; i < a.size(); ++i)
      if (element_name(*a.get(i)) == key)
        return i;
    return std::nullopt;
  }

  bool merge_elements(toml::array& base, toml::table& selectors, const FieldPath& vpath,
                      const std::string& bpath) {
    bool pending = false;
    for (auto&& [k, v] : selectors) {
      const std::string sel(k.str());
      const FieldPath vp = vpath.key(Reader::key_name(sel));
      const auto index = element_index(base, sel);
      if (!index) {
        std::string names;
        for (const toml::node& e : base)
          if (const std::string n = element_name(e); !n.empty())
            names += (names.empty() ? "" : ", ") + Reader::quote(n);
        fail(ErrorCode::unknown_name, k.source(), vp, Reader::quote(sel),
             base.empty() ? "an element of " + bpath + ", which has none"
                          : "an element of " + bpath + ": an index from 0 to " +
                                std::to_string(base.size() - 1) +
                                (names.empty() ? std::string() : " or a name: " + names));
      }
      toml::table* element = base.get(*index)->as_table();
      toml::table* changes = v.as_table();
      if (!element || !changes)
        fail(ErrorCode::invalid_value, v.source(), vp, Reader::describe(v),
             "a table of the element's fields to change, e.g. [variant." + bpath + "." + sel + "]");
      pending =
          merge(*element, *changes, vp, bpath + "[" + std::to_string(*index) + "]") || pending;
    }
    return pending;
  }

  // The change whose field shares the longest leading part with `field`.
  Location closest(const std::string& field) const {
    Location best = header_;
    std::size_t best_len = 0;
    for (const auto& [path, where] : leaves_) {
      std::size_t n = 0;
      while (n < path.size() && n < field.size() && path[n] == field[n])
        ++n;
      const bool whole = (n == path.size() || path[n] == '.' || path[n] == '[') &&
                         (n == field.size() || field[n] == '.' || field[n] == '[');
      if (!whole)  // back to the last whole segment
        while (n > 0 && path[n - 1] != '.' && path[n - 1] != '[')
          --n;
      if (n > best_len) {
        best_len = n;
        best = where;
      }
    }
    return best;
  }

  const std::string& file_;
  FieldPath prefix_;
  Location header_;
  std::set<std::pair<std::uint32_t, std::uint32_t>> spots_;
  std::vector<std::pair<std::string, Location>> leaves_;
};

// The text parsed; a syntax error is reported exactly as `parse_scenario`
// reports it (it throws on the same text).
toml::table parse_toml(std::string_view text, const std::string& file) {
  try {
    return toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error&) {
    (void)parse_scenario(text, file);
    throw;  // not reached: parse_scenario throws the located error
  }
}

Scenario read_document(const toml::table& root, std::string_view text, const std::string& file) {
  Scenario s;
  s.file = file;
  Reader r(s.file, s.locations, text);
  detail_reader::ScenarioBuilder(r, s).top(root);
  return s;
}

}  // namespace

std::vector<Configuration> parse_configurations(std::string_view text, std::string_view file_name) {
  const std::string file(file_name);
  if (text.size() > max_scenario_bytes)
    return {Configuration{{}, {}, file, std::nullopt, parse_scenario(text, file)}};  // throws
  toml::table root = parse_toml(text, file);
  const toml::node* vn = root.get("variant");
  if (!vn) {
    Scenario s = parse_scenario(text, file);
    std::string name = s.name.empty() ? file : s.name;
    std::string description = s.description;
    return {
        Configuration{std::move(name), std::move(description), file, std::nullopt, std::move(s)}};
  }
  std::map<std::string, Location> scratch;
  Reader r(file, scratch, text);
  // [[variant]] tables, or one [variant] table.
  std::size_t count = 1;
  if (const toml::array* a = vn->as_array()) {
    if (a->empty())
      r.fail(ErrorCode::invalid_input, a->source(), "variant", "got an empty array",
             "at least one [[variant]] table");
    count = a->size();
    if (count > max_variants)
      r.fail(ErrorCode::invalid_input, a->source(), "variant",
             "got " + std::to_string(count) + " [[variant]] tables",
             "at most " + std::to_string(max_variants));
    for (std::size_t i = 0; i < count; ++i)
      (void)r.table_at(*a, i, "variant[" + std::to_string(i) + "]");
  } else if (!vn->is_table()) {
    r.fail_type(*vn, "variant", "[[variant]] tables");
  }

  const bool many = vn->is_array();  // `vn` dies with the erase below
  std::vector<Configuration> out;
  root.erase("variant");
  Scenario base = read_document(root, text, file);
  (void)estimate(base);
  {
    std::string name = base.name.empty() ? file : base.name;
    std::string description = base.description;
    out.push_back({std::move(name), std::move(description), file, std::nullopt, std::move(base)});
  }

  for (std::size_t i = 0; i < count; ++i) {
    toml::table doc = parse_toml(text, file);
    toml::node* v = doc.get("variant");
    toml::table var =
        std::move(v->is_array() ? *v->as_array()->get(i)->as_table() : *v->as_table());
    doc.erase("variant");
    const std::string vpath = many ? "variant[" + std::to_string(i) + "]" : "variant";

    const toml::node* name_node = r.required(var, vpath, "name", "the variant's name, a string");
    const std::string name = r.nonempty_string(*name_node, vpath + ".name");
    for (const Configuration& c : out)
      if (c.name == name)
        r.fail(ErrorCode::invalid_input, name_node->source(), vpath + ".name",
               "got " + Reader::quote(name) + ", also the name of " +
                   (c.variant ? "variant[" + std::to_string(*c.variant) + "]" : "the base"),
               "a name no other configuration of the file has");
    const FieldPath prefix = many ? FieldPath("variant").element(i, name) : FieldPath("variant");
    // name, description and unset belong to the variant; the rest is merged.
    try {
      r.check_keys(
          var, vpath,
          {"name", "description", "unset", "accelerators", "run", "fleet", "program", "serving"});
    } catch (const ScenarioError& e) {
      FieldPath field = prefix;
      const auto& segs = e.field().segments();
      for (std::size_t k = 1; k < segs.size(); ++k)
        field = field.key(segs[k].key);
      throw ScenarioError(e, file, e.where(), field);
    }
    std::string description = r.optional_string(var, vpath, "description").value_or("");

    VariantMerge merge(file, prefix, Reader::where(var.source()));
    merge.note_spots(var);
    if (const toml::node* u = var.get("unset")) {
      const toml::array* list = u->as_array();
      if (!list)
        merge.fail(ErrorCode::invalid_value, u->source(), FieldPath("unset"), Reader::describe(*u),
                   "an array of dotted paths, e.g. [\"run.stages.0.gpu_hours\"]");
      for (std::size_t k = 0; k < list->size(); ++k)
        merge.unset(doc, *list->get(k), FieldPath("unset").element(k));
    }
    for (const char* own : {"name", "description", "unset"})
      var.erase(own);
    (void)merge.merge(doc, var, FieldPath(), "");

    try {
      Scenario s = read_document(doc, text, file);
      (void)estimate(s);  // a variant that reads but does not cost is its error too
      out.push_back({name, std::move(description), file, i, std::move(s)});
    } catch (const ScenarioError& e) {
      merge.rethrow(e);
    }
  }
  return out;
}

std::vector<Configuration> read_configurations(const std::string& path) {
  return parse_configurations(detail_reader::read_text(path, max_scenario_bytes),
                              path == "-" ? std::string("<stdin>") : path);
}

}  // namespace traincost::io
