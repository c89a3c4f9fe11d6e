#include "codec/codec.h"

#include <sodium.h>

namespace reilu::codec {

namespace {

json::array AnswersToJson(const std::vector<Answer>& answers) {
  json::array arr;
  for (const auto& a : answers) arr.push_back(json::object{{"question_id", a.question_id}, {"text", a.text}});
  return arr;
}

Status AnswersFromJson(const Fields& f, std::vector<Answer>& out) {
  out.clear();
  return f.Each("answers", [&](const json::value& v, const std::string& path) -> Status {
    auto af = Fields::Of(v, path);
    if (!af) return af.error();
    Answer a;
    REILU_TRY(af->Str("question_id", a.question_id, true));
    REILU_TRY(af->Str("text", a.text));
    out.push_back(std::move(a));
    return OkStatus();
  });
}

}  // namespace

json::object ToJson(const LocalizedText& t) {
  json::object o;
  for (const auto& [lang, text] : t) o[lang] = text;
  return o;
}

json::object ToJson(const Employment& e) {
  json::object o{{"relation", EmploymentRelationName(e.relation)}, {"term", EmploymentTermName(e.term)}};
  if (e.term == EmploymentTerm::kFixedTerm) {
    o["fixed_term_ground"] = e.fixed_term_ground;
    o["end_date"] = e.end_date;
  }
  return o;
}

json::object ToJson(const Merits& m) {
  json::array edu, exp, skills, langs;
  for (const auto& e : m.education) {
    edu.push_back(json::object{{"level", e.level}, {"field", e.field}, {"institution", e.institution}});
  }
  for (const auto& e : m.experience) {
    exp.push_back(json::object{{"title", e.title}, {"employer", e.employer}, {"months", e.months}});
  }
  for (const auto& s : m.skills) skills.push_back(json::string(s));
  for (const auto& l : m.languages) langs.push_back(json::object{{"language", l.language}, {"level", l.level}});
  return json::object{{"education", edu}, {"experience", exp}, {"skills", skills}, {"languages", langs}};
}

json::object ToJson(const Identity& i) {
  return json::object{{"first_name", i.first_name},
                      {"last_name", i.last_name},
                      {"email", i.email},
                      {"phone", i.phone},
                      {"birth_date", i.birth_date},
                      {"gender", i.gender},
                      {"street_address", i.street_address},
                      {"postal_code", i.postal_code},
                      {"municipality", i.municipality},
                      {"mother_tongue", i.mother_tongue},
                      {"nationality", i.nationality},
                      {"language", i.language},
                      {"non_disclosure_wish", i.non_disclosure_wish}};
}

json::object CollectedFieldsToJson(const std::vector<CollectedField>& fields) {
  json::array arr;
  for (const auto& f : fields) arr.push_back(json::object{{"field", f.field}, {"legal_basis", f.legal_basis}});
  return json::object{{"fields", arr}};
}

json::object ToJson(const FreeText& f) {
  return json::object{{"cover_letter", f.cover_letter}, {"answers", AnswersToJson(f.answers)}};
}

json::object ToJson(const RedactedText& r) {
  return json::object{{"cover_letter", r.cover_letter}, {"answers", AnswersToJson(r.answers)}};
}

json::object ToJson(const AnonymousApplication& a) {
  // The merits are typed by the applicant too: like the free text, they reach the anonymous view
  // only once HR has checked and released the application (review before release).
  json::object o{{"id", a.id},
                 {"recruitment_id", a.recruitment_id},
                 {"pseudonym", a.pseudonym},
                 {"merits", a.redacted ? json::value(ToJson(a.merits)) : json::value(nullptr)},
                 {"on_time", a.on_time},
                 {"withdrawn", a.withdrawn}};
  json::array attachments;
  for (const auto& at : a.attachments) attachments.push_back(ToJson(at));
  o["attachments"] = std::move(attachments);
  if (a.redacted) {
    o["free_text"] = ToJson(*a.redacted);
    o["redaction"] = "ready";
  } else {
    o["free_text"] = nullptr;
    o["redaction"] = "pending";
  }
  return o;
}

json::object ToJson(const IdentifiedApplication& a) {
  json::object o = ToJson(a.anonymous);
  o["merits"] = ToJson(a.anonymous.merits);  // identity access sees them checked or not
  o["identity"] = ToJson(a.identity);
  o["original_free_text"] = ToJson(a.free_text);
  o["redaction_proposal"] = a.redaction_proposal ? json::value(ToJson(*a.redaction_proposal)) : json::value(nullptr);
  if (a.original_merits) o["original_merits"] = ToJson(*a.original_merits);
  return o;
}

json::object ToJson(const Receipt& r) {
  return json::object{{"reference", r.reference}, {"recruitment_id", r.recruitment_id}};
}

json::object ToJson(const User& u) {
  return json::object{{"id", u.id},       {"username", u.username},   {"display_name", u.display_name},
                      {"email", u.email}, {"role", RoleName(u.role)}, {"active", u.active}};
}

json::object ToJson(const AnonymityPolicy& p) {
  return json::object{{"permanent", AnonymityRuleName(p.permanent)}, {"fixed_term", AnonymityRuleName(p.fixed_term)}};
}

json::object ToJson(const AuditEntry& e) {
  json::object o{{"seq", e.seq},
                 {"at", e.at},
                 {"actor_id", e.actor_id},
                 {"action", e.action},
                 {"recruitment_id", e.recruitment_id},
                 {"application_id", e.application_id},
                 {"prev_hash", e.prev_hash},
                 {"hash", e.hash}};
  auto detail = Parse(e.detail);
  o["detail"] = detail ? *detail : json::value(e.detail);
  return o;
}

json::object ToPublicJson(const Recruitment& r) {
  json::array criteria, questions, langs;
  for (const auto& c : r.criteria) {
    criteria.push_back(
        json::object{{"id", c.id}, {"title", ToJson(c.title)}, {"weight", c.weight}, {"guide", ToJson(c.guide)}});
  }
  for (const auto& q : r.questions) {
    json::object question{{"id", q.id}, {"text", ToJson(q.text)}, {"required", q.required}};
    if (!q.criterion_id.empty()) question["criterion_id"] = q.criterion_id;
    questions.push_back(std::move(question));
  }
  for (const auto& l : r.languages) langs.push_back(json::string(l));
  json::object ad{{"qualifications", ToJson(r.ad.qualifications)},
                  {"salary", ToJson(r.ad.salary)},
                  {"working_hours", ToJson(r.ad.working_hours)},
                  {"location", ToJson(r.ad.location)},
                  {"starts", ToJson(r.ad.starts)},
                  {"contact_name", r.ad.contact_name},
                  {"contact_title", ToJson(r.ad.contact_title)},
                  {"contact_phone", r.ad.contact_phone},
                  {"contact_email", r.ad.contact_email}};
  return json::object{{"id", r.id},
                      {"title", ToJson(r.title)},
                      {"description", ToJson(r.description)},
                      {"ad", std::move(ad)},
                      {"employment", ToJson(r.employment)},
                      {"criteria", criteria},
                      {"questions", questions},
                      {"languages", langs},
                      {"accepts_attachments", r.accepts_attachments},
                      {"deadline", r.deadline},
                      {"anonymous", r.anonymous},
                      {"state", RecruitmentStateName(r.state)},
                      {"published_at", r.published_at}};
}

json::object ToJson(const Recruitment& r) {
  json::object o = ToPublicJson(r);
  json::array reviewers;
  for (auto id : r.reviewer_ids) reviewers.push_back(id);
  o["unit_id"] = r.unit_id;
  o["owner_id"] = r.owner_id;
  o["reviewer_ids"] = reviewers;
  o["decision_maker_id"] = r.decision_maker_id ? json::value(r.decision_maker_id) : json::value(nullptr);
  o["diary_number"] = r.diary_number;
  o["anonymity_exception_reason"] = r.anonymity_exception_reason;
  o["version"] = r.version;
  return o;
}

Status FromJson(const json::value& v, const std::string& path, LocalizedText& out) {
  if (!v.is_object())
    return MakeError(ErrorCode::kInvalidInput, "Field '" + path + "' must be an object of texts by language.", path);
  out.clear();
  for (const auto& [lang, text] : v.get_object()) {
    std::string field = path + "." + std::string(lang);
    if (!IsSupportedLanguage(lang)) return MakeError(ErrorCode::kInvalidInput, "Languages are fi, sv and en.", field);
    if (!text.is_string()) return MakeError(ErrorCode::kInvalidInput, "Field '" + field + "' must be a string.", field);
    out[std::string(lang)] = std::string(text.get_string());
  }
  return OkStatus();
}

Status FromJson(const json::value& v, const std::string& path, Merits& out) {
  auto f = Fields::Of(v, path);
  if (!f) return f.error();
  out = Merits{};
  REILU_TRY(f->Each("education", [&](const json::value& item, const std::string& p) -> Status {
    auto ef = Fields::Of(item, p);
    if (!ef) return ef.error();
    Education e;
    REILU_TRY(ef->Str("level", e.level));
    REILU_TRY(ef->Str("field", e.field));
    REILU_TRY(ef->Str("institution", e.institution));
    out.education.push_back(std::move(e));
    return OkStatus();
  }));
  REILU_TRY(f->Each("experience", [&](const json::value& item, const std::string& p) -> Status {
    auto ef = Fields::Of(item, p);
    if (!ef) return ef.error();
    Experience e;
    REILU_TRY(ef->Str("title", e.title));
    REILU_TRY(ef->Str("employer", e.employer));
    REILU_TRY(ef->Int("months", e.months));
    out.experience.push_back(std::move(e));
    return OkStatus();
  }));
  REILU_TRY(f->StrList("skills", out.skills));
  REILU_TRY(f->Each("languages", [&](const json::value& item, const std::string& p) -> Status {
    auto lf = Fields::Of(item, p);
    if (!lf) return lf.error();
    LanguageSkill l;
    REILU_TRY(lf->Str("language", l.language));
    REILU_TRY(lf->Str("level", l.level));
    out.languages.push_back(std::move(l));
    return OkStatus();
  }));
  return OkStatus();
}

Status FromJson(const json::value& v, const std::string& path, Identity& out) {
  auto f = Fields::Of(v, path);
  if (!f) return f.error();
  out = Identity{};
  REILU_TRY(f->Str("first_name", out.first_name));
  REILU_TRY(f->Str("last_name", out.last_name));
  REILU_TRY(f->Str("email", out.email));
  REILU_TRY(f->Str("phone", out.phone));
  REILU_TRY(f->Str("birth_date", out.birth_date));
  REILU_TRY(f->Str("gender", out.gender));
  REILU_TRY(f->Str("street_address", out.street_address));
  REILU_TRY(f->Str("postal_code", out.postal_code));
  REILU_TRY(f->Str("municipality", out.municipality));
  REILU_TRY(f->Str("mother_tongue", out.mother_tongue));
  REILU_TRY(f->Str("nationality", out.nationality));
  REILU_TRY(f->Str("language", out.language));
  REILU_TRY(f->Bool("non_disclosure_wish", out.non_disclosure_wish));
  return OkStatus();
}

Status FromJson(const json::value& v, const std::string& path, FreeText& out) {
  auto f = Fields::Of(v, path);
  if (!f) return f.error();
  out = FreeText{};
  REILU_TRY(f->Str("cover_letter", out.cover_letter));
  return AnswersFromJson(*f, out.answers);
}

Status FromJson(const json::value& v, const std::string& path, RedactedText& out) {
  auto f = Fields::Of(v, path);
  if (!f) return f.error();
  out = RedactedText{};
  REILU_TRY(f->Str("cover_letter", out.cover_letter));
  return AnswersFromJson(*f, out.answers);
}

Status FromJson(const json::value& v, const std::string& path, Submission& out) {
  auto f = Fields::Of(v, path);
  if (!f) return f.error();
  const json::value* identity = f->Find("identity");
  if (!identity) return f->Invalid("identity", "is required");
  REILU_TRY(FromJson(*identity, f->PathOf("identity"), out.identity));
  if (const auto* merits = f->Find("merits")) REILU_TRY(FromJson(*merits, f->PathOf("merits"), out.merits));
  if (const auto* text = f->Find("free_text")) REILU_TRY(FromJson(*text, f->PathOf("free_text"), out.free_text));
  if (const auto* stats = f->Find("statistics")) {
    auto sf = Fields::Of(*stats, f->PathOf("statistics"));
    if (!sf) return sf.error();
    EqualityStatistics given;
    REILU_TRY(sf->Str("gender", given.gender));
    REILU_TRY(sf->Str("age_band", given.age_band));
    REILU_TRY(sf->Str("language_group", given.language_group));
    REILU_TRY(ValidateEqualityStatistics(given));
    if (!given.Empty()) out.statistics = given;
  }
  if (f->Find("attachments")) {
    REILU_TRY(f->Each("attachments", [&](const json::value& item, const std::string& p) -> Status {
      auto af = Fields::Of(item, p);
      if (!af) return af.error();
      SubmittedAttachment a;
      std::string content;
      REILU_TRY(af->Str("file_name", a.file_name));
      REILU_TRY(af->Str("content", content, true));
      auto bytes = DecodeBase64(content);
      if (!bytes) return af->Invalid("content", "must be the file in base64");
      a.bytes = std::move(*bytes);
      out.attachments.push_back(std::move(a));
      return OkStatus();
    }));
  }
  return OkStatus();
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), "\r\n",
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

json::object ToJson(const AttachmentInfo& a) {
  return json::object{
      {"position", a.position}, {"kind", a.kind}, {"released", a.released}, {"needs_a_look", a.needs_a_look}};
}

Status FromJson(const json::value& v, const std::string& path, std::vector<AttachmentInfo>& out) {
  out.clear();
  if (!v.is_array()) return MakeError(ErrorCode::kInvalidInput, "Field '" + path + "' must be a list.", path);
  for (const auto& item : v.get_array()) {
    auto f = Fields::Of(item, path);
    if (!f) return f.error();
    AttachmentInfo a;
    std::int64_t position = 0;
    REILU_TRY(f->Int("position", position));
    a.position = static_cast<int>(position);
    REILU_TRY(f->Str("kind", a.kind));
    REILU_TRY(f->Bool("released", a.released));
    REILU_TRY(f->Bool("needs_a_look", a.needs_a_look));
    out.push_back(std::move(a));
  }
  return OkStatus();
}

Status FromJson(const json::value& v, const std::string& path, AnonymityPolicy& out) {
  auto f = Fields::Of(v, path);
  if (!f) return f.error();
  std::string permanent(AnonymityRuleName(out.permanent)), fixed(AnonymityRuleName(out.fixed_term));
  REILU_TRY(f->Str("permanent", permanent));
  REILU_TRY(f->Str("fixed_term", fixed));
  auto p = ParseAnonymityRule(permanent);
  auto ft = ParseAnonymityRule(fixed);
  if (!p) return f->Invalid("permanent", "must be mandatory, default_on or optional");
  if (!ft) return f->Invalid("fixed_term", "must be mandatory, default_on or optional");
  out.permanent = *p;
  out.fixed_term = *ft;
  return OkStatus();
}

Status RecruitmentContentFromJson(const json::value& v, Recruitment& r) {
  auto f = Fields::Of(v, "");
  if (!f) return f.error();
  if (const auto* t = f->Find("title")) REILU_TRY(FromJson(*t, "title", r.title));
  if (const auto* d = f->Find("description")) REILU_TRY(FromJson(*d, "description", r.description));
  if (const auto* a = f->Find("ad")) {
    auto af = Fields::Of(*a, "ad");
    if (!af) return af.error();
    AdDetails ad;
    for (auto [name, field] : {std::pair{"qualifications", &ad.qualifications}, std::pair{"salary", &ad.salary},
                               std::pair{"working_hours", &ad.working_hours}, std::pair{"location", &ad.location},
                               std::pair{"starts", &ad.starts}, std::pair{"contact_title", &ad.contact_title}}) {
      if (const auto* t = af->Find(name)) REILU_TRY(FromJson(*t, af->PathOf(name), *field));
    }
    REILU_TRY(af->Str("contact_name", ad.contact_name));
    REILU_TRY(af->Str("contact_phone", ad.contact_phone));
    REILU_TRY(af->Str("contact_email", ad.contact_email));
    r.ad = std::move(ad);
  }
  if (const auto* e = f->Find("employment")) {
    auto ef = Fields::Of(*e, "employment");
    if (!ef) return ef.error();
    std::string relation(EmploymentRelationName(r.employment.relation));
    std::string term(EmploymentTermName(r.employment.term));
    REILU_TRY(ef->Str("relation", relation));
    REILU_TRY(ef->Str("term", term));
    auto rel = ParseEmploymentRelation(relation);
    auto tm = ParseEmploymentTerm(term);
    if (!rel) return ef->Invalid("relation", "must be virka or tyosuhde");
    if (!tm) return ef->Invalid("term", "must be permanent or fixed_term");
    r.employment = Employment{*rel, *tm, {}, {}};
    REILU_TRY(ef->Str("fixed_term_ground", r.employment.fixed_term_ground));
    REILU_TRY(ef->Str("end_date", r.employment.end_date));
  }
  if (f->Find("criteria")) {
    r.criteria.clear();
    REILU_TRY(f->Each("criteria", [&](const json::value& item, const std::string& p) -> Status {
      auto cf = Fields::Of(item, p);
      if (!cf) return cf.error();
      Criterion c;
      REILU_TRY(cf->Str("id", c.id, true));
      REILU_TRY(cf->Int("weight", c.weight));
      if (const auto* t = cf->Find("title")) REILU_TRY(FromJson(*t, cf->PathOf("title"), c.title));
      if (const auto* g = cf->Find("guide")) REILU_TRY(FromJson(*g, cf->PathOf("guide"), c.guide));
      r.criteria.push_back(std::move(c));
      return OkStatus();
    }));
  }
  if (f->Find("questions")) {
    r.questions.clear();
    REILU_TRY(f->Each("questions", [&](const json::value& item, const std::string& p) -> Status {
      auto qf = Fields::Of(item, p);
      if (!qf) return qf.error();
      Question q;
      REILU_TRY(qf->Str("id", q.id, true));
      REILU_TRY(qf->Bool("required", q.required));
      REILU_TRY(qf->Str("criterion_id", q.criterion_id));
      if (const auto* t = qf->Find("text")) REILU_TRY(FromJson(*t, qf->PathOf("text"), q.text));
      r.questions.push_back(std::move(q));
      return OkStatus();
    }));
  }
  if (f->Find("languages")) REILU_TRY(f->StrList("languages", r.languages));
  REILU_TRY(f->Bool("accepts_attachments", r.accepts_attachments));
  REILU_TRY(f->Int("deadline", r.deadline));
  REILU_TRY(f->Int("unit_id", r.unit_id));
  REILU_TRY(f->Str("diary_number", r.diary_number));
  if (const auto* dm = f->Find("decision_maker_id"); dm && dm->is_null()) {
    r.decision_maker_id = 0;
  } else {
    REILU_TRY(f->Int("decision_maker_id", r.decision_maker_id));
  }
  if (f->Find("reviewer_ids")) {
    std::vector<std::int64_t> ids;
    REILU_TRY(f->IntList("reviewer_ids", ids));
    r.reviewer_ids.assign(ids.begin(), ids.end());
  }
  return OkStatus();
}

std::string Serialize(const json::value& v) { return json::serialize(v); }

Result<json::value> Parse(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return MakeError(ErrorCode::kMalformedJson, "The body is not valid JSON: " + ec.message());
  return v;
}

}  // namespace reilu::codec
