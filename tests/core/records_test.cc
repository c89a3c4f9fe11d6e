#include "core/records.h"

#include <gtest/gtest.h>

namespace reilu {
namespace {

RecordsRequest ValidRequest() {
  RecordsRequest r;
  r.org_id = 1;
  r.recruitment_id = 5;
  r.requester = "Paikallislehti Oy";
  r.received_on = "2026-03-02";
  r.subject = "Hakijaluettelo ja hakemukset";
  r.applicant_list = true;
  return r;
}

TEST(RecordsTest, ARequestSaysWhoAskedWhenAndWhat) {
  EXPECT_TRUE(ValidateNewRecordsRequest(ValidRequest(), "2026-03-02").ok());
  auto blank = ValidRequest();
  blank.requester = "  ";
  EXPECT_EQ(ValidateNewRecordsRequest(blank, "2026-03-02").error().field, "requester");
  auto future = ValidRequest();
  EXPECT_EQ(ValidateNewRecordsRequest(future, "2026-03-01").error().field, "received_on");
  auto bad_date = ValidRequest();
  bad_date.received_on = "2.3.2026";
  EXPECT_EQ(ValidateNewRecordsRequest(bad_date, "2026-03-02").error().field, "received_on");
  auto nothing = ValidRequest();
  nothing.applicant_list = false;
  EXPECT_EQ(ValidateNewRecordsRequest(nothing, "2026-03-02").error().field, "applicant_list");
}

TEST(RecordsTest, ARefusalStatesItsGroundAndARequestIsDecidedOnce) {
  auto r = ValidRequest();
  EXPECT_TRUE(ValidateRecordsDecision(r, RecordsDecision::kDisclose, "", "").ok());
  EXPECT_EQ(ValidateRecordsDecision(r, RecordsDecision::kRefuse, "", "Salassa pidettävä").error().field, "ground");
  EXPECT_EQ(ValidateRecordsDecision(r, RecordsDecision::kRefuse, "JulkL 24 § 1 mom. 32 k.", "").error().field,
            "explanation");
  EXPECT_EQ(ValidateRecordsDecision(r, RecordsDecision::kPartly, "", "").error().field, "ground");
  EXPECT_EQ(ValidateRecordsDecision(r, RecordsDecision::kOpen, "", "").error().field, "decision");
  r.decision = RecordsDecision::kDisclose;
  EXPECT_EQ(ValidateRecordsDecision(r, RecordsDecision::kRefuse, "x", "y").error().code, ErrorCode::kDecided);
}

TEST(RecordsTest, NothingIsGivenOutBeforeTheDecisionNorBeforeThePeriodEnds) {
  Recruitment rec;
  rec.id = 5;
  rec.org_id = 1;
  rec.state = RecruitmentState::kPublished;
  rec.deadline = 1000;
  auto r = ValidRequest();
  EXPECT_EQ(CheckMayDisclose(r, DisclosureKind::kApplicantList, rec, 2000).error().code, ErrorCode::kConflict);
  r.decision = RecordsDecision::kDisclose;
  EXPECT_TRUE(CheckMayDisclose(r, DisclosureKind::kApplicantList, rec, 2000).ok());
  EXPECT_EQ(CheckMayDisclose(r, DisclosureKind::kApplicantList, rec, 999).error().code, ErrorCode::kScreeningNotOpen);
  // Not asked for: copies of applications.
  EXPECT_EQ(CheckMayDisclose(r, DisclosureKind::kMaskedCopy, rec, 2000).error().code, ErrorCode::kConflict);
  r.decision = RecordsDecision::kRefuse;
  EXPECT_EQ(CheckMayDisclose(r, DisclosureKind::kApplicantList, rec, 2000).error().code, ErrorCode::kConflict);
  EXPECT_FALSE(RequestAllowsIdentityReads(r));
}

IdentifiedApplication Applicant(const std::string& first, const std::string& last, bool wish = false,
                                bool withdrawn = false) {
  IdentifiedApplication a;
  a.identity.first_name = first;
  a.identity.last_name = last;
  a.identity.non_disclosure_wish = wish;
  a.anonymous.withdrawn = withdrawn;
  return a;
}

TEST(RecordsTest, TheListIsInNameOrderWithWishesHonouredAndWithdrawnLeftOut) {
  auto list = ApplicantList({Applicant("Ville", "Virtanen"), Applicant("Aino", "Aalto", true),
                             Applicant("Erkki", "Esimerkki", false, true), Applicant("Kalle", "Korhonen")});
  ASSERT_EQ(list.size(), 3u);
  EXPECT_TRUE(list[0].withheld);
  EXPECT_EQ(list[0].name, "");
  EXPECT_EQ(list[1].name, "Kalle Korhonen");
  EXPECT_EQ(list[2].name, "Ville Virtanen");
  EXPECT_EQ(list[2].reference, "3");
}

TEST(RecordsTest, AWishFoundWithoutGroundGivesTheNameAndSaysWhy) {
  auto aino = Applicant("Aino", "Aalto", true);
  aino.anonymous.id = "app-aino";
  auto ville = Applicant("Ville", "Virtanen", true);
  ville.anonymous.id = "app-ville";
  const std::string ground = "Hakijan nimi on julkinen (JulkL 1 §); salassapitoperustetta ei ole.";
  auto list = ApplicantList({aino, ville}, {{"app-aino", ground}});
  ASSERT_EQ(list.size(), 2u);
  EXPECT_FALSE(list[0].withheld);
  EXPECT_EQ(list[0].name, "Aino Aalto");
  EXPECT_EQ(list[0].wish_overridden, ground);
  EXPECT_TRUE(list[1].withheld);  // the other wish still holds
  EXPECT_EQ(list[1].application_id, "app-ville");
  // Only a request decided to be disclosed, and only with a ground.
  RecordsRequest open;
  EXPECT_EQ(ValidateWishOverride(open, ground).error().code, ErrorCode::kConflict);
  RecordsRequest disclosed;
  disclosed.decision = RecordsDecision::kDisclose;
  EXPECT_EQ(ValidateWishOverride(disclosed, "").error().code, ErrorCode::kReasonRequired);
  EXPECT_TRUE(ValidateWishOverride(disclosed, ground).ok());
}

TEST(RecordsTest, AMaskedCopyMasksSecretsTypedIntoMeritFieldsToo) {
  MaskedCopy copy;
  copy.merits.experience = {{"Kirjastonhoitaja", "Oma toiminimi, puh. 040 765 4321", 24}};
  copy.merits.skills = {"Finna", "Maija Virtanen"};
  // A stand-in for the engine: the phone and the name, as it would find them.
  auto find = [](std::string_view value) -> std::optional<std::vector<ProposedSpan>> {
    std::vector<ProposedSpan> spans;
    if (auto at = value.find("040 765 4321"); at != std::string_view::npos) spans.push_back({at, at + 12, "PHONE"});
    if (auto at = value.find("Maija Virtanen"); at != std::string_view::npos) spans.push_back({at, at + 14, "PERSON"});
    return spans;
  };
  ASSERT_TRUE(MaskMerits(copy, find, "fi").ok());
  EXPECT_EQ(copy.merits.experience[0].employer, "Oma toiminimi, puh. [salassa pidettävä: yhteystieto]");
  EXPECT_EQ(copy.merits.skills[1], "Maija Virtanen");  // a name is public in a copy
  EXPECT_EQ(copy.masked_parts, 1);
  // The engine cannot tell: no copy rather than one with a secret in it.
  auto blind = [](std::string_view) -> std::optional<std::vector<ProposedSpan>> { return std::nullopt; };
  EXPECT_EQ(MaskMerits(copy, blind, "fi").error().code, ErrorCode::kRedactionUnavailable);
}

TEST(RecordsTest, AMaskedCopyKeepsTheNameAndMeritsAndRemovesSecretParts) {
  auto a = Applicant("Maija", "Virtanen");
  a.free_text.cover_letter = "Olen Maija Virtanen, hetu 131052-308T. Minulla on diabetes. Olen ollut Kelalla.";
  a.free_text.answers = {{"why", "Soita 040 123 4567."}};
  a.anonymous.merits.skills = {"Finna"};
  RedactionReview review;
  review.texts = {{"cover_letter",
                   a.free_text.cover_letter,
                   {{5, 19, "PERSON", 1.0}, {26, 37, "ID_CODE", 1.0}, {50, 58, "HEALTH", 1.0}}},
                  {"why", a.free_text.answers[0].text, {{6, 18, "PHONE", 1.0}}}};
  auto copy = MaskForDisclosure(a, review, "fi");
  EXPECT_EQ(copy.name, "Maija Virtanen");
  EXPECT_EQ(copy.cover_letter,
            "Olen Maija Virtanen, hetu [salassa pidettävä: henkilötunnus]. Minulla on [salassa pidettävä: "
            "terveydentila]. Olen ollut Kelalla.");
  EXPECT_EQ(copy.answers.at(0).text, "Soita [salassa pidettävä: yhteystieto].");
  EXPECT_EQ(copy.masked_parts, 3);
  EXPECT_EQ(copy.merits.skills, std::vector<std::string>{"Finna"});
  EXPECT_EQ(MaskForDisclosure(a, review, "sv").answers.at(0).text, "Soita [sekretessbelagt: kontaktuppgift].");
  EXPECT_TRUE(IsSecretInCopy("FAMILY"));
  EXPECT_TRUE(IsSecretInCopy("AFFILIATION"));  // political conviction, union membership
  EXPECT_FALSE(IsSecretInCopy("PERSON"));
}

}  // namespace
}  // namespace reilu
