# The layering of docs/architecture.md, checked on the sources: the domain core does no I/O and
# knows no adapter; use cases know no HTTP; handlers and the demo reach storage only through the
# use cases; the SQL code leaves keys, sealing and keyed hashes to the vault (store/vault.h). Run as `cmake -DSOURCE_DIR=<src> -P layering.cmake`; fails with each offending line.
set(failures "")

function(forbid label glob pattern)
  file(GLOB_RECURSE files ${SOURCE_DIR}/${glob})
  foreach(file ${files})
    file(STRINGS ${file} lines REGEX "${pattern}")
    foreach(line ${lines})
      file(RELATIVE_PATH rel ${SOURCE_DIR} ${file})
      string(APPEND failures "${label}: ${rel}: ${line}\n")
    endforeach()
  endforeach()
  set(failures "${failures}" PARENT_SCOPE)
endfunction()

forbid("core includes an adapter" "core/*" "#include \"(store|http|api|service|notify|pdf|attach|app)/")
forbid("core does I/O" "core/*" "#include <(fstream|iostream|filesystem|unistd.h|sys/[a-z]+.h|sqlite3.h|libpq-fe.h)>")
forbid("a use case knows HTTP" "service/*" "#include \"(http|api)/")
forbid("a handler reaches the store" "api/*.cc" "(\\.store\\.|store::Store|ctx\\.store|\\.store\\(\\))")
forbid("storage seals or hashes outside the vault" "store/sql*.cc"
  "crypto::(Seal|Open|KeyedHash|Sha256|RandomBytes|SystemRandom|SecretKey::Generate)")
forbid("the demo reaches the store" "app/demo*.cc" "(\\.store\\.|store::Store)")

if(failures)
  message(FATAL_ERROR "Layering broken:\n${failures}")
endif()
message(STATUS "Layering holds.")
