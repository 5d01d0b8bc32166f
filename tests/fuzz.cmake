# A short libFuzzer run of the front end, built with clang in its own tree.
add_test(NAME fuzz_parser_short COMMAND ${CMAKE_SOURCE_DIR}/scripts/fuzz 45)
set_tests_properties(fuzz_parser_short PROPERTIES LABELS "fuzz" TIMEOUT 900)
