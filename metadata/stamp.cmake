# Run at build time by the mlist_version target (see CMakeLists.txt).
set(MLIST_GIT_DESCRIBE "")
if(GIT AND EXISTS "${SOURCE_DIR}/.git")
  execute_process(
    COMMAND "${GIT}" describe --always --dirty --tags
    WORKING_DIRECTORY "${SOURCE_DIR}"
    OUTPUT_VARIABLE MLIST_GIT_DESCRIBE
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
endif()
set(MLIST_VERSION "${PROJECT_VERSION}")
if(MLIST_GIT_DESCRIBE)
  set(MLIST_VERSION "${PROJECT_VERSION}+${MLIST_GIT_DESCRIBE}")
endif()
set(MLIST_URL "${URL}")
configure_file("${IN}" "${OUT}.new" @ONLY)
file(COPY_FILE "${OUT}.new" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.new")
