#pragma once
/// \file
/// Where an input sits in a model, as segments: `DeepSeek-V3` › `stages[0]`
/// › `gpu_hours`. A model names each input it reads by such a path. Paths are
/// built on the stack as a chain of segments and turned into text only when
/// needed — to bind a range to an input once before a simulation, or to name
/// a field in an error — so the passing path of a typed evaluation
/// allocates nothing.
///
/// The text form joins segments with dots and writes an index as `[i]`:
/// "DeepSeek-V3.stages[0].gpu_hours". Runs, fleets and programs are rooted
/// at their names, so that a run used both on its own and inside a program
/// is one input, drawn once.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace traincost::model {

/// One segment of an input's path, linked to its parent (a stack frame's).
class Path {
 public:
  /// The root of a model's paths, usually the model's name.
  explicit Path(std::string_view root) : parent_(nullptr), name_(root) {}
  /// A named field below `parent`.
  Path(const Path& parent, std::string_view field) : parent_(&parent), name_(field) {}
  /// The element `index` of the list `field` below `parent`, e.g. "stages[2]".
  Path(const Path& parent, std::string_view field, std::size_t index)
      : parent_(&parent), name_(field), index_(static_cast<std::ptrdiff_t>(index)) {}

  /// A field below this one (the path must outlive the child).
  Path operator/(std::string_view field) const { return Path(*this, field); }

  /// The path as text, e.g. "DeepSeek-V3.stages[0].gpu_hours".
  std::string str() const {
    std::string out;
    append_to(out);
    return out;
  }

  /// The segments from the root, each as written in `str()` ("stages[0]").
  std::vector<std::string> segments() const {
    std::vector<std::string> out;
    for (const Path* p = this; p; p = p->parent_)
      out.insert(out.begin(), p->segment());
    return out;
  }

 private:
  std::string segment() const {
    std::string s(name_);
    if (index_ >= 0)
      ((s += '[') += std::to_string(index_)) += ']';
    return s;
  }
  void append_to(std::string& out) const {
    if (parent_) {
      parent_->append_to(out);
      if (!out.empty())
        out += '.';
    }
    out += segment();
  }

  const Path* parent_;
  std::string_view name_;
  std::ptrdiff_t index_ = -1;
};

}  // namespace traincost::model
