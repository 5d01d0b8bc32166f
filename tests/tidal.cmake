# The differential test: every corpus line through real TidalCycles 1.7.10 and
# through seiche-cli, compared event by event (tests/tidal/README.md).
find_program(SEICHE_GHC ghc)
if(SEICHE_GHC)
  add_test(NAME tidal_differential
           COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/tidal/difftest.py $<TARGET_FILE:seiche-cli>
                   --keep-going -q --jobs 2
                   --expected-failures ${CMAKE_SOURCE_DIR}/tests/tidal/expected-failures.txt
                   --build-dir ${CMAKE_BINARY_DIR}/tidal-oracle)
  set_tests_properties(tidal_differential PROPERTIES LABELS "tidal;pattern" TIMEOUT 1200)
else()
  message(WARNING "ghc not found: the Tidal differential test is skipped (scripts/test installs it)")
endif()
