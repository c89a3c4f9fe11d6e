// Reads fields out of a JSON object with type checks; every failure names the field path, so API
// errors can say exactly which input was wrong.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace reilu::codec {

namespace json = boost::json;

class Fields {
 public:
  // Fails unless `value` is an object.
  static Result<Fields> Of(const json::value& value, std::string path);

  const json::value* Find(std::string_view key) const;
  std::string PathOf(std::string_view key) const;

  Status Str(std::string_view key, std::string& out, bool required = false) const;
  Status Int(std::string_view key, std::int64_t& out, bool required = false) const;
  Status Int(std::string_view key, int& out, bool required = false) const;
  Status Bool(std::string_view key, bool& out) const;
  Status OptBool(std::string_view key, std::optional<bool>& out) const;
  Status StrList(std::string_view key, std::vector<std::string>& out) const;
  Status IntList(std::string_view key, std::vector<std::int64_t>& out) const;

  // Calls `each(value, path)` for every element of an array field (absent = empty).
  template <typename Fn>
  Status Each(std::string_view key, Fn&& each) const {
    const json::value* v = Find(key);
    if (!v || v->is_null()) return OkStatus();
    if (!v->is_array()) return Invalid(key, "must be a list");
    const auto& arr = v->get_array();
    if (arr.size() > kMaxListLength) return Invalid(key, "has too many entries");
    for (size_t i = 0; i < arr.size(); ++i) {
      REILU_TRY(each(arr[i], PathOf(key) + "[" + std::to_string(i) + "]"));
    }
    return OkStatus();
  }

  Error Invalid(std::string_view key, std::string_view what) const;

 private:
  static constexpr size_t kMaxListLength = 1000;
  Fields(const json::object* obj, std::string path) : obj_(obj), path_(std::move(path)) {}
  const json::object* obj_;
  std::string path_;
};

}  // namespace reilu::codec
