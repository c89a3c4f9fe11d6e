// The worker's messages: what a child process sends back, as JSON (attach/worker.h).
#pragma once

#include <string>

#include "attach/attachment.h"

namespace reilu::attach {

std::string ExtractedToJson(const Extracted& extracted);
Result<Extracted> ExtractedFromJson(std::string_view json);

std::string RenderRequestToJson(const std::vector<Cover>& covers, const RenditionOptions& words);
Result<std::pair<std::vector<Cover>, RenditionOptions>> RenderRequestFromJson(std::string_view json);

std::string ErrorToJson(const Error& error);
Error ErrorFromJson(std::string_view json);

}  // namespace reilu::attach
