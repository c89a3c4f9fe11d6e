// A recruitment's life before screening: the draft (with the organisation's anonymity policy
// applied), publication (which locks the choice), closing, and the criteria until the deadline.
// Every use case saves with its audit entry in one transaction and returns the stored state.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/context.h"

namespace reilu::service {

// What the owner asks of anonymity; unset fields keep the current choice (a new recruitment starts
// from the policy's default for its term).
struct AnonymityWish {
  std::optional<bool> anonymous;
  std::optional<std::string> exception_reason;
};

// `content` carries the ad's fields; organisation, owner and state come from the actor.
Result<Recruitment> CreateRecruitment(Context& ctx, const User& actor, Recruitment content, const AnonymityWish& wish);

// Applies `edit` to the stored draft; kConflict when `expected_version` (if given) is not the
// stored version.
Result<Recruitment> EditRecruitment(Context& ctx, const User& actor, RecruitmentId id,
                                    std::optional<std::int64_t> expected_version,
                                    const std::function<Status(Recruitment&)>& edit, const AnonymityWish& wish);

// Everything that would stop publishing now (empty: it can be published), for the owner's check
// before confirming.
Result<std::vector<Error>> PublishCheck(Context& ctx, const User& actor, RecruitmentId id);

// Publishes the ad; the policy is applied again, since it may have changed since the draft.
Result<Recruitment> PublishRecruitment(Context& ctx, const User& actor, RecruitmentId id);

// Stops taking applications before the deadline.
Result<Recruitment> CloseRecruitment(Context& ctx, const User& actor, RecruitmentId id);

// Names who makes the selection decision (a decision-maker of the organisation; 0: the owner),
// until the decision is made; audited.
// The registry's diary number (diaarinumero) of the recruitment, printed on its documents; the
// owner or the registry office sets it at any stage (audited).
Result<Recruitment> SetDiaryNumber(Context& ctx, const User& actor, RecruitmentId id, const std::string& diary_number);
Result<Recruitment> SetDecisionMaker(Context& ctx, const User& actor, RecruitmentId id, UserId decision_maker);

// Criteria, weights and marking guides may change until the application period ends.
Result<Recruitment> SetCriteria(Context& ctx, const User& actor, RecruitmentId id, std::vector<Criterion> criteria);

// The recruitments the actor may see (core/access.h), each with its stage; how many applied is a
// count, never who, and reviewers get it only once the application period is over.
struct ListedRecruitment {
  Recruitment recruitment;
  std::string_view stage;
  std::optional<std::int64_t> applications;
};
Result<std::vector<ListedRecruitment>> RecruitmentsFor(Context& ctx, const User& actor);

// Which of them, in what order, and which page.
struct RecruitmentQuery {
  std::string stage;  // "": every stage; else draft, collecting, screening, shortlisted or decided
  std::string text;   // "": all; else found in the title in any language (letters compared without case)
  bool mine = false;  // only those the actor owns
  enum class Order { kCreated, kNewest, kDeadline, kLatestDeadline, kTitle } order = Order::kCreated;
  std::string title_language = "fi";  // the title sorted by (else the recruitment's first language)
  size_t offset = 0;                  // where the page starts in the filtered, ordered list
  size_t limit = 0;                   // 0: the rest
};
struct RecruitmentPage {
  std::vector<ListedRecruitment> items;
  size_t total = 0;            // how many the filters let through
  std::optional<size_t> next;  // the next page's offset, if there is one
};
Result<RecruitmentPage> RecruitmentsFor(Context& ctx, const User& actor, const RecruitmentQuery& query);

// One recruitment the actor may see (kNotFound otherwise), with the count of applications where
// the actor may see applications now.
struct RecruitmentView {
  Recruitment recruitment;
  std::optional<std::int64_t> application_count;
};
Result<RecruitmentView> RecruitmentFor(Context& ctx, const User& actor, RecruitmentId id);

}  // namespace reilu::service
