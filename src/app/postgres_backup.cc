#include "app/postgres_backup.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "app/operations.h"
#include "crypto/crypto.h"
#include "store/postgres_db.h"
#include "store/sql_store.h"

extern char** environ;

namespace reilu::app {

namespace fs = std::filesystem;

namespace {

// What libpq reads from `url`: the PG* variables that carry its settings (libpq knows which setting
// goes in which) and the database's name.
struct ConnectionSettings {
  std::vector<std::string> environment;
  std::string database;
};
Result<ConnectionSettings> ReadConnection(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    std::string message = error ? error : "out of memory";
    PQfreemem(error);
    return MakeError(ErrorCode::kInvalidInput, "The database URL cannot be read: " + message);
  }
  ConnectionSettings settings;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    if (o->envvar) settings.environment.push_back(std::string(o->envvar) + "=" + o->val);
    if (std::strcmp(o->keyword, "dbname") == 0) settings.database = o->val;
  }
  PQconninfoFree(options);
  return settings;
}

struct ToolRun {
  int exit_code = -1;
  std::string out, err;
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Runs a PostgreSQL client program found on PATH with the connection (if any) in its environment
// instead of the parent's PG* variables; its output and errors are read from temporary files.
Result<ToolRun> RunTool(const std::vector<std::string>& args, const std::string& url) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    if (std::strncmp(*e, "PG", 2) != 0) env.emplace_back(*e);
  }
  if (!url.empty()) {
    auto connection = ReadConnection(url);
    if (!connection) return connection.error();
    env.insert(env.end(), connection->environment.begin(), connection->environment.end());
  }
  std::string out_template = (fs::temp_directory_path() / "reilu-pgtool-XXXXXX").string();
  std::string err_template = out_template;
  int out_fd = ::mkstemp(out_template.data());
  int err_fd = ::mkstemp(err_template.data());
  if (out_fd < 0 || err_fd < 0) {
    if (out_fd >= 0) ::close(out_fd);
    if (err_fd >= 0) ::close(err_fd);
    return MakeError(ErrorCode::kInternal, "Cannot make a temporary file for " + args[0] + ".");
  }
  std::vector<char*> argv, envp;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  pid_t pid = 0;
  int spawned = ::posix_spawnp(&pid, args[0].c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_fd);
  ::close(err_fd);
  ToolRun run;
  if (spawned == 0) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = ReadAll(out_template);
    run.err = ReadAll(err_template);
  }
  std::error_code ec;
  fs::remove(out_template, ec);
  fs::remove(err_template, ec);
  if (spawned != 0) {
    return MakeError(ErrorCode::kInternal, args[0] +
                                               " was not found: install PostgreSQL's client programs (Debian: "
                                               "postgresql-client).");
  }
  return run;
}

Status ToolFailed(const std::string& tool, const ToolRun& run) {
  std::string why = run.err.size() > 600 ? run.err.substr(run.err.size() - 600) : run.err;
  while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  return MakeError(ErrorCode::kInternal, tool + " failed (exit " + std::to_string(run.exit_code) + "): " + why);
}

// The schema the store's tables go in: the first on the search path, whether it exists yet or not
// (current_schema() names only one that does).
Result<std::string> TargetSchema(store::Connection& conn) {
  auto s = conn.Prepare("SELECT coalesce(current_schema(), ''), current_setting('search_path')");
  if (!s) return s.error();
  if (!s->Step()) {
    REILU_TRY(s->status());
    return MakeError(ErrorCode::kInternal, "PostgreSQL did not say its search path.");
  }
  if (!s->Text(0).empty()) return s->Text(0);
  std::istringstream path(s->Text(1));
  for (std::string entry; std::getline(path, entry, ',');) {
    entry.erase(0, entry.find_first_not_of(' '));
    entry.erase(entry.find_last_not_of(' ') + 1);
    if (entry.size() >= 2 && entry.front() == '"') entry = entry.substr(1, entry.size() - 2);
    if (!entry.empty() && entry != "$user") return entry;
  }
  return MakeError(ErrorCode::kInvalidInput, "The database URL names no schema (set its search_path).");
}

Result<bool> HasReiluTables(store::Connection& conn) {
  auto s = conn.Prepare("SELECT CASE WHEN to_regclass('installation') IS NULL THEN 0 ELSE 1 END");
  if (!s) return s.error();
  if (!s->Step()) {
    REILU_TRY(s->status());
    return false;
  }
  return s->Int(0) == 1;
}

// One field of COPY's text format: backslash escapes undone.
std::string Unescape(std::string_view field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out += field[i];
      continue;
    }
    char next = field[++i];
    out += next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next;
  }
  return out;
}

struct KeyCheck {
  std::string schema;  // the schema the copy was taken of
  std::string sealed;
};

