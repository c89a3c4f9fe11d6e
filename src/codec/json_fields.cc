#include "codec/json_fields.h"

namespace reilu::codec {

Result<Fields> Fields::Of(const json::value& value, std::string path) {
  if (!value.is_object()) {
    return MakeError(ErrorCode::kInvalidInput, (path.empty() ? std::string("The body") : path) + " must be an object.",
                     path);
  }
  return Fields(&value.get_object(), std::move(path));
}

const json::value* Fields::Find(std::string_view key) const { return obj_->if_contains(key); }

std::string Fields::PathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

Error Fields::Invalid(std::string_view key, std::string_view what) const {
  std::string field = PathOf(key);
  return MakeError(ErrorCode::kInvalidInput, "Field '" + field + "' " + std::string(what) + ".", field);
}

Status Fields::Str(std::string_view key, std::string& out, bool required) const {
  const json::value* v = Find(key);
  if (!v || v->is_null()) {
    if (required) return Invalid(key, "is required");
    return OkStatus();
  }
  if (!v->is_string()) return Invalid(key, "must be a string");
  out = std::string(v->get_string());
  if (required && out.empty()) return Invalid(key, "is required");
  return OkStatus();
}

Status Fields::Int(std::string_view key, std::int64_t& out, bool required) const {
  const json::value* v = Find(key);
  if (!v || v->is_null()) {
    if (required) return Invalid(key, "is required");
    return OkStatus();
  }
  if (v->is_int64()) {
    out = v->get_int64();
  } else if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    out = static_cast<std::int64_t>(v->get_uint64());
  } else {
    return Invalid(key, "must be an integer");
  }
  return OkStatus();
}

Status Fields::Int(std::string_view key, int& out, bool required) const {
  std::int64_t wide = out;
  REILU_TRY(Int(key, wide, required));
  if (wide < INT32_MIN || wide > INT32_MAX) return Invalid(key, "is out of range");
  out = static_cast<int>(wide);
  return OkStatus();
}

Status Fields::Bool(std::string_view key, bool& out) const {
  std::optional<bool> b;
  REILU_TRY(OptBool(key, b));
  if (b) out = *b;
  return OkStatus();
}

Status Fields::OptBool(std::string_view key, std::optional<bool>& out) const {
  const json::value* v = Find(key);
  if (!v || v->is_null()) return OkStatus();
  if (!v->is_bool()) return Invalid(key, "must be true or false");
  out = v->get_bool();
  return OkStatus();
}

Status Fields::StrList(std::string_view key, std::vector<std::string>& out) const {
  out.clear();
  return Each(key, [&](const json::value& item, const std::string& path) -> Status {
    if (!item.is_string()) return MakeError(ErrorCode::kInvalidInput, "Field '" + path + "' must be a string.", path);
    out.emplace_back(item.get_string());
    return OkStatus();
  });
}

Status Fields::IntList(std::string_view key, std::vector<std::int64_t>& out) const {
  out.clear();
  return Each(key, [&](const json::value& item, const std::string& path) -> Status {
    if (!item.is_int64()) return MakeError(ErrorCode::kInvalidInput, "Field '" + path + "' must be an integer.", path);
    out.push_back(item.get_int64());
    return OkStatus();
  });
}

}  // namespace reilu::codec
