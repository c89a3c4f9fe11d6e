// reilu: serve | migrate | admin ... | audit verify
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "api/api.h"
#include "app/app.h"
#include "app/operations.h"
#include "app/periodic_job.h"
#include "attach/worker.h"
#include "crypto/crypto.h"
#include "http/http.h"
#include "http/static_files.h"
#include "notify/dispatcher.h"
#include "redact/free_text_redactor.h"
#include "redact/name_model.h"
#include "redact/redact.h"
#include "service/admin.h"
#include "service/retention.h"

using namespace reilu;

namespace {

int Fail(const Error& e) {
  std::fprintf(stderr, "error: %s\n", e.message.c_str());
  return 1;
}

int Serve(const app::DataDir& dir, http::ServerOptions options, bool demo, const std::string& port_file,
          std::string public_url, const std::string& web_dir, int mail_lease) {
  auto store = app::OpenStore(dir, options.threads);
  if (!store) return Fail(store.error());
  if (dir.KeyBesideDatabase()) {
    std::fprintf(stderr,
                 "{\"level\":\"warning\",\"msg\":\"the server key is beside the database: a copy of the folder "
                 "holds both; give --key-file for real use\"}\n");
  }
  redact::EngineRedactor redactor;
  http::Metrics metrics;
  api::ApiContext ctx{**store, metrics, redactor, app::Now, {}};
  // Attachments are read in a worker process that sits beside this program.
  attach::WorkerConverter attachments(attach::WorkerBesideThisProgram());
  if (std::filesystem::exists(attach::WorkerBesideThisProgram())) {
    ctx.attachments = &attachments;
  } else {
    std::fprintf(stderr, "{\"level\":\"warning\",\"msg\":\"%s is missing: attachments are refused\"}\n",
                 attach::WorkerBesideThisProgram().c_str());
  }
  // Set before the server starts: handlers read it from their threads.
  if (public_url.empty()) public_url = "http://" + options.address + ":" + std::to_string(options.port);
  while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
  ctx.options.public_url = public_url;
  if (demo) {
    // Seeded before listening: the first request already sees the demo organisation.
    auto services = ctx.Services();
    auto seeded = app::SeedDemo(services);
    if (!seeded) return Fail(seeded.error());
  }
  // E-mail is queued by requests and sent here, in the background.
  notify::DispatcherOptions mail_options;
  mail_options.outbox_dir = dir.Outbox().string();
  mail_options.lease_seconds = mail_lease;
  notify::MailDispatcher mailer(**store, mail_options, app::Now);
  mailer.Start();
  // What the retention schedule says is due is disposed of daily (first a minute after the start).
  app::PeriodicJob disposal(std::chrono::minutes(1), std::chrono::hours(24), [&ctx] {
    auto services = ctx.Services();
    auto done = service::RunDisposals(services);
    if (!done) {
      std::fprintf(stderr, "{\"level\":\"error\",\"msg\":\"disposal failed\",\"code\":\"%s\"}\n",
                   std::string(ErrorCodeName(done.error().code)).c_str());
    } else if (!done->empty()) {
      std::fprintf(stderr, "{\"level\":\"info\",\"msg\":\"disposed\",\"recruitments\":%zu}\n", done->size());
    }
  });
  // The operator's scraper token for /metrics, from the environment (not the command line, which
  // other local users can read).
  if (const char* token = std::getenv("REILU_METRICS_TOKEN")) ctx.options.metrics_token = token;
  // Served over https (behind a TLS proxy): browsers should never fall back to plain http.
  options.hsts = public_url.rfind("https://", 0) == 0;
  http::Router router;
  api::RegisterRoutes(router, ctx);
  router.SetFallback(http::StaticFiles(web_dir, [] { return crypto::RandomToken(); }));
  http::Server server(router, metrics, options);
  auto port = server.Start();
  if (!port) return Fail(port.error());
  std::string url = "http://" + options.address + ":" + std::to_string(*port) + "/";
  if (demo) app::PrintDemoBanner(url);
  std::fprintf(stderr, "{\"level\":\"info\",\"msg\":\"listening\",\"url\":\"%s\"}\n", url.c_str());
  if (!port_file.empty()) {
    // Written last, atomically: a test that sees the file can connect.
    std::string tmp = port_file + ".tmp";
    std::ofstream(tmp) << *port << "\n";
    std::filesystem::rename(tmp, port_file);
  }
  server.Wait(true);
  return 0;
}

// Lists (with `dry_run`) or disposes of what is due in every organisation, a line per recruitment.
int RunRetention(store::Store& store, bool dry_run) {
  NoRedaction no_engine;
  service::Context ctx{store, no_engine, app::Now};
  auto due = service::RunDisposals(ctx, dry_run);
  if (!due) return Fail(due.error());
  for (const auto& d : *due) {
    std::printf("%s recruitment %lld: %zu applications%s (final on %s)\n", dry_run ? "due" : "disposed",
                static_cast<long long>(d.recruitment_id), d.applications.size(), d.shred_key ? ", key shredded" : "",
                d.final_on.c_str());
  }
  if (due->empty()) std::printf("nothing is due\n");
  return 0;
}

// Trains one model per language from the training splits and writes them; prints a digest of each
// so that a rebuild can be compared with the committed files.
int TrainNames(const std::string& corpus, const std::string& out_dir) {
  for (std::string lang : {"fi", "sv", "en"}) {
    auto split = redact::LoadCorpus(corpus, lang);
    if (!split) {
      std::fprintf(stderr, "error: the %s corpus is not in %s\n", lang.c_str(), corpus.c_str());
      return 1;
    }
    std::string bytes = redact::TrainNameModel(lang, split->train, redact::TrainingOptions{}).Serialize();
    std::string path = out_dir + "/names-" + lang + ".bin";
    std::ofstream(path, std::ios::binary) << bytes;
    std::printf("%s  %s (%zu sentences, %zu bytes)\n", crypto::Sha256Hex(bytes).c_str(), path.c_str(),
                split->train.size(), bytes.size());
  }
  return 0;
}

// Reads UTF-8 text on stdin, writes {"lang","redacted","spans":[...]} with byte offsets on stdout.
int Redact(std::string lang, const std::vector<std::string>& names) {
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (!http::IsValidUtf8(text)) {
    std::fprintf(stderr, "error: the input is not valid UTF-8\n");
    return 2;
  }
  if (lang == "auto") lang = redact::DetectLanguage(text);
  static const redact::Engine engine = redact::Engine::Default();
  auto spans = engine.Analyze(text, redact::Context{lang, names});
  boost::json::array out_spans;
  for (const auto& s : spans) {
    out_spans.push_back(boost::json::object{{"start", s.start},
                                            {"end", s.end},
                                            {"type", redact::EntityTypeName(s.type)},
                                            {"text", text.substr(s.start, s.end - s.start)}});
  }
  boost::json::object out{{"lang", lang}, {"redacted", redact::Apply(text, spans, lang)}, {"spans", out_spans}};
  std::printf("%s\n", boost::json::serialize(out).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Reilu: anonymous recruitment"};
  cli.require_subcommand(1);
  app::DataDir dir{"data"};
  std::string data_dir = "data";
  cli.add_option("--data-dir", data_dir, "Directory for the database (and the server key, unless --key-file)")
      ->envname("REILU_DATA_DIR");
  std::string key_file, database_url;
  cli.add_option("--database", database_url,
                 "A PostgreSQL database (postgresql://user@host:port/name); default: SQLite in the data directory")
      ->envname("REILU_DATABASE");
  cli.add_option("--key-file", key_file,
                 "The server key file, kept apart from the database (default: a systemd credential "
                 "reilu-server-key, else reilu.key in the data directory)")
      ->envname("REILU_KEY_FILE");

  auto* serve = cli.add_subcommand("serve", "Run the HTTP server");
  http::ServerOptions options;
  bool demo = false;
  std::string port_file;
  serve->add_option("--address", options.address, "Listen address")->envname("REILU_ADDRESS");
  serve->add_option("--port", options.port, "Listen port (0 = any free port)")->envname("REILU_PORT");
  serve->add_option("--threads", options.threads, "Worker threads")->check(CLI::Range(1, 256));
  serve->add_option("--port-file", port_file, "Write the bound port to this file once listening");
  std::string public_url, web_dir = "web/dist";
  serve->add_option("--web-dir", web_dir, "The built browser UI (web/dist)")->envname("REILU_WEB_DIR");
  serve->add_option("--public-url", public_url, "Base URL used in e-mailed links (default: the listen address)")
      ->envname("REILU_PUBLIC_URL");
  serve->add_flag("--demo", demo, "Create a demo organisation if the database is empty");
  bool quiet = false;
  serve->add_flag("--quiet", quiet, "Do not log each request");
  int mail_lease = 600;
  serve->add_option("--mail-lease", mail_lease, "Seconds a node holds the mail it claimed before others may send it")
      ->check(CLI::Range(2, 86400));
  serve->add_flag("--behind-proxy", options.trust_forwarded_for,
                  "Take the client address from X-Forwarded-For (only behind a balancer that sets it)");

  auto* migrate = cli.add_subcommand("migrate", "Apply database migrations");

  auto* admin = cli.add_subcommand("admin", "Administration");
  admin->require_subcommand(1);
  std::string org_name, login_domain, username, display, role, password;
  std::int64_t org_id = 0;
  auto* create_org = admin->add_subcommand("create-org", "Create an organisation (prints its id)");
  create_org->add_option("name", org_name)->required();
  create_org->add_option("--login-domain", login_domain,
                         "Usernames of the organisation are name@domain (default: made from the name; the first "
                         "organisation has none)");
  auto* create_user = admin->add_subcommand("create-user", "Create a user; the password is read from stdin");
  create_user->add_option("--org", org_id)->required();
  create_user->add_option("--username", username)->required();
  create_user->add_option("--name", display)->required();
  create_user->add_option("--role", role)
      ->required()
      ->check(CLI::IsMember({"admin", "hr", "reviewer", "registry", "auditor"}));
  std::string unit_name;
  auto* create_unit = admin->add_subcommand("create-unit", "Create an organisation unit (prints its id)");
  create_unit->add_option("--org", org_id)->required();
  create_unit->add_option("name", unit_name)->required();
  auto* set_policy = admin->add_subcommand("set-policy", "Set the organisation's anonymity policy");
  std::string permanent = "mandatory", fixed_term = "default_on";
  set_policy->add_option("--org", org_id)->required();
  set_policy->add_option("--permanent", permanent)->check(CLI::IsMember({"mandatory", "default_on", "optional"}));
  set_policy->add_option("--fixed-term", fixed_term)->check(CLI::IsMember({"mandatory", "default_on", "optional"}));

  auto* backup = cli.add_subcommand("backup", "Write a consistent copy of the database (the server may run)");
  std::string backup_file;
  backup->add_option("file", backup_file, "Where the copy goes")->required();
  auto* restore = cli.add_subcommand("restore", "Put a backup in place of the database (stop the server first)");
  std::string restore_file;
  bool restore_replace = false;
  restore->add_option("file", restore_file, "The backup")->required();
  restore->add_flag("--replace", restore_replace, "Replace an existing database (it is kept beside)");
  auto* key = cli.add_subcommand("key", "The server key");
  key->require_subcommand(1);
  auto* key_rotate = key->add_subcommand("rotate", "Change the server key (stop the server first)");
  auto* recruitment_cmd = cli.add_subcommand("recruitment", "Recruitments");
  recruitment_cmd->require_subcommand(1);
  auto* shred = recruitment_cmd->add_subcommand(
      "erase-identities", "Delete a recruitment's data key: its applicants' identities become unreadable for good");
  std::int64_t shred_recruitment = 0;
  bool shred_confirmed = false;
  shred->add_option("--org", org_id)->required();
  shred->add_option("--recruitment", shred_recruitment)->required();
  shred->add_flag("--confirm", shred_confirmed, "Required: the erasure cannot be undone");

  auto* retention = cli.add_subcommand("retention", "Retention and disposal");
  retention->require_subcommand(1);
  auto* retention_run =
      retention->add_subcommand("run", "Dispose of what the retention schedule says is due (the server does it daily)");
  bool dry_run = false;
  retention_run->add_flag("--dry-run", dry_run, "Only list what would be disposed of");

  auto* audit = cli.add_subcommand("audit", "Audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Verify the hash chain of every organisation");

  auto* train_cmd = cli.add_subcommand(
      "train-names", "Train the person-name models from the NER corpora (train splits only) into DIR/names-LANG.bin");
  std::string train_corpus = "../shared/corpus/ner", train_out = "src/redact/models";
  train_cmd->add_option("--corpus", train_corpus, "The corpus folder (see its README)");
  train_cmd->add_option("--out", train_out, "Where the model files go");
  auto* redact_cmd = cli.add_subcommand("redact", "Redact identifying details from UTF-8 text on stdin (JSON out)");
  std::string redact_lang = "auto";
  std::vector<std::string> redact_names;
  redact_cmd->add_option("--lang", redact_lang, "Language of the text")
      ->check(CLI::IsMember({"fi", "sv", "en", "auto"}));
  redact_cmd->add_option("--name", redact_names, "The applicant's own name (repeatable); matched in every inflection");

  CLI11_PARSE(cli, argc, argv);
  if (redact_cmd->parsed()) return Redact(redact_lang, redact_names);
  if (train_cmd->parsed()) return TrainNames(train_corpus, train_out);
  dir.root = data_dir;
  dir.key_file = key_file;
  dir.database_url = database_url;
  options.log_requests = !quiet;

  if (backup->parsed()) {
    Status done = app::Backup(dir, backup_file);
    if (!done) return Fail(done.error());
    std::printf("backup written to %s; the server key is not in it: keep a copy of %s in another place\n",
                backup_file.c_str(), dir.ServerKey().c_str());
    return 0;
  }
  if (restore->parsed()) {
    Status done = app::Restore(dir, restore_file, restore_replace);
    if (!done) return Fail(done.error());
    std::printf("restored %s into %s\n", restore_file.c_str(),
                dir.OnPostgres() ? "the PostgreSQL database" : dir.Database().c_str());
    return 0;
  }
  if (key_rotate->parsed()) {
    Status done = app::RotateServerKey(dir);
    if (!done) return Fail(done.error());
    std::printf("the server key in %s is new; back it up now (backups made before need the old key)\n",
                dir.ServerKey().c_str());
    return 0;
  }

  if (serve->parsed()) return Serve(dir, options, demo, port_file, public_url, web_dir, mail_lease);

  auto store = app::OpenStore(dir);
  if (!store) return Fail(store.error());
  if (migrate->parsed()) {
    std::printf("database is up to date\n");
    return 0;
  }
  redact::EngineRedactor redactor;
  service::Context services{**store, redactor, app::Now};
  if (create_org->parsed()) {
    auto id = service::CreateOrganisation(services, org_name, AnonymityPolicy{}, login_domain);
    if (!id) return Fail(id.error());
    std::printf("%lld\n", static_cast<long long>(*id));
    if (auto org = (*store)->GetOrganisation(*id); org && !org->login_domain.empty()) {
      std::fprintf(stderr, "its users log in as name@%s\n", org->login_domain.c_str());
    }
    return 0;
  }
  if (create_user->parsed()) {
    std::getline(std::cin, password);
    User u;
    u.username = username;
    u.display_name = display;
    u.role = *ParseRole(role);
    auto created = service::CreateUserAsOperator(services, org_id, u, password);
    if (!created) return Fail(created.error());
    std::printf("%lld\n", static_cast<long long>(created->id));
    std::fprintf(stderr, "logs in as %s\n", created->username.c_str());
    return 0;
  }
  if (create_unit->parsed()) {
    auto id = (*store)->CreateUnit(org_id, unit_name);
    if (!id) return Fail(id.error());
    std::printf("%lld\n", static_cast<long long>(*id));
    return 0;
  }
  if (set_policy->parsed()) {
    AnonymityPolicy p{*ParseAnonymityRule(permanent), *ParseAnonymityRule(fixed_term)};
    auto s = (*store)->SetPolicy(org_id, p, 0, app::Now());
    if (!s) return Fail(s.error());
    std::printf("policy set: permanent=%s fixed_term=%s\n", permanent.c_str(), fixed_term.c_str());
    return 0;
  }
  if (shred->parsed()) {
    if (!shred_confirmed) return Fail(MakeError(ErrorCode::kInvalidInput, "Add --confirm: this cannot be undone."));
    auto erased = app::EraseIdentities(**store, dir, org_id, shred_recruitment);
    if (!erased) return Fail(erased.error());
    std::printf("the identities of recruitment %lld are erased\n", static_cast<long long>(shred_recruitment));
    return 0;
  }
  if (retention_run->parsed()) return RunRetention(**store, dry_run);
  if (verify->parsed()) return app::VerifyAuditChains(**store) ? 0 : 3;
  return 0;
}