// The installation's "key_check" row as pg_restore prints the copy's data ("COPY s.installation
// (name, sealed) FROM stdin;", tab-separated rows, "\." at the end; bytea as \x and hex).
std::optional<KeyCheck> FindKeyCheck(const std::string& sql) {
  std::istringstream in(sql);
  std::vector<std::string> columns;
  KeyCheck found;
  bool in_copy = false;
  for (std::string line; std::getline(in, line);) {
    if (!in_copy) {
      if (line.rfind("COPY ", 0) != 0) continue;
      size_t name_end = line.find(' ', 5);
      std::string table = line.substr(5, name_end - 5);
      size_t dot = table.rfind('.');
      if (table.substr(dot == std::string::npos ? 0 : dot + 1) != "installation") continue;
      found.schema = dot == std::string::npos ? "" : table.substr(0, dot);
      if (found.schema.size() >= 2 && found.schema.front() == '"')
        found.schema = found.schema.substr(1, found.schema.size() - 2);
      size_t open = line.find('('), close = line.find(')');
      if (open == std::string::npos || close == std::string::npos) return std::nullopt;
      std::istringstream list(line.substr(open + 1, close - open - 1));
      columns.clear();
      for (std::string c; std::getline(list, c, ',');) {
        c.erase(0, c.find_first_not_of(' '));
        columns.push_back(c);
      }
      in_copy = true;
      continue;
    }
    if (line == "\\.") return std::nullopt;
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string f; std::getline(row, f, '\t');) fields.push_back(Unescape(f));
    if (fields.size() != columns.size()) continue;
    std::string name, sealed;
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == "name") name = fields[i];
      if (columns[i] == "sealed") sealed = fields[i];
    }
    if (name != "key_check" || sealed.rfind("\\x", 0) != 0) continue;
    for (size_t i = 2; i + 1 < sealed.size(); i += 2) {
      found.sealed += static_cast<char>(std::stoi(sealed.substr(i, 2), nullptr, 16));
    }
    return found;
  }
  return std::nullopt;
}

}  // namespace

Status BackupPostgres(const DataDir& dir, const fs::path& out) {
  {
    auto store = OpenStore(dir);  // a Reilu database this key opens, migrated
    if (!store) return store.error();
  }
  auto conn = store::OpenPostgres(dir.database_url);
  if (!conn) return conn.error();
  auto schema = TargetSchema(*conn);
  if (!schema) return schema.error();
  fs::path tmp = out.string() + ".tmp";
  std::error_code ec;
  fs::remove(tmp, ec);
  auto run = RunTool(
      {"pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--schema=" + *schema, "--file=" + tmp.string()},
      dir.database_url);
  if (!run) return run.error();
  if (run->exit_code != 0) {
    fs::remove(tmp, ec);
    return ToolFailed("pg_dump", *run);
  }
  fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, ec);
  REILU_TRY(Fsync(tmp));
  fs::rename(tmp, out, ec);
  if (ec) return MakeError(ErrorCode::kInternal, "Cannot move the backup to " + out.string() + ": " + ec.message());
  return OkStatus();
}

Status RestorePostgres(const DataDir& dir, const fs::path& from, bool replace) {
  REILU_TRY(crypto::Init());
  std::string magic(5, '\0');
  std::ifstream(from, std::ios::binary).read(magic.data(), 5);
  if (magic != "PGDMP") {
    return MakeError(ErrorCode::kInvalidInput,
                     from.string() + " is not a PostgreSQL backup made by reilu backup (pg_dump's custom format).");
  }
  auto key = crypto::LoadServerKey(dir.ServerKey());
  if (!key) {
    return MakeError(ErrorCode::kInvalidInput,
                     key.error().message + " A restore needs the server key the backup was made with.");
  }
  // Read from the copy itself before anything is restored: does the key open it, and which schema is it of?
  auto data = RunTool({"pg_restore", "--data-only", "--table=installation", "--file=-", from.string()}, "");
  if (!data) return data.error();
  if (data->exit_code != 0) return ToolFailed("pg_restore", *data);
  auto check = FindKeyCheck(data->out);
  if (!check) return MakeError(ErrorCode::kInvalidInput, from.string() + " holds no Reilu installation.");
  if (!store::Vault::KeyCheckOpens(check->sealed, *key)) {
    return MakeError(ErrorCode::kInvalidInput, "The server key at " + dir.ServerKey().string() +
                                                   " does not open this backup; find the key it was made with.");
  }
  auto conn = store::OpenPostgres(dir.database_url);
  if (!conn) return conn.error();
  auto schema = TargetSchema(*conn);
  if (!schema) return schema.error();
  if (*schema != check->schema) {
    return MakeError(ErrorCode::kInvalidInput, "The backup is of the schema " + check->schema +
                                                   "; the database URL uses " + *schema + " (set its search_path).");
  }
  auto occupied = HasReiluTables(*conn);
  if (!occupied) return occupied.error();
  if (*occupied && !replace) {
    return MakeError(ErrorCode::kConflict,
                     "The schema " + *schema + " already holds a Reilu database; stop the servers and add --replace.");
  }
  std::vector<std::string> args = {"pg_restore", "--no-owner", "--no-privileges", "--single-transaction"};
  if (*occupied) {
    args.push_back("--clean");
    args.push_back("--if-exists");
  }
  // The database's name alone on the command line (pg_restore needs one to restore into); the rest
  // of the connection, the password among it, goes in the environment.
  auto connection = ReadConnection(dir.database_url);
  if (!connection) return connection.error();
  if (connection->database.empty()) return MakeError(ErrorCode::kInvalidInput, "The database URL names no database.");
  args.push_back("--dbname=" + connection->database);
  args.push_back(from.string());
  auto run = RunTool(args, dir.database_url);
  if (!run) return run.error();
  if (run->exit_code != 0) return ToolFailed("pg_restore", *run);
  // Opening migrates an older copy and checks the key once more.
  auto store = OpenStore(dir);
  if (!store) return store.error();
  return OkStatus();
}

}  // namespace reilu::app
